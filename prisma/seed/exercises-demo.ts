/**
 * Demo data for home exercise programs: the starter library, one template,
 * and two patients with a few weeks of realistic session logs (dated relative
 * to today, in the clinic's zone), so adherence, streaks and charts show
 * something on first run:
 *  - Alex Rivera: a program edited once (v1 -> v2), about three sessions in
 *    four done, pain easing from about 6 to 3, and the seal stretch flagged
 *    for raising pain. Nothing logged yet today.
 *  - Casey Morgan: a program followed about one day in three: listed under
 *    "adherence below 50%".
 * Jordan Lee has no program (the end-to-end test builds one for them).
 */
import { randomUUID } from "node:crypto";
import { defaultDosageColumns } from "../../lib/exercises/exercise-view";
import { STARTER_EXERCISES } from "../../lib/exercises/starter-library";
import type { Dosage } from "../../lib/exercises/dosage-rules";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { dueItem } from "../../lib/programs/rules/due-today-rules";
import { addDays, eachDay, instantOfLocal, todayIn, type LocalDate } from "../../lib/time/calendar-rules";
import { dateColumnOf } from "../../lib/time/date-column";
import type { SeededDemo } from "./demo-data";

export const DEMO_TEMPLATE_NAME = "Lower back knot — week 1";

type Spec = { name: string; dosage: Partial<Dosage> & { notes?: string } };

const TEMPLATE: Spec[] = [
  { name: "Cat-cow", dosage: { timesPerDay: 2 } },
  { name: "Knee-to-chest stretch", dosage: { timesPerDay: 2 } },
  { name: "Child's pose with side bend", dosage: {} },
  { name: "Diaphragmatic breathing", dosage: { timesPerDay: 1 } },
  { name: "Trigger-point release with a ball", dosage: { daysPerWeek: 5 } },
];

const ALEX_V2: Spec[] = [
  { name: "Cat-cow", dosage: { timesPerDay: 2 } },
  { name: "Knee-to-chest stretch", dosage: { timesPerDay: 1 } },
  { name: "Bird dog", dosage: {} },
  { name: "Seal stretch", dosage: { notes: "Prop on your elbows if straight arms pinch." } },
  { name: "Trigger-point release with a ball", dosage: { daysPerWeek: 5 } },
  { name: "Walking", dosage: { minutes: 15, notes: "Add 5 minutes each week if it feels fine." } },
];

const CASEY: Spec[] = [
  { name: "Walking", dosage: {} },
  { name: "Cat-cow", dosage: {} },
  { name: "Plank", dosage: {} },
];

/** Deterministic randomness, so the demo looks the same on every fresh start. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedExercisesDemo(prisma: PrismaClient, core: SeededDemo): Promise<void> {
  const clinic = await prisma.clinic.findUniqueOrThrow({ where: { id: core.clinicId } });
  const zone = clinic.timeZone;
  const today = todayIn(zone, new Date());
  const maya = { id: core.users["maya.chen@harborpoint.example"]!, name: "Maya Chen, DPT" };
  const sam = { id: core.users["sam.okafor@harborpoint.example"]!, name: "Sam Okafor, PT" };

  const exercises = new Map<string, { id: string; defaultDosage: Dosage }>();
  for (const e of STARTER_EXERCISES) {
    const { defaultDosage, ...fields } = e;
    const row = await prisma.exercise.create({
      data: {
        ...fields,
        ...defaultDosageColumns(defaultDosage),
        clinicId: clinic.id,
        starter: true,
        createdById: maya.id,
      },
    });
    exercises.set(e.name, { id: row.id, defaultDosage });
  }
  const items = (specs: Spec[]) =>
    specs.map((s, position) => {
      const e = exercises.get(s.name);
      if (!e) throw new Error(`Demo seed: no starter exercise named ${s.name}`);
      const d = { ...e.defaultDosage, ...s.dosage };
      // clinicId comes from the parent template or version (joined on (id, clinicId)).
      return {
        exerciseId: e.id,
        position,
        kind: d.kind,
        sets: d.sets,
        reps: d.reps,
        holdSeconds: d.holdSeconds,
        minutes: d.minutes,
        timesPerDay: d.timesPerDay,
        daysPerWeek: d.daysPerWeek,
        side: d.side,
        load: d.load,
        notes: s.dosage.notes ?? null,
      };
    });

  const template = await prisma.programTemplate.create({
    data: {
      clinicId: clinic.id,
      name: DEMO_TEMPLATE_NAME,
      description: "Gentle mobility, stretches and trigger-point release for a knot in the lower back.",
      createdById: maya.id,
      items: { create: items(TEMPLATE) },
    },
  });

  type VersionSpec = { specs: Spec[]; from: LocalDate; by: { id: string; name: string }; note?: string; title: string };
  async function program(patientId: string, start: LocalDate, versions: VersionSpec[]) {
    const p = await prisma.program.create({
      data: {
        clinicId: clinic.id,
        patientId,
        currentVersion: versions.length,
        createdById: versions[0]!.by.id,
        createdAt: new Date(instantOfLocal(start, 10 * 60, zone)),
      },
    });
    const made = [];
    for (const [i, v] of versions.entries()) {
      made.push(
        await prisma.programVersion.create({
          data: {
            clinicId: clinic.id,
            programId: p.id,
            version: i + 1,
            title: v.title,
            startDate: dateColumnOf(start),
            effectiveFrom: dateColumnOf(v.from),
            changeNote: v.note ?? null,
            templateId: i === 0 ? template.id : null,
            createdById: v.by.id,
            createdByName: v.by.name,
            createdAt: new Date(instantOfLocal(v.from, 10 * 60 + 30, zone)),
            items: { create: items(v.specs) },
          },
          include: { items: true },
        }),
      );
    }
    return { program: p, versions: made };
  }

  /** Logs day by day up to yesterday: each due session done with probability `keen`, pain easing over time. */
  async function logs(
    patientId: string,
    made: Awaited<ReturnType<typeof program>>,
    start: LocalDate,
    opts: { keen: number; seed: number; painFrom: number; painTo: number; flaggedExercise?: string },
  ) {
    const rnd = random(opts.seed);
    const days = eachDay(start, addDays(today, -1));
    const facts: Array<{ exerciseId: string; localDate: LocalDate; completed: boolean }> = [];
    const rows = [];
    const flaggedId = opts.flaggedExercise ? exercises.get(opts.flaggedExercise)?.id : undefined;
    for (const [n, day] of days.entries()) {
      const version =
        [...made.versions].reverse().find((v) => v.effectiveFrom <= dateColumnOf(day)) ?? made.versions[0]!;
      const basePain = opts.painFrom + ((opts.painTo - opts.painFrom) * n) / Math.max(1, days.length - 1);
      const painBefore = Math.max(0, Math.min(10, Math.round(basePain + (rnd() - 0.5) * 2)));
      for (const item of version.items) {
        const due = dueItem(item, facts, day);
        if (due.status === "weekly_goal_met") continue;
        for (let t = 0; t < item.timesPerDay; t++) {
          if (rnd() > opts.keen) continue;
          const hour = t === 0 ? 7 + Math.floor(rnd() * 3) : 18 + Math.floor(rnd() * 3);
          let painAfter = Math.max(0, Math.min(10, painBefore + Math.round((rnd() - 0.6) * 2)));
          // The flagged exercise raises pain in about a third of recent sessions.
          if (item.exerciseId === flaggedId && n > days.length - 14 && rnd() < 0.35)
            painAfter = Math.min(10, painBefore + 2 + Math.floor(rnd() * 2));
          facts.push({ exerciseId: item.exerciseId, localDate: day, completed: true });
          rows.push({
            clinicId: clinic.id,
            patientId,
            programId: made.program.id,
            versionId: version.id,
            itemId: item.id,
            exerciseId: item.exerciseId,
            clientKey: randomUUID(),
            completed: true,
            performedAt: new Date(instantOfLocal(day, hour * 60 + Math.floor(rnd() * 60), zone)),
            localDate: dateColumnOf(day),
            setsDone: item.sets,
            repsDone: item.reps,
            holdSecondsDone: item.holdSeconds,
            minutesDone: item.minutes,
            painBefore,
            painAfter,
            difficulty: (["easy", "about_right", "about_right", "hard"] as const)[Math.floor(rnd() * 4)]!,
          });
        }
      }
    }
    await prisma.exerciseLog.createMany({ data: rows });
  }

  const alexId = core.patients["alex.rivera@example.com"]!;
  const alexStart = addDays(today, -27);
  const alex = await program(alexId, alexStart, [
    { specs: TEMPLATE, from: alexStart, by: maya, title: DEMO_TEMPLATE_NAME },
    {
      specs: ALEX_V2,
      from: addDays(today, -12),
      by: maya,
      title: "Lower back knot — week 3",
      note: "Added bird dog, seal stretch and walking; knee-to-chest once a day.",
    },
  ]);
  await logs(alexId, alex, alexStart, { keen: 0.8, seed: 7, painFrom: 6, painTo: 3, flaggedExercise: "Seal stretch" });

  const caseyId = core.patients["casey.morgan@example.com"]!;
  const caseyStart = addDays(today, -20);
  const casey = await program(caseyId, caseyStart, [
    { specs: CASEY, from: caseyStart, by: sam, title: "Core and walking" },
  ]);
  await logs(caseyId, casey, caseyStart, { keen: 0.3, seed: 11, painFrom: 5, painTo: 4 });
}
