import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { resolveIntakeLink } from "@/lib/intake/resolve-intake-link";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";
import { sendIntakeLink } from "@/lib/intake/send-intake-link";
import { submitIntake } from "@/lib/intake/submit-intake";
import type { IntakeLinkActor } from "@/lib/intake/intake-actor";

export const ORIGIN = { ip: "198.51.100.4", userAgent: "vitest-link" };

/** Everything an initial intake needs, with a lower-back map that spreads to the buttock and hip. */
export function completeInitialAnswers(overrides: Record<string, unknown> = {}) {
  return {
    contact: { firstName: "Ana", lastName: "Silva", dateOfBirth: "1980-05-05", phone: "207 555 0199", email: "" },
    reason: { reason: "Low back pain since moving house", goals: "Lift my toddler again" },
    painMap: {
      nprsNow: 6,
      marks: [
        { code: 218, intensity: 7, qualities: ["aching"], role: "origin", spreadFrom: null },
        { code: 223, intensity: 4, qualities: ["aching", "pins_and_needles"], role: "spread", spreadFrom: 218 },
        { code: 222, intensity: 3, qualities: ["aching"], role: "spread", spreadFrom: 218 },
      ],
    },
    history: { onsetAgo: "6_12_weeks", onsetType: "sudden", pattern: "intermittent", trend: "better", cause: "" },
    factors: { worse: ["sitting", "bending"], better: ["moving"] },
    treatments: { treatments: ["massage"] },
    redFlags: {
      saddleNumbness: "no",
      bladderBowel: "no",
      legWeakness: "no",
      cancerHistory: "no",
      feverChills: "no",
      weightLoss: "no",
      nightPain: "no",
      trauma: "none",
      recentInfection: "no",
      ivDrugUse: "no",
      immuneSuppression: "no",
    },
    // 3+2+2+1+2+2+1+2+1 = 16 over 9 answered sections -> 35.6% (moderate)
    odi: { sections: [3, 2, 2, 1, 2, 2, 1, null, 2, 1] },
    startBack: { agree: [true, false, true, true, false, false, false, false], bothersome: "very_much" },
    psfs: {
      activities: [
        { activity: "Sitting at my desk", rating: 4 },
        { activity: "Lifting my toddler", rating: 2 },
        { activity: "Running", rating: 3 },
      ],
    },
    consent: { agreeTreatment: true, agreePrivacy: true, signatureName: "Ana Silva" },
    ...overrides,
  };
}

export function tokenOf(url: string): string {
  return url.split("/intake/")[1]!;
}

export async function linkActorFor(url: string): Promise<IntakeLinkActor> {
  const resolved = await resolveIntakeLink(tokenOf(url), ORIGIN);
  if (!resolved.ok) throw new Error(`link not usable: ${resolved.problem}`);
  return resolved.actor;
}

/** Sends a link as `staff`, fills every answer through it and submits. */
export async function submittedIntakeFor(staff: Actor, patientId: string, answers = completeInitialAnswers()) {
  const sent = await sendIntakeLink(staff, patientId, { kind: "initial" });
  const actor = await linkActorFor(sent.url);
  await saveIntakeDraft(actor, actor.intakeId, { answers, baseRevision: 0 });
  const submitted = await submitIntake(actor, actor.intakeId, { submissionKey: randomUUID() });
  return { sent, actor, submitted };
}
