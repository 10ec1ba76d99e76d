import type { z } from "zod";

/**
 * An endpoint's contract: where it lives and the zod schemas of what it reads
 * and answers. The route (method + path) is kept apart from the schemas so a
 * client page can call an endpoint by its route without shipping zod: the
 * schemas reach the browser as types only (docs/decisions/070-typed-api-client.md).
 */
export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export type Route = { readonly method: Method; readonly path: string };

export type Contract = Route & {
  /** The JSON body the handler parses. */
  readonly request?: z.ZodType;
  /** The query string the handler parses. */
  readonly query?: z.ZodType;
  /** The success body, as it travels (dates are ISO strings). `undefined` for 204. */
  readonly response?: z.ZodType;
  /** The success status the document and the client expect. */
  readonly status?: 200 | 201 | 202 | 204;
};

/** A domain's contracts, each built from the route of the same name. */
export type Contracts<R extends Record<string, Route>> = {
  readonly [K in keyof R]: R[K] & Omit<Contract, keyof Route>;
};

/** `{patientId}` in a path becomes a required `patientId` parameter. */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParams<Rest>
  : never;

type Wire<S> = S extends z.ZodType ? z.input<S> : undefined;

export type RequestOf<C extends Contract> = Wire<C["request"]>;
export type QueryOf<C extends Contract> = Wire<C["query"]>;
export type ResponseOf<C extends Contract> = C["response"] extends z.ZodType ? z.input<C["response"]> : void;

/** Puts path parameters into a route's path (each one URI-encoded). */
export function pathOf(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}
