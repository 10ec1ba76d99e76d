import { describe, expect, it } from "vitest";
import type { LogFact } from "@/lib/programs/rules/adherence-rules";
import { currentStreak, todayPlan } from "@/lib/programs/rules/due-today-rules";
import type { PlanVersion, ProgramPlan } from "@/lib/programs/rules/plan-rules";

// 2026-11-16 and 2026-11-23 are Mondays.
const daily = { exerciseId: "D", timesPerDay: 2, daysPerWeek: 7 };
const thrice = { exerciseId: "T", timesPerDay: 1, daysPerWeek: 3 };
function version(v: Partial<PlanVersion> = {}): PlanVersion {
  return {
    version: 1,
    effectiveFrom: "2026-11-16",
    startDate: "2026-11-16",
    endDate: null,
    items: [daily, thrice],
    ...v,
  };
}
const plan = (versions: PlanVersion[] = [version()], endedOn: string | null = null): ProgramPlan => ({
  versions,
  endedOn,
});
const log = (exerciseId: string, localDate: string, completed = true): LogFact => ({
  exerciseId,
  localDate,
  completed,
});

describe("what is due today", () => {
  it("lists each exercise with the times left today", () => {
    const t = todayPlan(plan(), [log("D", "2026-11-18")], "2026-11-18");
    expect(t).toEqual({
      state: "active",
      version: 1,
      items: [
        { exerciseId: "D", status: "due", doneToday: 1, remainingToday: 1, daysDoneThisWeek: 0 },
        { exerciseId: "T", status: "due", doneToday: 0, remainingToday: 1, daysDoneThisWeek: 0 },
      ],
    });
  });

  it("marks an exercise done for today once every time is logged; a skipped session is not done", () => {
    const t = todayPlan(
      plan(),
      [log("D", "2026-11-18"), log("D", "2026-11-18"), log("T", "2026-11-18", false)],
      "2026-11-18",
    );
    expect(t.state === "active" && t.items.map((i) => i.status)).toEqual(["done_today", "due"]);
  });

  it("shows a 3-days-a-week exercise as done for the week once met, and due again next Monday", () => {
    const logs = [log("T", "2026-11-16"), log("T", "2026-11-17"), log("T", "2026-11-18")];
    const thursday = todayPlan(plan(), logs, "2026-11-19");
    expect(thursday.state === "active" && thursday.items[1]).toMatchObject({
      status: "weekly_goal_met",
      daysDoneThisWeek: 3,
    });
    const monday = todayPlan(plan(), logs, "2026-11-23");
    expect(monday.state === "active" && monday.items[1]).toMatchObject({ status: "due", daysDoneThisWeek: 0 });
  });

  it("says when a program has not started yet, and when it has ended", () => {
    expect(todayPlan(plan([version({ startDate: "2026-11-20" })]), [], "2026-11-18")).toEqual({
      state: "not_started",
      startsOn: "2026-11-20",
    });
    expect(todayPlan(plan([version({ endDate: "2026-11-17" })]), [], "2026-11-18")).toEqual({ state: "ended" });
    expect(todayPlan(plan([version()], "2026-11-17"), [], "2026-11-18")).toEqual({ state: "ended" });
    expect(todayPlan(plan([version()]), [], "2026-11-17").state).toBe("active");
  });

  it("uses the version saved today", () => {
    const v2 = version({ version: 2, effectiveFrom: "2026-11-18", items: [thrice] });
    const t = todayPlan(plan([version(), v2]), [], "2026-11-18");
    expect(t.state === "active" && [t.version, t.items.map((i) => i.exerciseId)]).toEqual([2, ["T"]]);
    const yesterday = todayPlan(plan([version(), v2]), [], "2026-11-17");
    expect(yesterday.state === "active" && yesterday.version).toBe(1);
  });
});

describe("streak", () => {
  const dailyOnly = plan([version({ items: [daily] })]);

  it("counts days in a row with something done; today only adds", () => {
    const logs = ["2026-11-19", "2026-11-20", "2026-11-21"].map((d) => log("D", d));
    expect(currentStreak(dailyOnly, logs, "2026-11-22")).toBe(3);
    expect(currentStreak(dailyOnly, [...logs, log("D", "2026-11-22")], "2026-11-22")).toBe(4);
  });

  it("breaks on a missed day when something was due", () => {
    const logs = ["2026-11-16", "2026-11-17", "2026-11-19", "2026-11-20"].map((d) => log("D", d));
    expect(currentStreak(dailyOnly, logs, "2026-11-21")).toBe(2);
  });

  it("does not break on rest days once the weekly goals are met", () => {
    const p = plan([version({ items: [thrice] })]);
    const logs = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-23"].map((d) => log("T", d));
    expect(currentStreak(p, logs, "2026-11-23")).toBe(4);
    // Nothing on Monday the 23rd by Tuesday evening: that day was due, so the run is over.
    expect(currentStreak(p, logs.slice(0, 3), "2026-11-24")).toBe(0);
  });

  it("is zero with no program or no activity", () => {
    expect(currentStreak({ versions: [], endedOn: null }, [], "2026-11-22")).toBe(0);
    expect(currentStreak(dailyOnly, [], "2026-11-22")).toBe(0);
  });
});
