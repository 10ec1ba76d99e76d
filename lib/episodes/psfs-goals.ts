/**
 * The PSFS activities the patient named at intake: the plan's goals start
 * from them, in the patient's words (at most five, like the plan's goals).
 */
export function psfsGoalsOf(answers: unknown): string[] {
  const psfs = (answers as { psfs?: { activities?: unknown } } | null)?.psfs;
  const list = Array.isArray(psfs?.activities) ? (psfs.activities as { activity?: unknown }[]) : [];
  return list
    .flatMap((a) => (a && typeof a.activity === "string" && a.activity.trim() ? [a.activity.trim().slice(0, 200)] : []))
    .slice(0, 5);
}
