// Registers the service worker and announces a newer build to the page. The page (Rust) listens
// for `ogi-update-ready` and, when the user asks, sends `ogi-apply-update`; the page never
// reloads by itself. A plain file, so the strict CSP (script-src 'self') allows it; no syntax
// newer than Chromium 86 / Firefox 78 know.
if ('serviceWorker' in navigator) {
  const announce = () => window.dispatchEvent(new Event('ogi-update-ready'));
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    // A first install has no controller yet: that is not an update.
    if (registration.waiting && navigator.serviceWorker.controller) announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
      });
    });
    setInterval(() => registration.update(), 30 * 60 * 1000);
    window.addEventListener('ogi-apply-update', () => {
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      if (registration.waiting) registration.waiting.postMessage('skip-waiting');
      else location.reload();
    });
  }).catch(() => {});
}
