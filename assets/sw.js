// The service worker: precaches every file of the filling page's build (the list and the build id
// are written by scripts/post-build.mjs at build time), keeps the tools page's files once opened,
// serves both offline, and removes older builds' caches. A new build waits until the page asks
// for it: the page shows "有新版本，刷新后使用" and never reloads by itself while the user types.
const BUILD_ID = '__BUILD_ID__';
const PRECACHE = __PRECACHE__;
const CACHE = `ogi-report-${BUILD_ID}`;

self.addEventListener('install', (event) => {
  const scope = self.registration.scope;
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((file) => new URL(file, scope).href))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('ogi-report-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// The tools page is not precached; its files are kept in this build's cache when first fetched.
const keep = (request, response) => {
  const url = new URL(request.url);
  url.search = '';
  if (response.ok && url.href.startsWith(new URL('tools/', self.registration.scope).href)) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(url.href, copy));
  }
  return response;
};

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    // A page: the network when there is one, this build's copy when there is not.
    event.respondWith(
      fetch(request)
        .then((response) => keep(request, response))
        .catch(() => caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })
          .then((hit) => hit || cache.match(new URL('index.html', self.registration.scope).href)))),
    );
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })
    .then((hit) => hit || fetch(request).then((response) => keep(request, response)))));
});
