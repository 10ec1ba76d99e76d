import "server-only";
import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import type { Contract, ResponseOf } from "./endpoint";
import { describeErrorForLog } from "./log-safe-error";

export type ErrorBody = {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]> } & Record<string, unknown>;
};

function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (isAppError(error)) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors, ...error.extra } },
      { status: error.status },
    );
  }
  if (error instanceof ZodError) {
    return NextResponse.json(
      { error: { code: "validation", message: "Some answers need another look.", fieldErrors: fieldErrorsOf(error) } },
      { status: 422 },
    );
  }
  // Unknown failures: log the detail server-side, never send it (no stack traces, no data).
  console.error("[api] unexpected error:", describeErrorForLog(error));
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a state-changing request must come from our own pages
 * (docs/decisions/040-csrf-origin-policy.md). Browsers send Origin on every
 * cross-site POST/PUT/PATCH/DELETE, and modern ones also say where a request
 * came from in Sec-Fetch-Site: either one naming another site (or "null", from
 * sandboxed frames and some redirects) is refused. A request with neither
 * header is not a browser's (curl, server-to-server): it carries no cookie the
 * user did not hand over, and session cookies are SameSite=Lax besides.
 */
export function crossSiteRefusal(req: Request): NextResponse<ErrorBody> | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const refused = () => errorResponse(new AppError("forbidden", "Cross-site request refused."));
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return refused();
  const origin = req.headers.get("origin");
  if (origin === null) return null;
  const host = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  return host && originHost === host ? null : refused();
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler: same-origin check for writes, and one mapping of errors to HTTP. */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    const refused = crossSiteRefusal(req);
    if (refused) return refused;
    try {
      return await handler(req, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body; malformed JSON is the client's error (400), not ours. */
export async function readJson(req: Request, maxBytes = 256 * 1024): Promise<unknown> {
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError("validation", "The request is too large.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("validation", "The request body is not valid JSON.");
  }
}

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

export type Infer<S extends z.ZodType> = z.output<S>;

/** Health data and account answers must not sit in shared or browser caches. */
export const NO_STORE = { headers: { "Cache-Control": "no-store" } } satisfies ResponseInit;

/** What JSON.stringify turns into T: a Date where the wire has a string (its toJSON is the ISO string). */
type Serializable<T> = T extends string
  ? T | Date
  : T extends readonly (infer U)[]
    ? readonly Serializable<U>[]
    : T extends object
      ? { [K in keyof T]: Serializable<T[K]> }
      : T;

/**
 * Answers with an endpoint's success body and status: the body must fit the
 * contract's response schema (checked by the compiler, not at run time, so a
 * big calendar is not parsed twice).
 */
export function respond<C extends Contract>(
  contract: C,
  ...[body, init]: C["response"] extends z.ZodType
    ? [Serializable<ResponseOf<C>>, ResponseInit?]
    : [undefined?, ResponseInit?]
): NextResponse {
  const status = init?.status ?? contract.status ?? 200;
  if (status === 204) return new NextResponse(null, { ...init, status });
  return NextResponse.json(body, { ...init, status });
}
