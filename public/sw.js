// Backstrong service worker. The post-build hook fills in the build id and the list of
// every built file (with Trunk's content hashes), so one install caches the whole app.
const BUILD = "__BUILD__";
const PRECACHE = __PRECACHE__;
const CACHE = `backstrong-${BUILD}`;
// On a weak gym signal, do not wait longer than this for the network on navigation.
const NAV_TIMEOUT_MS = 3000;

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits until the user accepts it.
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k.startsWith("backstrong-") && k !== CACHE).map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}

// Network first, so a reachable server is always asked; but only a page of this same
// build is used, so a new deploy never swaps code under the user before they accept.
async function navigate(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(request), NAV_TIMEOUT_MS);
    if (response.ok) {
      const text = await response.clone().text();
      if (text.includes(BUILD)) {
        await cache.put("/index.html", response.clone());
        return response;
      }
    }
  } catch (_) {
    // Offline or too slow: the cached shell below serves every route.
  }
  return (await cache.match("/index.html")) || Response.error();
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
    return;
  }
  // Hashed assets never change under a name: cache first.
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
  );
});
