import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/**
 * A form shows a handful of errors; an array of 50,000 wrong items once made a
 * 2.7 MB error body (found by the fuzz tests, whose runner then ran out of
 * memory). The first fields are enough to correct the input.
 */
export const MAX_FIELDS_WITH_ERRORS = 50;
const MAX_MESSAGES_PER_FIELD = 3;

/** zod issues keyed by dotted field path, in words the form shows beside each field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  let fields = 0;
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    const messages = out[key];
    if (!messages) {
      if (fields >= MAX_FIELDS_WITH_ERRORS) continue;
      fields++;
      out[key] = [issue.message];
    } else if (messages.length < MAX_MESSAGES_PER_FIELD && !messages.includes(issue.message))
      messages.push(issue.message);
  }
  return out;
}

export const UNSTORABLE_TEXT_MESSAGE =
  "This contains a character we cannot store (an invisible control character or a broken emoji). Please retype it.";

/**
 * Text PostgreSQL cannot store: NUL (refused in text and jsonb, which turned
 * such input into a 500) and lone UTF-16 surrogates (half an emoji; silently
 * replaced on the way to the database, so what was stored would not be what
 * was sent). Found by the fuzz tests. Keys count too: objects become jsonb.
 */
export function unstorableTextPaths(input: unknown, path: (string | number)[] = [], out: string[] = [], depth = 0) {
  const bad = (s: string) => s.includes("\u0000") || !s.isWellFormed();
  const key = () => (path.length ? path.join(".") : "_form");
  if (depth > 64 || out.length >= 20) return out;
  if (typeof input === "string") {
    if (bad(input)) out.push(key());
  } else if (Array.isArray(input)) {
    input.forEach((v, i) => unstorableTextPaths(v, [...path, i], out, depth + 1));
  } else if (input && typeof input === "object") {
    for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
      if (bad(k)) out.push(key());
      else unstorableTextPaths(v, [...path, k], out, depth + 1);
    }
  }
  return out;
}

/** Parses untrusted input or throws a 422 AppError carrying field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const unstorable = unstorableTextPaths(input);
  if (unstorable.length)
    throw new AppError(
      "validation",
      "Some answers need another look.",
      Object.fromEntries(unstorable.map((k) => [k, [UNSTORABLE_TEXT_MESSAGE]])),
    );
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("validation", "Some answers need another look.", fieldErrorsOf(result.error));
  return result.data;
}
