import { randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { IntakeLinkActor } from "@/lib/intake/intake-actor";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";
import { sendIntakeLink } from "@/lib/intake/send-intake-link";
import { uploadExerciseMedia } from "@/lib/exercises/upload-exercise-media";
import { saveProgramTemplate } from "@/lib/programs/program-templates";
import { todayIn } from "@/lib/time/calendar-rules";
import { addDays } from "@/lib/time/calendar-rules";
import { createClinicWithPeople, createPatient, createUser } from "../../factories";
import { createAppointmentType, futureMonday, giveWeekdayHours, localInstant } from "../../factories/booking";
import { createExercise, createProgramDirect, itemInput } from "../../factories/exercises";
import { completeInitialAnswers, linkActorFor, submittedIntakeFor } from "../../factories/intake";

/**
 * The data-access matrix's world: a home clinic with every role and two
 * patients, and an away clinic. Patient B owns the records every case aims
 * at; patient A, the away clinic's staff and (for clinical records) the front
 * desk must not reach them.
 */
export const USER_PERSONAS = [
  "patientA",
  "patientB",
  "frontDesk",
  "therapist",
  "admin",
  "otherClinicTherapist",
  "otherClinicAdmin",
] as const;
export type UserPersona = (typeof USER_PERSONAS)[number];
/** Someone holding an intake link to another intake (patient A's), for the intake functions that take one. */
export type Persona = UserPersona | "linkHolder";

export const TIME_ZONE = "America/New_York";
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

export const exerciseInput = (name: string) => ({
  name,
  summary: "An exercise for the authorization matrix.",
  bodyArea: "core",
  position: "lying_on_side",
  equipment: ["mat"],
  targetMuscles: "obliques",
  steps: "Lie on your side.",
  cues: "",
  cautions: "",
  figureKey: "",
  defaultDosage: { kind: "hold", sets: "3", holdSeconds: "15", side: "both" },
});

/** Follow-ups ask for these steps (lib/intake/schema.ts); B's baseline named the PSFS activities. */
export const followUpAnswers = () => {
  const all = completeInitialAnswers();
  return { painMap: all.painMap, redFlags: all.redFlags, odi: all.odi, psfs: all.psfs };
};

export async function buildWorld() {
  const tag = randomBytes(3).toString("hex");
  const [home, away] = [await createClinicWithPeople(), await createClinicWithPeople()];
  const B = home.patientB;
  const A = home.patientA;
  const therapist2 = await createUser(home.clinic.id, "therapist", { name: `Second therapist ${tag}` });
  await giveWeekdayHours(home.clinic.id, home.therapist.userId);
  await giveWeekdayHours(away.clinic.id, away.therapist.userId);
  const homeType = await createAppointmentType(home.clinic.id, { durationMinutes: 45, onlineBookable: true });
  const awayType = await createAppointmentType(away.clinic.id, { durationMinutes: 45, onlineBookable: true });

  // Exercises: E1 is in B's program and has a picture; E2 is edited by the write cases.
  const [e1, e2] = [await createExercise(home.clinic.id), await createExercise(home.clinic.id)];
  const media = await uploadExerciseMedia(home.therapist, e1.id, { name: "e1.png", bytes: PNG });
  const today = todayIn(TIME_ZONE, new Date());
  const program = await createProgramDirect(home.clinic.id, B.patient.id, {
    startDate: addDays(today, -20),
    items: [{ exerciseId: e1.id }],
  });
  const template = await saveProgramTemplate(home.therapist, { name: `Template ${tag}`, items: [itemInput(e1.id)] });
  const awayExercise = await createExercise(away.clinic.id);
  const awayTemplate = await saveProgramTemplate(away.therapist, {
    name: `Away template ${tag}`,
    items: [itemInput(awayExercise.id)],
  });

  // B's intakes: a submitted initial intake with text only B and clinicians may read, and a red flag.
  const reasonCanary = `Canary reason ${tag}: lifting boxes at the harbour`;
  const { submitted } = await submittedIntakeFor(
    home.frontDesk,
    B.patient.id,
    completeInitialAnswers({
      reason: { reason: reasonCanary, goals: "Run again" },
      redFlags: { ...completeInitialAnswers().redFlags, nightPain: "yes" },
    }),
  );
  const intake = await db.intake.findUniqueOrThrow({
    where: { id: submitted.intakeId },
    select: { painSummary: true, redFlags: { select: { id: true, label: true } } },
  });
  // A's draft, whose link the "linkHolder" persona holds.
  const aLink = await sendIntakeLink(home.frontDesk, A.patient.id, { kind: "initial" });
  const linkHolder: IntakeLinkActor = await linkActorFor(aLink.url);

  const monday = futureMonday(TIME_ZONE, 3);
  let slotIndex = 0;
  /** A fresh weekday slot, hourly from 08:00 to 16:00, three or more weeks ahead: never the same twice. */
  const slot = () => {
    const i = slotIndex++;
    const date = addDays(monday, 7 * Math.floor(i / 45) + Math.floor((i % 45) / 9));
    const time = `${String(8 + (i % 9)).padStart(2, "0")}:00`;
    const weekday = 1 + Math.floor((i % 45) / 9);
    return { date, time, weekday, at: localInstant(date, time, TIME_ZONE) };
  };
  let soonIndex = 0;
  /** Starts within the next few hours (check-in is allowed on the day), never overlapping another. */
  const soon = () => new Date(Date.now() + (30 + 60 * soonIndex++) * 60_000);

  const appointmentFor = async (patientId: string, startsAt: Date) =>
    db.appointment.create({
      data: {
        clinicId: home.clinic.id,
        therapistId: home.therapist.userId,
        patientId,
        appointmentTypeId: homeType.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 45 * 60_000),
        blockedUntil: new Date(startsAt.getTime() + 45 * 60_000),
        bookedById: home.frontDesk.userId,
        bookedVia: "staff",
      },
      select: { id: true },
    });
  const appointmentB = await appointmentFor(B.patient.id, slot().at);

  const idempotencyKey = `matrix-${tag}`;
  await db.bookingRequest.create({
    data: {
      clinicId: home.clinic.id,
      userId: B.user.id,
      key: idempotencyKey,
      fingerprint: "matrix",
      result: { appointmentIds: [appointmentB.id] },
    },
  });

  const actors: Record<UserPersona, Actor> = {
    patientA: A.actor,
    patientB: B.actor,
    frontDesk: home.frontDesk,
    therapist: home.therapist,
    admin: home.admin,
    otherClinicTherapist: away.therapist,
    otherClinicAdmin: away.admin,
  };

  const bSecrets = [
    B.patient.lastName,
    B.patient.email!,
    B.patient.id,
    submitted.intakeId,
    program.id,
    appointmentB.id,
    "Silva", // the contact name B typed into the intake
  ];
  const clinical = [reasonCanary, intake.painSummary!, ...intake.redFlags.map((f) => f.label)];
  const homeIds = [
    A.patient.id,
    A.patient.lastName,
    e1.id,
    e2.id,
    homeType.id,
    template.id,
    home.therapist.userId,
    home.frontDesk.name,
    home.admin.name,
  ];

  return {
    tag,
    home,
    away,
    A,
    B,
    actors,
    linkHolder,
    therapist2,
    homeType,
    awayType,
    e1,
    e2,
    mediaId: media.media!.id,
    program: { id: program.id, itemId: program.versions[0]!.items[0]!.id },
    template,
    awayTemplate,
    intakeB: { submittedId: submitted.intakeId, flagIds: intake.redFlags.map((f) => f.id) },
    appointmentB,
    idempotencyKey,
    today,
    monday,
    slot,
    soon,
    appointmentFor,
    /** B's open follow-up draft (made on first use, or again after a case submitted it), with a live link. */
    draftB: async () => (await sendIntakeLink(home.frontDesk, B.patient.id, { kind: "follow_up" })).intakeId,
    /** B's follow-up draft, filled in completely through its link, ready to submit. */
    completeDraftB: async () => {
      const sent = await sendIntakeLink(home.frontDesk, B.patient.id, { kind: "follow_up" });
      const link = await linkActorFor(sent.url);
      const { revision } = await db.intake.findUniqueOrThrow({
        where: { id: sent.intakeId },
        select: { revision: true },
      });
      await saveIntakeDraft(link, link.intakeId, { answers: followUpAnswers(), baseRevision: revision });
      return sent.intakeId;
    },
    freshFlagB: async () =>
      (
        await db.redFlag.create({
          data: {
            clinicId: home.clinic.id,
            patientId: B.patient.id,
            intakeId: submitted.intakeId,
            ruleId: `matrix-${randomUUID()}`,
            tier: "same_day",
            label: "Matrix probe flag",
            ruleVersion: "matrix",
          },
          select: { id: true },
        })
      ).id,
    freshPatientProgram: async () => {
      const patient = await createPatient(home.clinic.id);
      return (
        await createProgramDirect(home.clinic.id, patient.id, { startDate: today, items: [{ exerciseId: e1.id }] })
      ).id;
    },
    freshTemplate: async () =>
      (await saveProgramTemplate(home.therapist, { name: `Template ${randomUUID()}`, items: [itemInput(e1.id)] })).id,
    freshOverride: async () =>
      (
        await db.scheduleOverride.create({
          data: {
            clinicId: home.clinic.id,
            therapistId: therapist2.id,
            date: new Date(`${addDays(monday, 30)}T00:00:00Z`),
            kind: "time_off",
          },
          select: { id: true },
        })
      ).id,
    freshFailedMessage: async () =>
      (
        await db.outboxMessage.create({
          data: {
            clinicId: home.clinic.id,
            kind: "test.message",
            toAddress: "someone@test.example",
            subject: "Matrix",
            textBody: "Matrix",
            status: "failed",
          },
          select: { id: true },
        })
      ).id,
    /** Opens the step-up window on the actor's session, as confirmIdentity would. */
    reauth: (actor: Actor) => db.authSession.update({ where: { id: actor.sessionId }, data: { reauthAt: new Date() } }),
    clearReauth: (actor: Actor) => db.authSession.update({ where: { id: actor.sessionId }, data: { reauthAt: null } }),
    /** Text each persona must never receive from a call that succeeds. */
    forbidden: {
      patientA: [...bSecrets, ...clinical],
      patientB: [A.patient.lastName, A.patient.email!, A.patient.id],
      frontDesk: clinical,
      therapist: [] as string[],
      admin: [] as string[],
      otherClinicTherapist: [...bSecrets, ...clinical, ...homeIds],
      otherClinicAdmin: [...bSecrets, ...clinical, ...homeIds],
      linkHolder: [...bSecrets, ...clinical],
    } satisfies Record<Persona, string[]>,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
