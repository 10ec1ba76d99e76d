import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { Contract } from "@/lib/http/endpoint";

/**
 * Building blocks for each domain's part of the OpenAPI document. Bodies and
 * query parameters are generated from the same zod schemas the handlers parse
 * with (zod 4's JSON Schema output is what OpenAPI 3.1 uses), so the document
 * cannot drift from the validation. The fuzz tests read the served document.
 */
export const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

/** An error body with more in it for the client to act on (fresh slots, duplicates, the current record). */
export const errorWith = (extra: z.ZodRawShape) => z.object({ error: errorSchema.shape.error.extend(extra) });

export const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: json(schema) } },
});

export const ok = (schema: z.ZodType, description = "OK") => ({
  description,
  content: { "application/json": { schema: json(schema) } },
});

export const errorResponses = {
  "401": ok(errorSchema, "Not signed in"),
  "403": ok(errorSchema, "Not allowed for this role"),
  "404": ok(errorSchema, "Not found or not yours"),
  "422": ok(errorSchema, "Invalid input, with a message per field"),
};

export const queryParams = (schema: z.ZodType) => {
  const s = json(schema);
  const required = (s.required as string[] | undefined) ?? [];
  return Object.entries((s.properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({
    name,
    in: "query",
    required: required.includes(name),
    schema,
  }));
};

export const pathParam = (name: string, schema: Record<string, unknown> = { type: "string", format: "uuid" }) => ({
  name,
  in: "path",
  required: true,
  schema,
});

/**
 * Who may call an operation, as document extensions: the permission the
 * data-access layer checks (lib/auth/permissions.ts), or the credential that
 * stands in for a session (an intake link or calendar-feed token in the path).
 */
export type Access =
  | { "x-mend-permission": Permission | Permission[] }
  | {
      "x-mend-credential":
        | "intake-link"
        | "account-setup-token"
        | "account-link-token"
        | "calendar-feed-token"
        | "provider-signature"
        | "waitlist-offer-link"
        | "none";
    };
export const needs = (permission: Permission | Permission[]): Access => ({ "x-mend-permission": permission });
export const credential = (
  kind:
    | "intake-link"
    | "account-setup-token"
    | "account-link-token"
    | "calendar-feed-token"
    | "provider-signature"
    | "waitlist-offer-link"
    | "none",
): Access => ({
  "x-mend-credential": kind,
});

/**
 * An operation's parameters, body and success response, from the endpoint's
 * contract (the same schemas the handler parses and answers with). `more` adds
 * the extra responses (409s, 410s) and parameters (headers) an operation has.
 */
export function fromContract(
  contract: Contract,
  more: { responses?: Record<string, unknown>; parameters?: unknown[]; description?: string } = {},
) {
  const status = contract.status ?? 200;
  const pathParams = [...contract.path.matchAll(/\{(\w+)\}/g)].map(([, name]) =>
    // Ids are UUIDs; anything else in a path (a link token) is an opaque string.
    name!.endsWith("Id") ? pathParam(name!) : pathParam(name!, { type: "string" }),
  );
  const parameters = [
    ...pathParams,
    ...(contract.query ? queryParams(contract.query) : []),
    ...(more.parameters ?? []),
  ];
  const description = more.description ?? (status === 201 ? "Created" : "OK");
  return {
    ...(parameters.length ? { parameters } : {}),
    ...(contract.request ? { requestBody: jsonBody(contract.request) } : {}),
    responses: {
      [String(status)]: contract.response ? ok(contract.response, description) : { description },
      ...errorResponses,
      ...more.responses,
    },
  };
}

/**
 * A FHIR R4 Bundle as the exports send it (a download, pretty-printed). Typed
 * only at the top: the resources inside are FHIR's own, described by FHIR's
 * specification rather than copied here.
 */
export const fhirBundleSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  type: z.literal("collection"),
  timestamp: z.iso.datetime(),
  entry: z.array(z.looseObject({ fullUrl: z.string(), resource: z.looseObject({ resourceType: z.string() }) })),
});

export const fhirBundle = (description: string) => ({
  description,
  content: { "application/fhir+json": { schema: json(fhirBundleSchema) } },
});

/** A file that is not JSON (a calendar, a CSV, a PDF): its media type, and a string or binary schema. */
export const file = (description: string, contentType: string, binary = false) => ({
  description,
  content: { [contentType]: { schema: binary ? { type: "string", format: "binary" } : { type: "string" } } },
});
