// The service worker: precaches every file of this build (the list and the build id are written
// by scripts/post-build.mjs at build time), serves them offline, and removes older builds'
// caches. A new build waits until the page asks for it: the page shows "有新版本，刷新后使用" and
// never reloads by itself while the user is typing.
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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    // The page itself: the network when there is one, this build's copy when there is not.
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(new URL('index.html', self.registration.scope).href))),
    );
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request))));
});
