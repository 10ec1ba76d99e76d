import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** zod issues keyed by dotted field path, in words the form shows beside each field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses untrusted input or throws a 422 AppError carrying field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("validation", "Some answers need another look.", fieldErrorsOf(result.error));
  return result.data;
}
