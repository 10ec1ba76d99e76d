import { describe, expect, it } from "vitest";
import {
  DOSAGE_LIMITS,
  describeDosage,
  dosageSchema,
  holdTimerSeconds,
  prescribedDosageSchema,
} from "@/lib/exercises/dosage-rules";

function errorsOf(input: unknown): Record<string, string[]> {
  const r = prescribedDosageSchema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.join(".")] ??= []).push(i.message);
  return out;
}

describe("dosage validation", () => {
  it("accepts sets and reps and fills the defaults for frequency", () => {
    expect(dosageSchema.parse({ kind: "reps", sets: 2, reps: 10 })).toEqual({
      kind: "reps",
      sets: 2,
      reps: 10,
      holdSeconds: null,
      minutes: null,
      timesPerDay: 1,
      daysPerWeek: 7,
      side: null,
      load: null,
    });
  });

  it("accepts digit strings from a form and treats blank as not given", () => {
    const d = prescribedDosageSchema.parse({
      kind: "hold",
      sets: "3",
      holdSeconds: "30",
      reps: "",
      timesPerDay: "2",
      daysPerWeek: "",
      side: "both",
      load: " ",
      notes: "",
    });
    expect(d).toMatchObject({ sets: 3, holdSeconds: 30, reps: null, timesPerDay: 2, daysPerWeek: 7, side: "both" });
    expect(d.load).toBeNull();
    expect(d.notes).toBeNull();
  });

  it("requires the fields of the chosen kind, with a message on each field", () => {
    expect(errorsOf({ kind: "reps" })).toEqual({
      sets: ["Enter the number of sets."],
      reps: ["Enter the number of reps."],
    });
    expect(errorsOf({ kind: "hold", sets: 3 })).toEqual({ holdSeconds: ["Enter how long to hold, in seconds."] });
    expect(errorsOf({ kind: "duration", sets: 3, reps: 10 })).toEqual({ minutes: ["Enter the number of minutes."] });
  });

  it("drops the numbers another kind would use, so a switched form keeps no stale values", () => {
    const d = dosageSchema.parse({ kind: "duration", minutes: 20, sets: 3, reps: 10, holdSeconds: 30 });
    expect(d).toMatchObject({ kind: "duration", minutes: 20, sets: null, reps: null, holdSeconds: null });
  });

  it.each([
    ["sets", DOSAGE_LIMITS.sets],
    ["reps", DOSAGE_LIMITS.reps],
    ["timesPerDay", DOSAGE_LIMITS.timesPerDay],
    ["daysPerWeek", DOSAGE_LIMITS.daysPerWeek],
  ] as const)("keeps %s within its limits, both ends inclusive", (field, { min, max }) => {
    const base = { kind: "reps", sets: 2, reps: 10 };
    expect(prescribedDosageSchema.safeParse({ ...base, [field]: min }).success).toBe(true);
    expect(prescribedDosageSchema.safeParse({ ...base, [field]: max }).success).toBe(true);
    expect(errorsOf({ ...base, [field]: min - 1 })[field]?.[0]).toMatch(/^Use at least/);
    expect(errorsOf({ ...base, [field]: max + 1 })[field]?.[0]).toMatch(/^Use at most/);
  });

  it("keeps hold seconds and minutes within their limits", () => {
    const { holdSeconds, minutes } = DOSAGE_LIMITS;
    expect(prescribedDosageSchema.safeParse({ kind: "hold", sets: 1, holdSeconds: holdSeconds.min }).success).toBe(
      true,
    );
    expect(errorsOf({ kind: "hold", sets: 1, holdSeconds: holdSeconds.max + 1 }).holdSeconds).toEqual([
      `Use at most ${holdSeconds.max} seconds.`,
    ]);
    expect(errorsOf({ kind: "duration", minutes: 0 }).minutes).toEqual([`Use at least ${minutes.min} minutes.`]);
  });

  it("refuses fractions, words and unknown kinds or sides in plain words", () => {
    expect(errorsOf({ kind: "reps", sets: 2.5, reps: 10 }).sets).toEqual([
      "Enter the number of sets as a whole number.",
    ]);
    expect(errorsOf({ kind: "reps", sets: "two", reps: 10 }).sets).toEqual(["Enter the number of sets as a number."]);
    expect(errorsOf({ kind: "jump", sets: 2 }).kind).toEqual(["Choose sets and reps, holds or time."]);
    expect(errorsOf({ kind: "reps", sets: 1, reps: 1, side: "up" }).side).toEqual([
      "Choose each side, left, right or no side.",
    ]);
  });

  it("treats side 'none' as no side, and limits the load and notes text", () => {
    expect(dosageSchema.parse({ kind: "duration", minutes: 5, side: "none" }).side).toBeNull();
    expect(errorsOf({ kind: "duration", minutes: 5, load: "x".repeat(61) }).load).toEqual([
      "Load can be at most 60 characters.",
    ]);
    expect(errorsOf({ kind: "duration", minutes: 5, notes: "x".repeat(501) }).notes).toEqual([
      "Notes can be at most 500 characters.",
    ]);
  });
});

describe("describing a dosage", () => {
  const base = { sets: null, reps: null, holdSeconds: null, minutes: null, side: null, load: null } as const;

  it("reads sets and reps, side, frequency and load in plain words", () => {
    expect(
      describeDosage({
        ...base,
        kind: "reps",
        sets: 2,
        reps: 8,
        timesPerDay: 1,
        daysPerWeek: 5,
        side: "both",
        load: "light band",
      }),
    ).toBe("2 sets of 8 reps, each side · once a day, 5 days a week · Load: light band");
  });

  it("says a single set as just the reps, and twice a day every day", () => {
    expect(describeDosage({ ...base, kind: "reps", sets: 1, reps: 10, timesPerDay: 2, daysPerWeek: 7 })).toBe(
      "10 reps · twice a day, every day",
    );
  });

  it("reads holds and durations, with singulars", () => {
    expect(
      describeDosage({ ...base, kind: "hold", sets: 3, holdSeconds: 30, timesPerDay: 3, daysPerWeek: 1, side: "left" }),
    ).toBe("Hold 30 seconds, 3 times, left side only · 3 times a day, 1 day a week");
    expect(describeDosage({ ...base, kind: "hold", sets: 1, holdSeconds: 45, timesPerDay: 1, daysPerWeek: 7 })).toBe(
      "Hold 45 seconds, once · once a day, every day",
    );
    expect(describeDosage({ ...base, kind: "duration", minutes: 1, timesPerDay: 1, daysPerWeek: 7 })).toBe(
      "1 minute · once a day, every day",
    );
  });

  it("gives a hold timer only for holds", () => {
    expect(holdTimerSeconds({ kind: "hold", holdSeconds: 30 })).toBe(30);
    expect(holdTimerSeconds({ kind: "reps", holdSeconds: null })).toBeNull();
    expect(holdTimerSeconds({ kind: "duration", holdSeconds: null })).toBeNull();
  });
});
