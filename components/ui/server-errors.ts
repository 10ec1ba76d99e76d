import type { FieldErrors } from "@/lib/errors";

/**
 * Splits the field errors a server sent (ActionResult or ApiError) into the
 * ones a form can show beside its own fields and the rest, which must still
 * reach the user (a nested path, or a field this form does not show).
 */
export function splitServerErrors(
  fieldErrors: FieldErrors | undefined,
  fieldNames: readonly string[],
): { byField: Record<string, string>; other: string[] } {
  const known = new Set(fieldNames);
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const [name, messages] of Object.entries(fieldErrors ?? {})) {
    if (!messages.length) continue;
    if (known.has(name)) byField[name] = messages.join(" ");
    else other.push(...messages);
  }
  return { byField, other };
}
