import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { holdTimerSeconds } from "@/lib/exercises/dosage-rules";
import { getToday, type TodayView } from "@/lib/programs/get-today";
import { loadPlanAndLogs } from "@/lib/programs/load-plan";
import { clinicClock } from "@/lib/programs/program-access";
import { toItemView, versionSelect } from "@/lib/programs/program-view";
import { adherenceBetween } from "@/lib/programs/rules/adherence-rules";
import { addDays, startOfWeek, todayIn } from "@/lib/time/calendar-rules";
import { formatLongDay } from "@/lib/time/format";
import { currentStreak, todayPlan } from "@/lib/programs/rules/due-today-rules";
import { seedDemo } from "../../prisma/seed/demo-data";
import { prismaFor } from "../../scripts/db/prisma-client";
import { actorFor, createClinic, createPatientActor } from "../factories";
import { createExercises, createProgramDirect } from "../factories/exercises";

/**
 * Today reads in two hand-written queries (lib/programs/load-today.ts). These
 * tests hold it to the answer the Prisma loaders it replaced give, built here
 * exactly as getToday built it before (docs/decisions/078), and to the same
 * scoping.
 */
async function throughPrismaLoaders(actor: Actor): Promise<TodayView> {
  const clock = await clinicClock(actor.clinicId);
  const base: TodayView = {
    clinic: { name: clock.name, phone: clock.phone, timeZone: clock.timeZone },
    today: clock.today,
    todayLabel: formatLongDay(clock.today),
    state: "none",
    startsOn: null,
    startsOnLabel: null,
    program: null,
    items: [],
    streak: 0,
    week: { done: 0, prescribed: 0 },
    painBeforeToday: null,
  };
  if (!actor.patientId) return base;
  const program = await db.program.findFirst({
    where: { patientId: actor.patientId, clinicId: actor.clinicId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: { id: true, currentVersion: true },
  });
  if (!program) return base;
  const { plan, facts } = await loadPlanAndLogs(program.id, actor.clinicId);
  const due = todayPlan(plan, facts, clock.today);
  const week = adherenceBetween(plan, facts, startOfWeek(clock.today), clock.today);
  const common = {
    ...base,
    streak: currentStreak(plan, facts, clock.today),
    week: { done: week.done, prescribed: week.prescribed },
    painBeforeToday:
      facts.filter((f) => f.localDate === clock.today && f.painBefore !== null).at(-1)?.painBefore ?? null,
  };
  const versionNumber = due.state === "active" ? due.version : program.currentVersion;
  const version = await db.programVersion.findUniqueOrThrow({
    where: { clinicId_programId_version: { clinicId: actor.clinicId, programId: program.id, version: versionNumber } },
    select: versionSelect,
  });
  if (due.state !== "active")
    return {
      ...common,
      state: due.state,
      startsOn: due.state === "not_started" ? due.startsOn : null,
      startsOnLabel: due.state === "not_started" ? formatLongDay(due.startsOn) : null,
      program: { id: program.id, version: version.version, title: version.title },
    };
  const status = new Map(due.items.map((d) => [d.exerciseId, d]));
  return {
    ...common,
    state: "active",
    program: { id: program.id, version: version.version, title: version.title },
    items: version.items.map((row) => {
      const item = toItemView(row);
      const d = status.get(item.exercise.id)!;
      const e = item.exercise;
      return {
        itemId: item.id,
        status: d.status,
        doneToday: d.doneToday,
        remainingToday: d.remainingToday,
        daysDoneThisWeek: d.daysDoneThisWeek,
        exercise: {
          id: e.id,
          name: e.name,
          summary: e.summary,
          position: e.position,
          steps: e.steps,
          cues: e.cues,
          cautions: e.cautions,
          figureKey: e.figureKey,
          media: e.media,
          equipment: e.equipment,
        },
        dosage: item.dosage,
        dosageText: item.dosageText,
        holdSeconds: holdTimerSeconds(item.dosage),
      };
    }),
  };
}

let clinicId: string;
let alex: Actor;
let casey: Actor;
let jordan: Actor;

beforeAll(async () => {
  const prisma = prismaFor(process.env.DATABASE_URL!);
  const core = await seedDemo(prisma, { mfaKeyMaterial: "integration-test-key-material-0123456789" });
  await prisma.$disconnect();
  clinicId = core.clinicId;
  const patient = async (email: string) =>
    actorFor(await db.user.findUniqueOrThrow({ where: { email } }), core.patients[email]!);
  alex = await patient("alex.rivera@example.com");
  casey = await patient("casey.morgan@example.com");
  // Jordan Lee has no program in the demo; the account is made here.
  const jordanPatient = await db.patient.findUniqueOrThrow({ where: { id: core.patients["jordan.lee@example.com"]! } });
  const jordanUser = await db.user.create({
    data: { clinicId, email: "jordan.today@example.com", name: "Jordan Lee", role: "patient" },
  });
  await db.patient.update({ where: { id: jordanPatient.id }, data: { userId: jordanUser.id } });
  jordan = await actorFor(jordanUser, jordanPatient.id);
});

describe("Today in two queries", () => {
  it("answers as the Prisma loaders did for an edited program with weeks of logs, and audits once", async () => {
    const before = await db.auditEvent.count({ where: { actorId: alex.userId, action: "program.read" } });
    const view = await getToday(alex);
    expect(view.state).toBe("active");
    expect(view.program?.version).toBe(2);
    expect(view.items.length).toBeGreaterThan(3);
    expect(view).toEqual(await throughPrismaLoaders(alex));
    expect(await db.auditEvent.count({ where: { actorId: alex.userId, action: "program.read" } })).toBe(before + 1);
    expect(await getToday(casey)).toEqual(await throughPrismaLoaders(casey));
  });

  it("shows an exercise's current upload, not a replaced one", async () => {
    const view = await getToday(alex);
    const exerciseId = view.items[0]!.exercise.id;
    const media = (replacedAt: Date | null, name: string) =>
      db.exerciseMedia.create({
        data: {
          clinicId,
          exerciseId,
          kind: "image",
          contentType: "image/png",
          byteSize: 10,
          storageKey: `${clinicId}/${crypto.randomUUID()}.png`,
          originalName: name,
          sha256: "0".repeat(64),
          replacedAt,
        },
      });
    await media(new Date(), "old.png");
    const current = await media(null, "new.png");
    const after = await getToday(alex);
    expect(after.items[0]!.exercise.media).toEqual({
      id: current.id,
      kind: "image",
      contentType: "image/png",
      originalName: "new.png",
      url: `/api/exercise-media/${current.id}`,
    });
    expect(after).toEqual(await throughPrismaLoaders(alex));
  });

  it("answers as before for a program not started yet, an ended one, and no program", async () => {
    expect(await getToday(jordan)).toEqual(await throughPrismaLoaders(jordan));
    expect((await getToday(jordan)).state).toBe("none");

    const [exercise] = await createExercises(clinicId, 1);
    const { timeZone } = await db.clinic.findUniqueOrThrow({ where: { id: clinicId } });
    const today = todayIn(timeZone, new Date());
    await createProgramDirect(clinicId, jordan.patientId!, {
      startDate: addDays(today, 3),
      effectiveFrom: today,
      items: [{ exerciseId: exercise!.id }],
    });
    const notStarted = await getToday(jordan);
    expect(notStarted).toMatchObject({ state: "not_started", startsOn: addDays(today, 3) });
    expect(notStarted).toEqual(await throughPrismaLoaders(jordan));

    await db.program.updateMany({
      where: { patientId: casey.patientId!, clinicId },
      data: { status: "ended", endedOn: new Date(`${addDays(today, -1)}T00:00:00Z`), endedAt: new Date() },
    });
    const ended = await getToday(casey);
    expect(ended.state).toBe("ended");
    expect(ended).toEqual(await throughPrismaLoaders(casey));
  });

  it("reads nothing across clinics, even for an actor naming another clinic's patient", async () => {
    const other = await createClinic();
    const stranger = await createPatientActor(other.id);
    const forged: Actor = { ...stranger.actor, patientId: alex.patientId };
    const view = await getToday(forged);
    expect(view).toMatchObject({ state: "none", program: null, items: [] });
    expect(view.clinic.name).toBe(other.name);
  });
});
