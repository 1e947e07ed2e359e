// Loads the file-work package (crates/ogi-report-wasm, built by wasm-pack) the first time the page
// needs it: export, print, import. It is not part of the first load; the service worker precaches
// it after the first visit, so it also loads offline. A failed load (offline before any online
// visit) is forgotten, so the next request tries again. Two builds of the same crate: file-work/
// without the PDF reader (most of the package's size), and file-work/pdf/ with it, loaded only
// for a PDF.
const loading = new Map();

// Where the package lives: file-work/ beside the filling page; a page elsewhere (the tools page)
// names the folder in <meta name="ogi-file-work">.
const root = (document.querySelector('meta[name="ogi-file-work"]') || { content: 'file-work/' }).content;

function fileWork(dir) {
  if (!loading.has(dir)) {
    // The one-file page carries the package inside itself (assets/one-file-loader.js).
    const module = window.ogiOneFile ? window.ogiOneFile.fileWork(dir) : fetched(dir);
    module.catch(() => loading.delete(dir));
    loading.set(dir, module);
  }
  return loading.get(dir);
}

function fetched(dir) {
  const base = new URL(dir, new URL(root, document.baseURI));
  return import(new URL('ogi_report.js', base).href).then(async (module) => {
    await module.default({ module_or_path: new URL('ogi_report_bg.wasm', base) });
    return module;
  });
}

// Whether bytes to import are a PDF: its signature within the first kilobyte (as the core sniffs).
function isPdf(bytes) {
  return bytes instanceof Uint8Array && String.fromCharCode.apply(null, bytes.subarray(0, 1024)).indexOf('%PDF-') >= 0;
}

// Calls the package's `name(...args)` and settles with `{ ok }` or `{ error }`: the operation's
// own message, or null when the package itself could not be loaded.
export function callFileWork(name, args) {
  const pdf = (name === 'importFile' || name === 'audit') && isPdf(args[0]);
  return fileWork(pdf ? 'pdf/' : './').then(
    (module) => {
      try {
        return { ok: module[name](...args) };
      } catch (error) {
        return { error: String((error && error.message) || error) };
      }
    },
    () => ({ error: null }),
  );
}
