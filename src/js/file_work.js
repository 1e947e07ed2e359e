// Loads the file-work package (crates/ogi-report-wasm, built by wasm-pack into file-work/) the
// first time the page needs it: export, print, import. It is not part of the first load; the
// service worker precaches it after the first visit, so it also loads offline. A failed load
// (offline before any online visit) is forgotten, so the next request tries again.
let loading = null;

function fileWork() {
  if (!loading) {
    const base = new URL('file-work/', document.baseURI);
    loading = import(new URL('ogi_report.js', base).href).then(async (module) => {
      await module.default({ module_or_path: new URL('ogi_report_bg.wasm', base) });
      return module;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

// Calls the package's `name(...args)` and settles with `{ ok }` or `{ error }`: the operation's
// own message, or null when the package itself could not be loaded.
export function callFileWork(name, args) {
  return fileWork().then(
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
