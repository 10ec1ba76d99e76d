import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getDischargeSummary } from "@/lib/episodes/get-discharge-summary";
import type { ScoreValues } from "@/lib/episodes/discharge-summary-rules";
import { isAppError } from "@/lib/errors";
import { getOutcomeReport } from "@/lib/outcomes/get-outcome-report";
import { outcomeReportCsv } from "@/lib/outcomes/outcome-report-csv-rules";
import type { GroupFigures, MeasureFigures } from "@/lib/outcomes/outcome-report-rules";
import { addDays } from "@/lib/time/calendar-rules";
import { createOutcomeEpisode } from "../../../prisma/seed/outcome-episode";
import { prismaFor } from "../../../scripts/db/prisma-client";
import { createAppointmentType } from "../../factories/booking";
import { createExercise } from "../../factories/exercises";
import { actorFor, createClinic, createPatient, createStaffActor, createUser } from "../../factories/index";

/**
 * Hand-computed fixtures. Every episode runs 20 days (start = discharge - 19)
 * with a once-a-day exercise, so adherence = done days / 20.
 * Improvement = baseline - follow-up for ODI and NPRS, follow-up - baseline for PSFS;
 * thresholds: ODI 10, NPRS 2, PSFS 2.
 */
type Fixture = {
  therapist: "alice" | "bob";
  risk: "medium" | "high";
  baseline: Partial<ScoreValues>;
  followUp: Partial<ScoreValues> | null;
  visits: number;
  doneDays: number | null;
  dischargedOn?: string;
};

const MARCH: Record<string, Fixture> = {
  //            ODI 40->20 = 20 (yes), NPRS 7->3 = 4 (yes), PSFS 3->7 = 4 (yes); adherence 1.00
  A1: {
    therapist: "alice",
    risk: "medium",
    baseline: { odi: 40, nprs: 7, psfs: 3 },
    followUp: { odi: 20, nprs: 3, psfs: 7 },
    visits: 6,
    doneDays: 20,
  },
  //            5 (no), 1 (no), 1 (no); adherence 0.10
  A2: {
    therapist: "alice",
    risk: "medium",
    baseline: { odi: 50, nprs: 6, psfs: 4 },
    followUp: { odi: 45, nprs: 5, psfs: 5 },
    visits: 4,
    doneDays: 2,
  },
  //            12 (yes), 2 (yes), 4 (yes); adherence 0.90
  A3: {
    therapist: "alice",
    risk: "medium",
    baseline: { odi: 30, nprs: 5, psfs: 2 },
    followUp: { odi: 18, nprs: 3, psfs: 6 },
    visits: 8,
    doneDays: 18,
  },
  //            10 (yes, exactly), 0 (no), PSFS not re-rated; adherence 0.50
  A4: {
    therapist: "alice",
    risk: "medium",
    baseline: { odi: 44, nprs: 8, psfs: 4 },
    followUp: { odi: 34, nprs: 8 },
    visits: 5,
    doneDays: 10,
  },
  //            no follow-up questionnaire at all; adherence 0.20
  A5: {
    therapist: "alice",
    risk: "medium",
    baseline: { odi: 38, nprs: 6, psfs: 3 },
    followUp: null,
    visits: 2,
    doneDays: 4,
  },
  //            8 (no), 3 (yes), 3 (yes); adherence 0.80
  A6: {
    therapist: "alice",
    risk: "high",
    baseline: { odi: 60, nprs: 9, psfs: 1 },
    followUp: { odi: 52, nprs: 6, psfs: 4 },
    visits: 10,
    doneDays: 16,
  },
  //            20 (yes), 4 (yes), 6 (yes); adherence 0.95
  B1: {
    therapist: "bob",
    risk: "high",
    baseline: { odi: 50, nprs: 8, psfs: 2 },
    followUp: { odi: 30, nprs: 4, psfs: 8 },
    visits: 12,
    doneDays: 19,
  },
  //            4 (no), 1 (no), 1 (no); adherence 0.30
  B2: {
    therapist: "bob",
    risk: "high",
    baseline: { odi: 40, nprs: 7, psfs: 3 },
    followUp: { odi: 36, nprs: 6, psfs: 4 },
    visits: 3,
    doneDays: 6,
  },
  //            12 (yes), 4 (yes), 2 (yes); no home program
  B3: {
    therapist: "bob",
    risk: "high",
    baseline: { odi: 36, nprs: 6, psfs: 5 },
    followUp: { odi: 24, nprs: 2, psfs: 7 },
    visits: 7,
    doneDays: null,
  },
  //            2 (no), 0 (no), -1 (no); adherence 0.40
  B4: {
    therapist: "bob",
    risk: "high",
    baseline: { odi: 42, nprs: 5, psfs: 4 },
    followUp: { odi: 40, nprs: 5, psfs: 3 },
    visits: 9,
    doneDays: 8,
  },
  // Outside the range: discharged in April.
  LATE: {
    therapist: "alice",
    risk: "medium",
    baseline: { odi: 90 },
    followUp: { odi: 0 },
    visits: 1,
    doneDays: 20,
    dischargedOn: "2026-04-02",
  },
};

let therapist: Actor;
let frontDesk: Actor;
let otherTherapist: Actor;
const episodeIds: Record<string, string> = {};

const shown = (g: GroupFigures | undefined) => {
  if (!g || g.suppressed) throw new Error(`expected figures for ${g?.label}`);
  return g;
};
const measure = (g: GroupFigures | undefined, m: string): MeasureFigures =>
  shown(g).measures.find((x) => x.measure === m)!;

beforeAll(async () => {
  const prisma = prismaFor(process.env.DATABASE_URL!);
  const [home, away] = [await createClinic({ name: "Home clinic" }), await createClinic({ name: "Away clinic" })];
  const alice = await createUser(home.id, "therapist", { name: "Alice Able" });
  const bob = await createUser(home.id, "therapist", { name: "Bob Baker" });
  const carol = await createUser(home.id, "therapist", { name: "Carol Cole" });
  const zed = await createUser(away.id, "therapist", { name: "Zed Away" });
  therapist = await actorFor(alice);
  otherTherapist = await actorFor(zed);
  frontDesk = await createStaffActor(home.id, "front_desk");
  const [type, awayType] = [await createAppointmentType(home.id), await createAppointmentType(away.id)];
  const [exercise, awayExercise] = [await createExercise(home.id), await createExercise(away.id)];
  const ids = { alice: alice.id, bob: bob.id };

  for (const [name, f] of Object.entries(MARCH)) {
    const dischargedOn = f.dischargedOn ?? "2026-03-20";
    const { episode } = await createOutcomeEpisode(prisma, {
      clinicId: home.id,
      patientId: (await createPatient(home.id)).id,
      therapistId: ids[f.therapist],
      risk: f.risk,
      startDate: addDays(dischargedOn, -19),
      dischargedOn,
      baseline: f.baseline,
      followUp: f.followUp,
      visits: f.visits,
      appointmentTypeId: type.id,
      program: f.doneDays === null ? undefined : { exerciseId: exercise.id, doneDays: f.doneDays },
    });
    episodeIds[name] = episode.id;
  }
  // An open episode in range is not in the report.
  await createOutcomeEpisode(prisma, {
    clinicId: home.id,
    patientId: (await createPatient(home.id)).id,
    therapistId: alice.id,
    risk: "medium",
    startDate: "2026-03-01",
    dischargedOn: null,
    baseline: { odi: 80 },
    followUp: { odi: 0 },
    visits: 1,
    appointmentTypeId: type.id,
  });
  // Carol: 20 episodes discharged in June, ODI improvement d and adherence d/20 for d = 1..20; NPRS never re-scored.
  for (let d = 1; d <= 20; d++) {
    await createOutcomeEpisode(prisma, {
      clinicId: home.id,
      patientId: (await createPatient(home.id)).id,
      therapistId: carol.id,
      risk: "low",
      startDate: "2026-06-01",
      dischargedOn: "2026-06-20",
      baseline: { odi: 40, nprs: 6 },
      followUp: { odi: 40 - d },
      visits: 1,
      appointmentTypeId: type.id,
      program: { exerciseId: exercise.id, doneDays: d },
    });
  }
  // The away clinic: 6 episodes in March that must never reach the home clinic's report.
  for (let i = 0; i < 6; i++) {
    await createOutcomeEpisode(prisma, {
      clinicId: away.id,
      patientId: (await createPatient(away.id)).id,
      therapistId: zed.id,
      risk: "medium",
      startDate: "2026-03-01",
      dischargedOn: "2026-03-20",
      baseline: { odi: 70, nprs: 9, psfs: 0 },
      followUp: { odi: 10, nprs: 0, psfs: 10 },
      visits: 20,
      appointmentTypeId: awayType.id,
      program: { exerciseId: awayExercise.id, doneDays: 20 },
    });
  }
  await prisma.$disconnect();
}, 120_000);

describe("outcome report against hand-computed figures", () => {
  it("groups March's discharges by therapist and suppresses Bob's 4", async () => {
    const r = await getOutcomeReport(therapist, { from: "2026-03-01", to: "2026-03-31" });
    expect(shown(r.overall).episodes).toBe(10);
    expect(r.byTherapist.map((g) => g.label)).toEqual(["Alice Able", "Bob Baker"]);
    const [alice, bob] = r.byTherapist;
    expect(bob).toEqual({ key: expect.any(String), label: "Bob Baker", suppressed: true });

    // Alice: A1-A6. Visits 2,4,5,6,8,10 -> (5+6)/2.
    expect(shown(alice)).toMatchObject({ episodes: 6, medianVisits: 5.5 });
    // ODI: A1 20, A2 5, A3 12, A4 10, A6 8 (A5 no follow-up) -> 5,8,10,12,20: median 10; >=10 in 3 of 5.
    expect(measure(alice, "odi")).toEqual({
      measure: "odi",
      suppressed: false,
      episodes: 5,
      noFollowUp: 1,
      medianImprovement: 10,
      shareReached: 0.6,
    });
    // NPRS: 4, 1, 2, 0, 3 -> median 2; >=2: 4, 2, 3.
    expect(measure(alice, "nprs")).toMatchObject({ episodes: 5, medianImprovement: 2, shareReached: 0.6 });
    // PSFS: A1, A2, A3, A6 only (A4 not re-rated, A5 no follow-up): 4 scored, hidden.
    expect(measure(alice, "psfs")).toEqual({ measure: "psfs", suppressed: true, noFollowUp: 2 });
  });

  it("groups by STarT Back risk: high has exactly 5 and is shown, low has none", async () => {
    const r = await getOutcomeReport(therapist, { from: "2026-03-01", to: "2026-03-31" });
    const [low, medium, high] = r.byRisk;
    expect(low).toMatchObject({ key: "low", suppressed: true });
    // Medium: A1-A5; visits 6,4,8,5,2 -> 5. ODI scored only for A1-A4 (4): hidden.
    expect(shown(medium)).toMatchObject({ episodes: 5, medianVisits: 5 });
    expect(measure(medium, "odi")).toMatchObject({ suppressed: true, noFollowUp: 1 });
    // High: A6, B1-B4. Visits 10,12,3,7,9 -> 9.
    expect(shown(high)).toMatchObject({ episodes: 5, medianVisits: 9 });
    // ODI 8,20,4,12,2 -> 8; >=10: 20, 12.
    expect(measure(high, "odi")).toMatchObject({ episodes: 5, medianImprovement: 8, shareReached: 0.4 });
    // NPRS 3,4,1,4,0 -> 3; >=2: 3, 4, 4.
    expect(measure(high, "nprs")).toMatchObject({ episodes: 5, medianImprovement: 3, shareReached: 0.6 });
    // PSFS 3,6,1,2,-1 -> 2; >=2: 3, 6, 2.
    expect(measure(high, "psfs")).toMatchObject({ episodes: 5, medianImprovement: 2, shareReached: 0.6 });
  });

  it("hides March's adherence quartiles (9 episodes with a program: 3, 2, 2, 2) and the lone episode without one", async () => {
    const r = await getOutcomeReport(therapist, { from: "2026-03-01", to: "2026-03-31" });
    expect(r.byAdherence.quartiles.every((q) => q.suppressed)).toBe(true);
    expect(r.byAdherence.withoutProgram).toBe("fewer than 5");
  });

  it("splits June's 20 episodes into adherence quartiles of 5 with hand-computed medians", async () => {
    const r = await getOutcomeReport(therapist, { from: "2026-06-01", to: "2026-06-30" });
    // Quartile k holds d = 5k-4 .. 5k: adherence d/20, ODI improvement d (median 5k-2), >=10 from d = 10.
    const figures = r.byAdherence.quartiles.map((q) => {
      if (q.suppressed) throw new Error("quartile of 5 hidden");
      const odi = q.measures.find((m) => m.measure === "odi")!;
      const nprs = q.measures.find((m) => m.measure === "nprs")!;
      return [
        q.episodes,
        q.adherenceFrom,
        q.adherenceTo,
        odi.suppressed ? null : [odi.medianImprovement, odi.shareReached],
        nprs,
      ];
    });
    expect(figures).toEqual([
      [5, 0.05, 0.25, [3, 0], { measure: "nprs", suppressed: true, noFollowUp: 5 }],
      [5, 0.3, 0.5, [8, 0.2], { measure: "nprs", suppressed: true, noFollowUp: 5 }],
      [5, 0.55, 0.75, [13, 1], { measure: "nprs", suppressed: true, noFollowUp: 5 }],
      [5, 0.8, 1, [18, 1], { measure: "nprs", suppressed: true, noFollowUp: 5 }],
    ]);
    expect(r.byAdherence.withoutProgram).toBe(0);
  });

  it("never counts another clinic's episodes", async () => {
    const r = await getOutcomeReport(therapist, { from: "2026-01-01", to: "2026-12-31" });
    expect(shown(r.overall).episodes).toBe(10 + 1 + 20);
    expect(r.byTherapist.map((g) => g.label)).not.toContain("Zed Away");
    const away = await getOutcomeReport(otherTherapist, { from: "2026-03-01", to: "2026-03-31" });
    expect(shown(away.overall).episodes).toBe(6);
    expect(away.byTherapist.map((g) => g.label)).toEqual(["Zed Away"]);
  });

  it("puts 'fewer than 5' in the CSV wherever the page hides figures", async () => {
    const csv = outcomeReportCsv(await getOutcomeReport(therapist, { from: "2026-03-01", to: "2026-03-31" }));
    const bobRows = csv.split("\r\n").filter((line) => line.startsWith("therapist,Bob Baker"));
    expect(bobRows).toHaveLength(3);
    for (const row of bobRows) expect(row.split(",").filter((c) => c === "fewer than 5")).toHaveLength(6);
    expect(csv).toContain('therapist,Alice Able,6,5.5,,"ODI (disability, %)",5,1,10,60%\r\n');
  });

  it("refuses bad dates with field errors and the front desk with forbidden", async () => {
    const fieldErrors = await getOutcomeReport(therapist, { from: "2026-02-30", to: "2026-01-01" }).catch(
      (e: unknown) => (isAppError(e) ? e.fieldErrors : e),
    );
    expect(fieldErrors).toHaveProperty("from");
    const order = await getOutcomeReport(therapist, { from: "2026-03-02", to: "2026-03-01" }).catch((e: unknown) =>
      isAppError(e) ? e.fieldErrors : e,
    );
    expect(order).toHaveProperty("to");
    await expect(getOutcomeReport(therapist, { from: "0000-01-01" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { from: ["Use a date between 1900 and 2999."] },
    });
    await expect(getOutcomeReport(frontDesk, {})).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("discharge summary", () => {
  it("compares A1's intake with its discharge questionnaire, counts visits and adherence", async () => {
    const s = await getDischargeSummary(therapist, episodeIds.A1!);
    expect(s.measures.map((m) => [m.measure, m.baseline, m.latest, m.improvement, m.reachedThreshold])).toEqual([
      ["odi", 40, 20, 20, true],
      ["nprs", 7, 3, 4, true],
      ["psfs", 3, 7, 4, true],
    ]);
    expect([s.visitsUsed, s.visitsAuthorized]).toEqual([6, 12]);
    expect(s.adherence).toMatchObject({ prescribed: 20, done: 20, from: "2026-03-01", to: "2026-03-20" });
    expect(s.episode.status).toBe("discharged");
  });

  it("is a 404 for another clinic and for a malformed id, forbidden for the front desk", async () => {
    await expect(getDischargeSummary(otherTherapist, episodeIds.A1!)).rejects.toMatchObject({ code: "not_found" });
    await expect(getDischargeSummary(therapist, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    await expect(getDischargeSummary(frontDesk, episodeIds.A1!)).rejects.toMatchObject({ code: "forbidden" });
  });
});
