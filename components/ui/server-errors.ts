import type { FieldErrors } from "@/lib/errors";

/**
 * Splits the field errors a server sent (ActionResult or ApiError) into the
 * ones a form can show beside its own fields and the rest, which must still
 * reach the user (a field this form does not show, or a row it no longer has).
 * `shows` answers for dotted paths too ("items.2.dosage.sets"), so a nested
 * field's error lands beside that field.
 */
export function splitServerErrors(
  fieldErrors: FieldErrors | undefined,
  shows: (name: string) => boolean,
): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const [name, messages] of Object.entries(fieldErrors ?? {})) {
    if (!messages.length) continue;
    if (shows(name)) byField[name] = messages.join(" ");
    else other.push(...messages);
  }
  return { byField, other };
}

/**
 * Which names a form shows errors for: its top-level values, and any path it
 * rendered an error slot for (a row of a list, a nested dosage field). Paths
 * are remembered as the form renders them, since list rows come and go.
 */
export function shownFields(topLevel: readonly string[], rendered: ReadonlySet<string>): (name: string) => boolean {
  const top = new Set(topLevel);
  return (name) => top.has(name) || rendered.has(name);
}
