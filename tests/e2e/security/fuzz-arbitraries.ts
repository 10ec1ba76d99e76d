import fc from "fast-check";

/**
 * fast-check arbitraries from the JSON Schemas in the OpenAPI document (zod 4's
 * own output): values that look right, and the same values broken in the ways
 * clients and attackers break them. Only the subset of JSON Schema that zod
 * emits is understood; anything else becomes an arbitrary JSON value.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
};

const isoDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringOf(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === "uuid") return fc.uuid();
  if (s.format === "date-time") return isoDate;
  if (s.format === "date") return isoDate.map((d) => d.slice(0, 10));
  if (s.format === "email") return fc.emailAddress();
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).map((v) => v.slice(0, s.maxLength ?? 200));
    } catch {
      // a pattern JavaScript cannot compile: fall through to plain text
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
}

/** Values shaped by the schema (not always valid: refinements are not in JSON Schema). */
export function valueOf(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if ("const" in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf ?? s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((x) => valueOf(x, depth + 1)));
  if (s.allOf?.length) return valueOf(s.allOf[0]!, depth + 1);
  const types = [s.type ?? []].flat();
  if (types.length > 1) return fc.oneof(...types.map((t) => valueOf({ ...s, type: t }, depth + 1)));
  switch (types[0]) {
    case "object": {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      return fc.record(
        Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueOf(v, depth + 1)])) as Record<
          string,
          fc.Arbitrary<unknown>
        >,
        { requiredKeys: Object.keys(props).filter((k) => required.has(k)) },
      );
    }
    case "array":
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((x) => valueOf(x, depth + 1)));
      return fc.array(s.items ? valueOf(s.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
      });
    case "string":
      return stringOf(s);
    case "integer":
      return fc.integer({
        min: s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000),
        max: Math.min(s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1000), 2 ** 31 - 1),
      });
    case "number":
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Text that has broken servers before: NUL, lone surrogates, right-to-left overrides, injection shapes. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD83D",
  "x\uDE00y",
  "🦴💥👩🏽‍⚕️",
  "\u202Eevil\u202C",
  "שלום عليكم",
  "İıß",
  '\'; DROP TABLE "Patient"; --',
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "%00%2e%2e%2f",
  "${jndi:ldap://127.0.0.1/a}",
  "{{7*7}}",
  "\r\nSet-Cookie: x=1",
  "NaN",
  "-0",
  "1e309",
  "0x1F",
  "__proto__",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "2026-02-30",
  "2026-13-01T25:61:00Z",
  "9999-12-31T23:59:59.999+14:00",
];

export const NASTY_NUMBERS = [
  -1,
  0,
  -0,
  0.5,
  -0.0001,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  Number.MAX_SAFE_INTEGER,
];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 20_000 }).map((n) => "ü".repeat(n)) },
);

export const nastyNumber = fc.oneof(
  fc.constantFrom(...NASTY_NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Anything JSON can carry, weighted towards what is wrong for a typed field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => Array.from({ length: n }, () => 0)),
);

/** Every path to a value inside `v` ([] is the whole value). */
export function pathsOf(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) pathsOf(x, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (path.length === 0) return remove ? undefined : value;
  const copy: unknown = Array.isArray(root) ? [...root] : { ...(root as object) };
  const [head, ...rest] = path;
  const target = copy as Record<string | number, unknown>;
  if (rest.length === 0) {
    if (remove) {
      if (Array.isArray(copy)) copy.splice(head as number, 1);
      else delete target[head!];
    } else target[head!] = value;
  } else target[head!] = setAt(target[head!], rest, value, remove);
  return copy;
}

export type Mutation =
  | { kind: "none" }
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "remove"; at: number }
  | { kind: "extra"; key: string; value: unknown }
  | { kind: "wrap" };

/** Keys a handler must never take from a client: scope, identity and prototype pollution. */
const EXTRA_KEYS = ["clinicId", "patientId", "userId", "role", "id", "status", "version", "__proto__", "constructor"];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: wrongValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("extra" as const),
      key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), nastyString),
      value: wrongValue,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "wrap" as const }) },
);

export function applyMutation(value: unknown, m: Mutation): unknown {
  switch (m.kind) {
    case "none":
      return value;
    case "wrap":
      return [value];
    case "replace":
    case "remove": {
      const paths = pathsOf(value);
      const path = paths[m.at % paths.length]!;
      return setAt(value, path, m.kind === "replace" ? m.value : undefined, m.kind === "remove");
    }
    case "extra": {
      // JSON.parse on the server turns a "__proto__" key into an own property, as an attacker would send it.
      const objects = pathsOf(value).filter((p) => {
        const v = p.reduce<unknown>((acc, k) => (acc as Record<string | number, unknown>)?.[k], value);
        return v !== null && typeof v === "object" && !Array.isArray(v);
      });
      if (objects.length === 0) return value;
      const target = objects[m.key.length % objects.length]!;
      const obj = target.reduce<unknown>((acc, k) => (acc as Record<string | number, unknown>)[k], value) as object;
      const withExtra = Object.defineProperty({ ...obj }, m.key, { value: m.value, enumerable: true });
      return target.length ? setAt(value, target, withExtra) : withExtra;
    }
  }
}
