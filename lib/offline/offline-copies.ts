/**
 * The page's side of the offline copies (docs/decisions/075), browser only.
 * The worker keeps a page it serves; a page reached by an in-app link was
 * never fetched as a document, so the page asks the worker to fetch one copy.
 */
import { isOfflinePage, PATIENT_CACHES, patientCacheNames } from "./offline-cache-rules";

const hasCaches = () => typeof window !== "undefined" && "caches" in window;

const inFlight = new Map<string, Promise<void>>();

/**
 * Asks the worker to keep `pathname` (and the pictures it shows) unless a copy
 * is already kept. One request at a time per page: the copy is a real read of
 * the patient's data (audited), so it is made once, not once per trigger.
 */
export function keepOfflineCopy(pathname: string): Promise<void> {
  if (!isOfflinePage(pathname) || !hasCaches() || !("serviceWorker" in navigator)) return Promise.resolve();
  const running = inFlight.get(pathname);
  if (running) return running;
  const job = askWorkerToKeep(pathname).finally(() => inFlight.delete(pathname));
  inFlight.set(pathname, job);
  return job;
}

async function askWorkerToKeep(pathname: string): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  const page = new URL(pathname, window.location.origin).href;
  if (await caches.match(page, { cacheName: PATIENT_CACHES.pages, ignoreVary: true })) return;
  const pictures = performance
    .getEntriesByType("resource")
    .map((e) => e.name)
    .filter((u) => u.startsWith(`${window.location.origin}/api/exercise-media/`));
  const worker = registration.active;
  if (!worker) return;
  const done = new MessageChannel();
  const answered = new Promise<void>((resolve) => (done.port1.onmessage = () => resolve()));
  worker.postMessage(
    {
      type: "CACHE_URLS",
      payload: {
        urlsToCache: [
          [page, { headers: { accept: "text/html" }, credentials: "same-origin" }],
          ...pictures.map((u) => [u, { referrer: page, credentials: "same-origin" }]),
        ],
      },
    },
    [done.port2],
  );
  // Serwist answers once every URL was handled; offline it never does, and the next trigger asks again.
  await Promise.race([answered, new Promise((r) => setTimeout(r, 30_000))]);
}

/** Deletes the signed-in patient's copies; the build's own files (no patient data) stay. */
export async function clearOfflineCopies(): Promise<void> {
  if (!hasCaches()) return;
  const names = patientCacheNames(await caches.keys());
  await Promise.all(names.map((n) => caches.delete(n)));
}
