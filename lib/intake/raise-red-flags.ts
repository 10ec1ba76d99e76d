import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { env } from "@/lib/env";
import type { RaisedFlag, RedFlagTier } from "./red-flag-rules";

/**
 * Stores flags that fired (once per intake and rule) and, when an emergency
 * or same-day flag is new, emails the clinic and the patient's primary
 * therapist. The email names no patient and no symptom: it only says to look
 * in Mend.
 */
export async function raiseRedFlags(
  tx: Tx,
  intake: { id: string; clinicId: string; patientId: string },
  flags: readonly RaisedFlag[],
  now: Date,
): Promise<{ created: RaisedFlag[] }> {
  if (flags.length === 0) return { created: [] };
  const before = await tx.redFlag.findMany({ where: { intakeId: intake.id }, select: { ruleId: true } });
  const had = new Set(before.map((f) => f.ruleId));
  const created = flags.filter((f) => !had.has(f.ruleId));
  if (created.length === 0) return { created };
  await tx.redFlag.createMany({
    data: created.map((f) => ({
      clinicId: intake.clinicId,
      patientId: intake.patientId,
      intakeId: intake.id,
      ruleId: f.ruleId,
      tier: f.tier,
      label: f.label,
      ruleVersion: f.ruleVersion,
      raisedAt: now,
    })),
    skipDuplicates: true,
  });
  const urgent: RedFlagTier[] = ["emergency", "same_day"];
  const worst = created.find((f) => urgent.includes(f.tier));
  if (worst) {
    // One after the other: queries on one transaction's connection do not run in parallel.
    const clinic = await tx.clinic.findUniqueOrThrow({ where: { id: intake.clinicId }, select: { email: true } });
    const patient = await tx.patient.findUniqueOrThrow({
      where: { id: intake.patientId },
      select: { primaryTherapist: { select: { id: true, email: true, active: true } } },
    });
    const alert = {
      subject:
        worst.tier === "emergency" ? "Mend: EMERGENCY red flag on an intake" : "Mend: same-day red flag on an intake",
      text: `An intake just raised a${worst.tier === "emergency" ? "n emergency" : " same-day review"} red flag.\nOpen the alert list in Mend to review and acknowledge it: ${env().APP_URL}/clinic/therapist\n`,
    };
    const key = `red-flag-alert:${intake.id}:${worst.tier}`;
    if (clinic.email)
      await enqueueMessage(tx, {
        clinicId: intake.clinicId,
        kind: "intake.red_flag_alert",
        to: clinic.email,
        dedupeKey: key,
        ...alert,
      });
    // The patient's own therapist hears too, in a message of their own (decision 059); the same words, no detail.
    const therapist = patient.primaryTherapist;
    if (therapist?.active && therapist.email.toLowerCase() !== clinic.email?.toLowerCase())
      await enqueueMessage(tx, {
        clinicId: intake.clinicId,
        kind: "intake.red_flag_alert",
        to: therapist.email,
        dedupeKey: `${key}:therapist:${therapist.id}`,
        ...alert,
      });
  }
  return { created };
}
