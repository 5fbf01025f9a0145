// Pagebook site service worker: the runtime and wheels live in content-hashed folders, so they
// are served from the cache forever once fetched; the page itself is served from the cache too
// and refreshed in the background, so a reload downloads nothing and the site works offline.
const CACHE = 'pagebook-__PAGEBOOK_VERSION__';
const IMMUTABLE = __PAGEBOOK_IMMUTABLE__;

self.addEventListener('install', event => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(IMMUTABLE)));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key.startsWith('pagebook-') && key !== CACHE)
      .map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  const immutable = IMMUTABLE.some(path => request.url === new URL(path, location.href).href);
  event.respondWith(caches.open(CACHE).then(async cache => {
    const cached = await cache.match(request, { ignoreSearch: true });
    const refresh = fetch(request).then(response => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    });
    if (cached) {
      if (!immutable) event.waitUntil(refresh.catch(() => undefined));
      return cached;
    }
    return refresh;
  }));
});
