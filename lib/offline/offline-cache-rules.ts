/**
 * What the service worker may keep on the device, and what ends it
 * (docs/decisions/075). Plain data in, a decision out: the worker
 * (lib/offline/service-worker.ts) and the page (components/offline) both
 * follow these, and the unit tests pin them down.
 */

/** The patient's own pages kept for opening with no network. Nothing else is ever cached as a page. */
export const OFFLINE_PAGES = ["/portal/exercises"] as const;

/** Every cache the worker makes starts with this; the precache of build files is the one that outlives a session. */
export const CACHE_PREFIX = "mend-";
/** The signed-in patient's copies (pages and their pictures): deleted when the session ends. */
export const PATIENT_CACHES = { pages: "mend-patient-pages", media: "mend-patient-media" } as const;

export type RequestFacts = {
  url: string;
  /** The worker's own origin. */
  origin: string;
  method: string;
  mode: string;
  /** Request headers that matter here, lower-case names. */
  accept: string | null;
  rsc: string | null;
  /** Next's router sets it on prefetches: nobody went there yet. */
  prefetch: string | null;
  /** Where the request came from (the page, for a picture). */
  referrer: string;
};

export type RequestRule =
  /** Network first, the last good copy when there is no network. */
  | "offline-page"
  /** A picture on an offline page: cache first (a replaced upload gets a new address). */
  | "offline-page-media"
  /** Nobody is signed in any more on this browser: delete the patient's copies, then go to the network. */
  | "ends-session"
  /** Not the worker's business: the browser fetches it as if there were no worker. */
  | "pass";

const pathOf = (url: string) => new URL(url).pathname;
export const isOfflinePage = (pathname: string) => (OFFLINE_PAGES as readonly string[]).includes(pathname);

export function requestRule(r: RequestFacts): RequestRule {
  const url = new URL(r.url);
  if (url.origin !== r.origin) return "pass";
  const path = url.pathname;
  // Sign-out posts here; a sign-in page is where every ended session, expired or refused, lands.
  if (r.method === "POST" && path === "/api/auth/signout") return "ends-session";
  // Reached by a page load, or by the router following a redirect (its RSC request); a prefetch goes nowhere.
  const arrives = r.mode === "navigate" || (!!r.rsc && !r.prefetch);
  if (arrives && (path === "/sign-in" || path.startsWith("/sign-in/"))) return "ends-session";
  if (r.method !== "GET") return "pass";
  // A document, never the router's RSC payload (same path, other body) nor a query variant.
  const wantsDocument = r.mode === "navigate" || (r.accept ?? "").includes("text/html");
  if (isOfflinePage(path) && !url.search && !r.rsc && wantsDocument) return "offline-page";
  if (path.startsWith("/api/exercise-media/") && r.referrer && isOfflinePage(safePath(r.referrer)))
    return "offline-page-media";
  return "pass";
}

function safePath(url: string) {
  try {
    return pathOf(url);
  } catch {
    return "";
  }
}

export type ResponseFacts = { status: number; type: string; redirected: boolean; contentType: string | null };

/** Only a plain, successful answer is worth keeping: never a redirect (to sign-in), an error, or another kind of body. */
export function mayKeep(rule: "offline-page" | "offline-page-media", res: ResponseFacts): boolean {
  if (res.status !== 200 || res.type !== "basic" || res.redirected) return false;
  const type = (res.contentType ?? "").toLowerCase();
  return rule === "offline-page" ? type.startsWith("text/html") : type.startsWith("image/");
}

/**
 * An answer that says this browser's session is over (or never was): the
 * patient's copies must go. A redirect from an offline page can only be to
 * sign in; pictures answer 401 without a session. The worker leaves API calls
 * alone, so the Today page clears the copies itself on its API's 401.
 */
export function endsSession(rule: RequestRule, res: Pick<ResponseFacts, "status" | "type" | "redirected">): boolean {
  if (rule === "ends-session") return true;
  if (rule === "offline-page-media") return res.status === 401;
  // A navigation sees the redirect itself (opaque); the copy fetched for the device follows it.
  if (rule === "offline-page") return res.type === "opaqueredirect" || res.redirected || res.status === 401;
  return false;
}

/** The caches to delete when a session ends: the patient's copies, not the build's own files. */
export const patientCacheNames = (names: readonly string[]) =>
  names.filter((n) => (Object.values(PATIENT_CACHES) as string[]).includes(n));
