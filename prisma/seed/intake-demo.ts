/**
 * Intake demo data: Alex Rivera has a submitted intake (lower-back pain that
 * spreads to the left buttock and hip) and a follow-up a few weeks later;
 * Jordan Lee has a pending link; Casey Morgan is part-way through an intake and
 * answered an emergency red-flag question, so the therapist and front-desk home
 * pages show a real alert; Riley Thompson has not been sent one yet.
 */
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { computeScores, FORM_VERSION, painSummaryOf } from "../../lib/intake/intake-rules";
import { ageOn, evaluateRedFlags } from "../../lib/intake/red-flag-rules";
import { CURRENT_RED_FLAG_RULESET } from "../../lib/intake/red-flags/current";
import { draftAnswersSchema, type DraftAnswers } from "../../lib/intake/schema";
import type { SeededDemo } from "./demo-data";

/** A fixed link for the demo (documented in docs/intake.md); real links are random. */
export const DEMO_INTAKE_TOKEN = "demo-intake-link-for-jordan-lee-harbor-pt01";

const DAY = 24 * 60 * 60 * 1000;
const NO_RED_FLAGS = {
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
} as const;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

type Ctx = { prisma: PrismaClient; clinicId: string; frontDeskId: string };

async function submitted(
  ctx: Ctx,
  patient: { id: string; dateOfBirth: Date },
  kind: "initial" | "follow_up",
  raw: unknown,
  submittedAt: Date,
  psfsActivities: string[] = [],
) {
  const answers: DraftAnswers = draftAnswersSchema.parse(raw);
  const flags = evaluateRedFlags(CURRENT_RED_FLAG_RULESET, {
    answers,
    ageYears: ageOn(patient.dateOfBirth.toISOString().slice(0, 10), submittedAt.toISOString().slice(0, 10)),
  });
  const sentAt = new Date(submittedAt.getTime() - 2 * DAY);
  const intake = await ctx.prisma.intake.create({
    data: {
      clinicId: ctx.clinicId,
      patientId: patient.id,
      kind,
      status: "submitted",
      answers: answers as Prisma.InputJsonValue,
      revision: 12,
      formVersion: FORM_VERSION,
      requestedById: ctx.frontDeskId,
      psfsActivities,
      createdAt: sentAt,
      startedAt: new Date(submittedAt.getTime() - 40 * 60_000),
      lastSavedAt: submittedAt,
      submittedAt,
      submissionKey: crypto.randomUUID(),
      scores: computeScores(answers) as unknown as Prisma.InputJsonValue,
      painSummary: painSummaryOf(answers),
      links: {
        create: {
          patientId: patient.id,
          tokenHash: hash(`demo-used-${patient.id}-${kind}`),
          expiresAt: new Date(sentAt.getTime() + 14 * DAY),
          createdById: ctx.frontDeskId,
          createdAt: sentAt,
        },
      },
      marks: {
        create: (answers.painMap?.marks ?? []).map((m) => ({
          patientId: patient.id,
          regionCode: m.code,
          intensity: m.intensity!,
          qualities: m.qualities,
          role: m.role,
          spreadFrom: m.spreadFrom,
        })),
      },
      redFlags: {
        create: flags.map((f) => ({
          patientId: patient.id,
          ruleId: f.ruleId,
          tier: f.tier,
          label: f.label,
          ruleVersion: f.ruleVersion,
          raisedAt: submittedAt,
        })),
      },
    },
  });
  return intake;
}

export async function seedIntakeDemo(prisma: PrismaClient, core: SeededDemo): Promise<void> {
  const now = Date.now();
  const frontDeskId = core.users["frontdesk@harborpoint.example"]!;
  const therapist = await prisma.user.findUniqueOrThrow({ where: { email: "maya.chen@harborpoint.example" } });
  const ctx: Ctx = { prisma, clinicId: core.clinicId, frontDeskId };
  const patient = (email: string) =>
    prisma.patient.findUniqueOrThrow({ where: { id: core.patients[email]! }, select: { id: true, dateOfBirth: true } });

  // Alex Rivera: first intake four weeks ago, follow-up last week.
  const alex = await patient("alex.rivera@example.com");
  const alexIntake = await submitted(
    ctx,
    alex,
    "initial",
    {
      contact: {
        firstName: "Alex",
        lastName: "Rivera",
        dateOfBirth: "1986-04-12",
        email: "alex.rivera@example.com",
        phone: "2075550101",
        addressLine: "48 Pine Street",
        city: "Portland",
        postalCode: "04102",
        emergencyContactName: "Sam Rivera",
        emergencyContactPhone: "2075550177",
      },
      reason: {
        reason: "Low back pain on the left since carrying boxes when we moved house. Sitting at work makes it worse.",
        goals: "Sit through a workday without pain, pick up my toddler, get back to running 5 km.",
      },
      painMap: {
        nprsNow: 6,
        marks: [
          { code: 218, intensity: 7, qualities: ["aching", "stiffness"], role: "origin", spreadFrom: null },
          { code: 223, intensity: 5, qualities: ["aching", "pins_and_needles"], role: "spread", spreadFrom: 218 },
          { code: 222, intensity: 4, qualities: ["aching"], role: "spread", spreadFrom: 218 },
        ],
      },
      history: {
        onsetAgo: "2_6_weeks",
        onsetType: "sudden",
        cause: "Lifting and twisting with heavy boxes during a move.",
        pattern: "intermittent",
        trend: "same",
      },
      factors: {
        worse: ["sitting", "bending", "lifting", "getting_up"],
        better: ["moving", "heat", "changing_position"],
        contributors: ["posture", "carrying_one_side", "activity_increase"],
      },
      treatments: { treatments: ["pain_medication"], medications: "Ibuprofen 400 mg when needed." },
      redFlags: NO_RED_FLAGS,
      odi: { sections: [3, 2, 3, 1, 3, 2, 2, null, 2, 2] },
      startBack: { agree: [true, false, true, true, false, true, false, false], bothersome: "moderately" },
      psfs: {
        activities: [
          { activity: "Sitting at my desk for an hour", rating: 3 },
          { activity: "Lifting my toddler", rating: 2 },
          { activity: "Running 5 km", rating: 1 },
        ],
      },
      consent: { agreeTreatment: true, agreePrivacy: true, signatureName: "Alex Rivera" },
    },
    new Date(now - 28 * DAY),
  );
  // The routine flags were reviewed at the first visit.
  await prisma.redFlag.updateMany({
    where: { intakeId: alexIntake.id },
    data: {
      acknowledgedAt: new Date(now - 27 * DAY),
      acknowledgedById: therapist.id,
      acknowledgedByName: therapist.name,
      acknowledgementNote: "Reviewed at first visit: no neurological deficit, monitoring buttock tingling.",
    },
  });
  const activities = ["Sitting at my desk for an hour", "Lifting my toddler", "Running 5 km"];
  await submitted(
    ctx,
    alex,
    "follow_up",
    {
      painMap: {
        nprsNow: 3,
        marks: [
          { code: 218, intensity: 3, qualities: ["stiffness"], role: "origin", spreadFrom: null },
          { code: 223, intensity: 2, qualities: ["aching"], role: "spread", spreadFrom: 218 },
        ],
      },
      redFlags: NO_RED_FLAGS,
      odi: { sections: [1, 1, 1, 0, 1, 1, 1, null, 1, 1] },
      psfs: { activities: activities.map((activity, i) => ({ activity, rating: [6, 5, 4][i] })) },
    },
    new Date(now - 5 * DAY),
    activities,
  );

  // Jordan Lee: a link sent two days ago, not opened yet.
  const jordan = await patient("jordan.lee@example.com");
  await prisma.intake.create({
    data: {
      clinicId: core.clinicId,
      patientId: jordan.id,
      kind: "initial",
      formVersion: FORM_VERSION,
      requestedById: frontDeskId,
      createdAt: new Date(now - 2 * DAY),
      answers: {
        contact: {
          firstName: "Jordan",
          lastName: "Lee",
          dateOfBirth: "1972-09-30",
          email: "jordan.lee@example.com",
          phone: "2075550102",
        },
      },
      links: {
        create: {
          patientId: jordan.id,
          tokenHash: hash(DEMO_INTAKE_TOKEN),
          expiresAt: new Date(now + 12 * DAY),
          createdById: frontDeskId,
          sentTo: "jordan.lee@example.com",
          createdAt: new Date(now - 2 * DAY),
        },
      },
    },
  });

  // Casey Morgan: part-way through, and answered yes to new bladder problems: an emergency, not yet acknowledged.
  const casey = await patient("casey.morgan@example.com");
  const caseyAnswers = draftAnswersSchema.parse({
    contact: {
      firstName: "Casey",
      lastName: "Morgan",
      preferredName: "Case",
      dateOfBirth: "1995-01-22",
      phone: "2075550103",
    },
    reason: { reason: "Back pain after a fall while climbing; now my legs feel weak." },
    painMap: {
      nprsNow: 8,
      marks: [
        { code: 218, intensity: 8, qualities: ["stabbing"], role: "origin", spreadFrom: null },
        { code: 219, intensity: 8, qualities: ["stabbing"], role: "origin", spreadFrom: null },
        { code: 228, intensity: 5, qualities: ["numbness"], role: "spread", spreadFrom: 218 },
      ],
    },
    redFlags: { saddleNumbness: "no", bladderBowel: "yes" },
  });
  const raisedAt = new Date(now - 3 * 60 * 60_000);
  const emergencies = evaluateRedFlags(
    CURRENT_RED_FLAG_RULESET,
    { answers: caseyAnswers, ageYears: null },
    { tiers: ["emergency"] },
  );
  await prisma.intake.create({
    data: {
      clinicId: core.clinicId,
      patientId: casey.id,
      kind: "initial",
      formVersion: FORM_VERSION,
      requestedById: frontDeskId,
      createdAt: new Date(now - 1 * DAY),
      startedAt: new Date(raisedAt.getTime() - 15 * 60_000),
      lastSavedAt: raisedAt,
      revision: 9,
      currentStep: "redFlags",
      answers: caseyAnswers as Prisma.InputJsonValue,
      links: {
        create: {
          patientId: casey.id,
          tokenHash: hash(`demo-casey-${casey.id}`),
          expiresAt: new Date(now + 13 * DAY),
          createdById: frontDeskId,
          sentTo: "casey.morgan@example.com",
          createdAt: new Date(now - 1 * DAY),
        },
      },
      redFlags: {
        create: emergencies.map((f) => ({
          patientId: casey.id,
          ruleId: f.ruleId,
          tier: f.tier,
          label: f.label,
          ruleVersion: f.ruleVersion,
          raisedAt,
        })),
      },
    },
  });
}
