import type { FieldErrors } from "@/lib/errors";
import {
  pathOf,
  type Contract,
  type PathParams,
  type QueryOf,
  type RequestOf,
  type ResponseOf,
  type Route,
} from "./endpoint";

/**
 * The browser's one way to call Mend's JSON API. Every failure becomes an
 * ApiError carrying what the server said in its error body
 * (`{ error: { code, message, fieldErrors?, ...extra } }`, lib/http/respond.ts),
 * so a form can put field errors beside its fields and a conflict can offer
 * what the server sent back (fresh slots, the current record, duplicates).
 * Client-safe: no server-only imports, and no zod at run time.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    /** The rest of the error body, e.g. `freshSlots`, `conflicts`, `duplicates`, `current`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }
}

export const FALLBACK_MESSAGE = "Something went wrong. Please try again.";
export const NETWORK_MESSAGE = "We could not reach Mend. Check your connection and try again.";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function fieldErrorsOf(value: unknown): FieldErrors {
  if (!isRecord(value)) return {};
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(value)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === "string");
    if (list.length) out[key] = list;
  }
  return out;
}

/** Reads an error response body defensively: a proxy's HTML page or an empty body still gives a usable error. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const { code, message, fieldErrors, ...extra } = error;
  return new ApiError(
    status,
    typeof code === "string" ? code : "unknown",
    typeof message === "string" && message ? message : FALLBACK_MESSAGE,
    fieldErrorsOf(fieldErrors),
    extra,
  );
}

/** The one fetch of JSON: sends JSON (or FormData) and returns the parsed body, or throws ApiError. */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const jsonBody = init.body !== undefined && !(init.body instanceof FormData);
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      headers: {
        accept: "application/json",
        ...(jsonBody ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", NETWORK_MESSAGE);
  }
  if (res.status === 204) return undefined as T;
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw apiErrorFrom(res.status, body);
  return body as T;
}

type ParamsInput<P extends string> = [PathParams<P>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParams<P>, string> };
type BodyInput<C extends Contract> = C["request"] extends object ? { body: RequestOf<C> } : { body?: undefined };
type QueryInput<C extends Contract> = C["query"] extends object ? { query?: QueryOf<C> } : { query?: undefined };

export type CallInput<C extends Contract> = ParamsInput<C["path"]> &
  BodyInput<C> &
  QueryInput<C> & {
    headers?: Record<string, string>;
    signal?: AbortSignal;
    /** Let the request outlive the page (a save sent as the tab is hidden or closed). */
    keepalive?: boolean;
    /** A multipart body (an upload), for an endpoint without a JSON request schema. */
    form?: FormData;
  };

type CallArgs<C extends Contract> = object extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

function queryString(query: unknown): string {
  if (!isRecord(query)) return "";
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== "");
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : "";
}

/** Calls one endpoint by its route; the types come from the contract. */
export function call<C extends Contract>(route: Route, ...[input]: CallArgs<C>): Promise<ResponseOf<C>> {
  const i = (input ?? {}) as {
    params?: Record<string, string>;
    body?: unknown;
    query?: unknown;
    form?: FormData;
  } & RequestInit;
  return fetchJson<ResponseOf<C>>(pathOf(route.path, i.params) + queryString(i.query), {
    method: route.method,
    headers: i.headers,
    signal: i.signal,
    ...(i.keepalive ? { keepalive: true } : {}),
    ...(i.form ? { body: i.form } : i.body !== undefined ? { body: JSON.stringify(i.body) } : {}),
  });
}

/**
 * A domain's client: `apiClient<typeof bookingContracts>(bookingRoutes)` gives
 * `api.book({ body, headers })` typed by the zod schemas, while only the routes
 * (plain strings) are bundled. The routes must match the contracts' routes.
 */
export function apiClient<Cs extends Record<string, Contract>>(routes: {
  readonly [K in keyof Cs]: Pick<Cs[K], "method" | "path">;
}): { readonly [K in keyof Cs]: (...args: CallArgs<Cs[K]>) => Promise<ResponseOf<Cs[K]>> } {
  return Object.fromEntries(
    Object.entries(routes).map(([name, route]) => [name, (...args: never[]) => call(route as Route, ...(args as []))]),
  ) as never;
}
