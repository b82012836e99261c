// Comeback's service worker: keeps one complete build for offline use.
// tools/post-build.js fills in VERSION (a hash of the build's contents) and
// FILES (every file of the build) and writes the result next to index.html.
const VERSION = '__COMEBACK_VERSION__';
const FILES = __COMEBACK_FILES__;
const CACHE = `comeback-${VERSION}`;

self.addEventListener('install', (event) => {
  // Fetch past the HTTP cache so the precache matches this build exactly.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))),
  );
  // No skipWaiting() here: a new version waits until the person agrees to reload.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('comeback-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      // Only this build's cache: files of two builds are never mixed.
      const cache = await caches.open(CACHE);
      if (request.mode === 'navigate') {
        const page = await cache.match('./');
        if (page) return page;
      } else {
        const file = await cache.match(request, { ignoreSearch: true });
        if (file) return file;
      }
      return fetch(request);
    })(),
  );
});
