// Starts the one-file page (scripts/one-file.mjs): its program files sit in the page itself as
// gzip + base64 text in inert <script type="application/x-ogi-blob" id="ogi-blob:NAME"> elements,
// because a page opened from disk (file://) may fetch nothing, not even a file beside it. Each is
// decoded when needed — the page's program now, the file-work package on the first export or
// import (src/js/file_work.js asks window.ogiOneFile), its PDF build for a PDF only — and modules
// are handed to import() as blob: URLs. No syntax newer than Chromium 86 / Firefox 78 know.
(function () {
  var SNIPPETS = __SNIPPETS__;
  var cache = {};

  /** The bytes of the file NAME, decompressed (once). */
  function bytes(name) {
    if (!cache[name]) {
      var element = document.getElementById('ogi-blob:' + name);
      if (!element) return Promise.reject(new Error('one-file: ' + name + ' is missing'));
      var binary = atob(element.textContent);
      var packed = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i += 1) packed[i] = binary.charCodeAt(i);
      var stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
      cache[name] = new Response(stream).arrayBuffer().then(function (buffer) {
        return new Uint8Array(buffer);
      });
    }
    return cache[name];
  }

  /** A URL import() can load the module NAME from, its snippet imports pointed at theirs. */
  function moduleUrl(name, imports) {
    return bytes(name).then(function (code) {
      var text = new TextDecoder().decode(code);
      Object.keys(imports || {}).forEach(function (path) {
        text = text.split('"./' + path + '"').join('"' + imports[path] + '"');
        text = text.split("'./" + path + "'").join("'" + imports[path] + "'");
      });
      return URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    });
  }

  /** Imports the wasm-bindgen module DIR/ogi_report.js and instantiates its wasm. */
  function load(glue, wasm, imports) {
    return Promise.all([moduleUrl(glue, imports), bytes(wasm)]).then(function (parts) {
      return import(parts[0]).then(function (module) {
        return module.default({ module_or_path: parts[1] }).then(function (instance) {
          return { module: module, instance: instance };
        });
      });
    });
  }

  window.ogiOneFile = {
    /** The files decoded so far (for the specs: the file-work package waits for its first use). */
    decoded: function () { return Object.keys(cache).sort(); },
    /** The file-work package: DIR is './' (lean) or 'pdf/' (with the PDF reader). */
    fileWork: function (dir) {
      var base = dir === 'pdf/' ? 'file-work/pdf/' : 'file-work/';
      return load(base + 'ogi_report.js', base + 'ogi_report_bg.wasm').then(function (loaded) {
        return loaded.module;
      });
    },
  };

  if (typeof DecompressionStream !== 'function') {
    if (window.ogiStartFailed) window.ogiStartFailed(new Error('DecompressionStream is not supported'));
    return;
  }
  // The program mounts on <body>, which the parser reaches after the file-work files in <head>.
  var parsed = new Promise(function (done) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', done);
    else done();
  });
  Promise.all(SNIPPETS.map(function (path) { return moduleUrl(path); }).concat([parsed]))
    .then(function (urls) {
      var imports = {};
      SNIPPETS.forEach(function (path, i) { imports[path] = urls[i]; });
      return load('page.js', 'page.wasm', imports);
    })
    .then(function (loaded) {
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: loaded.instance } }));
    }, function (error) {
      if (window.ogiStartFailed) window.ogiStartFailed(error);
    });
})();
