/// <reference lib="webworker" />
/**
 * The service worker (docs/decisions/075), bundled to public/sw.js by
 * scripts/build-service-worker.ts after `next build`. Serwist precaches the
 * build's own files (/_next/static: code and styles, no patient data); the
 * patient's Today page and its pictures are kept network-first / cache-first;
 * everything else, staff pages and other APIs included, goes to the network
 * untouched. The rules are in offline-cache-rules.ts.
 */
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  Serwist,
  type PrecacheEntry,
  type RouteHandlerCallbackOptions,
  type RouteMatchCallbackOptions,
  type SerwistPlugin,
} from "serwist";
import {
  CACHE_PREFIX,
  endsSession,
  mayKeep,
  PATIENT_CACHES,
  patientCacheNames,
  requestRule,
  type RequestRule,
} from "./offline-cache-rules";

declare const self: ServiceWorkerGlobalScope;
/** Filled in by the build: this build's files (their names carry their content hash). */
declare const MEND_PRECACHE: PrecacheEntry[];

/** Bumped by every purge: an answer fetched before it is not stored after it (a sign-out mid-fetch). */
let generation = 0;

async function deletePatientCopies() {
  generation++;
  const names = patientCacheNames(await caches.keys());
  await Promise.all(names.map((n) => caches.delete(n)));
}

const ruleOf = (request: Request): RequestRule =>
  requestRule({
    url: request.url,
    origin: self.location.origin,
    method: request.method,
    mode: request.mode,
    accept: request.headers.get("accept"),
    rsc: request.headers.get("rsc"),
    prefetch: request.headers.get("next-router-prefetch"),
    referrer: request.referrer,
  });

/** Keeps only plain successful answers, and none that arrived after a purge; purges when an answer ends the session. */
function guard(rule: "offline-page" | "offline-page-media"): SerwistPlugin {
  return {
    requestWillFetch: ({ request, state }) => {
      if (state) state.generation = generation;
      return request;
    },
    fetchDidSucceed: async ({ response }) => {
      if (endsSession(rule, response)) await deletePatientCopies();
      return response;
    },
    cacheWillUpdate: ({ response, state }) => {
      if (state && state.generation !== generation) return null;
      const facts = {
        status: response.status,
        type: response.type,
        redirected: response.redirected,
        contentType: response.headers.get("content-type"),
      };
      return mayKeep(rule, facts) ? response : null;
    },
  };
}

const matches =
  (rule: RequestRule) =>
  ({ request }: RouteMatchCallbackOptions) =>
    ruleOf(request) === rule;

/** Sign-out and sign-in: nobody's pages stay on this browser from here on. */
async function endSessionThenFetch({ request }: RouteHandlerCallbackOptions) {
  await deletePatientCopies();
  return fetch(request);
}

const serwist = new Serwist({
  precacheEntries: MEND_PRECACHE,
  // Named here: Serwist applies `cacheId` to the precache only after naming it.
  precacheOptions: { cacheName: `${CACHE_PREFIX}precache`, cleanupOutdatedCaches: true },
  cacheId: CACHE_PREFIX.slice(0, -1),
  // A new build takes over at once: its precache already holds every file its pages name.
  skipWaiting: true,
  clientsClaim: true,
  disableDevLogs: true,
  runtimeCaching: [
    { matcher: matches("ends-session"), handler: endSessionThenFetch, method: "GET" },
    { matcher: matches("ends-session"), handler: endSessionThenFetch, method: "POST" },
    {
      matcher: matches("offline-page"),
      handler: new NetworkFirst({
        cacheName: PATIENT_CACHES.pages,
        // One copy per address, whatever the request's headers (Next varies pages on its router headers).
        matchOptions: { ignoreVary: true },
        plugins: [guard("offline-page")],
      }),
    },
    {
      matcher: matches("offline-page-media"),
      handler: new CacheFirst({
        cacheName: PATIENT_CACHES.media,
        matchOptions: { ignoreVary: true },
        plugins: [
          guard("offline-page-media"),
          new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 30 * 24 * 60 * 60, purgeOnQuotaError: true }),
        ],
      }),
    },
  ],
});

self.addEventListener("activate", (event) => {
  // The kept pages name the previous build's files, which the precache is about to drop: the
  // next visit online (the page asks at once, components/offline) stores them again.
  event.waitUntil(caches.delete(PATIENT_CACHES.pages));
});

serwist.addEventListeners();
