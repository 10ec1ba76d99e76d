import { describe, expect, it } from "vitest";
import {
  adherenceBetween,
  formatPercent,
  isLowAdherence,
  recentAdherence,
  weeklyAdherence,
  type LogFact,
} from "@/lib/programs/rules/adherence-rules";
import { eachDay, localDateOf } from "@/lib/time/calendar-rules";
import type { PlanVersion, ProgramPlan } from "@/lib/programs/rules/plan-rules";

// 2026-11-02 is a Monday.
const A = { exerciseId: "A", timesPerDay: 2, daysPerWeek: 7 };
const B = { exerciseId: "B", timesPerDay: 1, daysPerWeek: 5 };
const C = { exerciseId: "C", timesPerDay: 1, daysPerWeek: 7 };

function version(v: Partial<PlanVersion> & Pick<PlanVersion, "items">): PlanVersion {
  return { version: 1, effectiveFrom: "2026-11-02", startDate: "2026-11-02", endDate: null, ...v };
}
const plan = (versions: PlanVersion[], endedOn: string | null = null): ProgramPlan => ({ versions, endedOn });
const done = (exerciseId: string, localDate: string, times = 1): LogFact[] =>
  Array.from({ length: times }, () => ({ exerciseId, localDate, completed: true }));

describe("adherence: sessions done / prescribed", () => {
  const p = plan([version({ items: [A, B] })]);

  it("prescribes timesPerDay x daysPerWeek per exercise for a full week", () => {
    const t = adherenceBetween(p, [], "2026-11-02", "2026-11-08");
    expect(t).toMatchObject({ prescribed: 2 * 7 + 1 * 5, done: 0, daysInForce: 7, ratio: 0 });
  });

  it("caps done per day at timesPerDay and per week at the prescription", () => {
    const logs = [
      ...eachDay("2026-11-02", "2026-11-08").flatMap((d) => done("A", d, 2)),
      ...done("A", "2026-11-04"), // a third time on Wednesday: no credit
      ...eachDay("2026-11-02", "2026-11-07").flatMap((d) => done("B", d)), // six days of a five-day goal
    ];
    const t = adherenceBetween(p, logs, "2026-11-02", "2026-11-08");
    expect(t).toMatchObject({ prescribed: 19, done: 19, ratio: 1, completedLogs: 14 + 1 + 6 });
  });

  it("does not let four sessions on Monday stand in for a missed Tuesday", () => {
    const t = adherenceBetween(plan([version({ items: [A] })]), done("A", "2026-11-02", 4), "2026-11-02", "2026-11-03");
    expect(t).toMatchObject({ prescribed: 4, done: 2, completedLogs: 4, ratio: 0.5 });
  });

  it("counts half the week as half", () => {
    const logs = eachDay("2026-11-02", "2026-11-08").flatMap((d) => done("A", d, 1)); // once of twice a day
    const t = adherenceBetween(plan([version({ items: [A] })]), logs, "2026-11-02", "2026-11-08");
    expect(t.ratio).toBe(0.5);
  });

  it("ignores skipped sessions, other exercises and days before the start", () => {
    const logs: LogFact[] = [
      { exerciseId: "A", localDate: "2026-11-03", completed: false },
      ...done("Z", "2026-11-03"),
      ...done("A", "2026-11-01"),
    ];
    expect(adherenceBetween(p, logs, "2026-11-01", "2026-11-08").done).toBe(0);
  });

  it("prorates a week the program starts in the middle of", () => {
    const late = plan([version({ startDate: "2026-11-04", effectiveFrom: "2026-11-04", items: [A, B] })]);
    // Wednesday to Sunday: A 2 x 5 = 10; B 5/7 x 5 = 3.57, rounded to 4.
    expect(adherenceBetween(late, [], "2026-11-02", "2026-11-08")).toMatchObject({ prescribed: 14, daysInForce: 5 });
  });

  it("follows each version from the day it was saved; logs against a removed exercise stop counting", () => {
    const versions = plan([
      version({ items: [A, B] }),
      version({ version: 2, effectiveFrom: "2026-11-05", items: [A, C] }),
    ]);
    // A all week 14; B Mon-Wed 3 x 5/7 = 2.14 -> 2; C Thu-Sun 4.
    const logs = [...done("B", "2026-11-02"), ...done("B", "2026-11-06"), ...done("C", "2026-11-06")];
    expect(adherenceBetween(versions, logs, "2026-11-02", "2026-11-08")).toMatchObject({ prescribed: 20, done: 2 });
  });

  it("stops at the end date and at the day a program was ended", () => {
    const endDate = plan([version({ endDate: "2026-11-05", items: [A, B] })]);
    const ended = plan([version({ items: [A, B] })], "2026-11-05");
    // Monday to Thursday: A 8; B 4 x 5/7 = 2.86 -> 3.
    expect(adherenceBetween(endDate, [], "2026-11-02", "2026-11-08")).toMatchObject({ prescribed: 11, daysInForce: 4 });
    expect(adherenceBetween(ended, [], "2026-11-02", "2026-11-08")).toMatchObject({ prescribed: 11, daysInForce: 4 });
  });

  it("has no ratio when nothing was prescribed", () => {
    expect(adherenceBetween(p, [], "2026-10-01", "2026-10-31")).toMatchObject({ prescribed: 0, ratio: null });
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(2 / 3)).toBe("67%");
  });

  it("counts a session at 23:30 on Sunday in the clinic's zone in that week, not the next", () => {
    const localDate = localDateOf(new Date("2026-11-09T04:30:00Z"), "America/New_York");
    const weeks = weeklyAdherence(
      plan([version({ items: [C] })]),
      [{ exerciseId: "C", localDate, completed: true }],
      "2026-11-02",
      "2026-11-10",
    );
    expect(weeks.map((w) => [w.weekStart, w.done])).toEqual([
      ["2026-11-02", 1],
      ["2026-11-09", 0],
    ]);
  });
});

describe("weekly rows", () => {
  it("runs Monday to Sunday from the program's first week and counts the current week up to today", () => {
    const p = plan([version({ startDate: "2026-11-04", effectiveFrom: "2026-11-04", items: [C] })]);
    const rows = weeklyAdherence(p, done("C", "2026-11-18"), "2026-11-04", "2026-11-18");
    expect(
      rows.map((r) => ({
        week: r.weekStart,
        to: r.to,
        prescribed: r.prescribed,
        done: r.done,
        inProgress: r.inProgress,
      })),
    ).toEqual([
      { week: "2026-11-02", to: "2026-11-08", prescribed: 5, done: 0, inProgress: false },
      { week: "2026-11-09", to: "2026-11-15", prescribed: 7, done: 0, inProgress: false },
      { week: "2026-11-16", to: "2026-11-18", prescribed: 3, done: 1, inProgress: true },
    ]);
  });

  it("counts the week holding today as in progress, even on its Sunday", () => {
    const p = plan([version({ items: [C] })]);
    expect(weeklyAdherence(p, [], "2026-11-02", "2026-11-08").map((r) => r.inProgress)).toEqual([true]);
    expect(weeklyAdherence(p, [], "2026-11-02", "2026-11-09").map((r) => r.inProgress)).toEqual([false, true]);
  });
});

describe("low adherence over the last two weeks", () => {
  const p = plan([version({ items: [C] })]);
  const today = "2026-11-23";

  it("looks at the 14 days ending yesterday, so today's empty morning does not count", () => {
    const logs = [...eachDay("2026-11-09", "2026-11-22").flatMap((d) => done("C", d))];
    const t = recentAdherence(p, logs, today);
    expect(t).toMatchObject({ from: "2026-11-09", to: "2026-11-22", prescribed: 14, done: 14 });
    expect(isLowAdherence(t)).toBe(false);
  });

  it("flags below half, not exactly half", () => {
    const six = eachDay("2026-11-09", "2026-11-14").flatMap((d) => done("C", d));
    const seven = eachDay("2026-11-09", "2026-11-15").flatMap((d) => done("C", d));
    expect(isLowAdherence(recentAdherence(p, six, today))).toBe(true); // 6/14
    expect(isLowAdherence(recentAdherence(p, seven, today))).toBe(false); // 7/14
  });

  it("waits until the program has been in force for three days of the window", () => {
    const fresh = plan([version({ startDate: "2026-11-21", effectiveFrom: "2026-11-21", items: [C] })]);
    expect(recentAdherence(fresh, [], today)).toMatchObject({ daysInForce: 2, ratio: 0 });
    expect(isLowAdherence(recentAdherence(fresh, [], today))).toBe(false);
    const three = plan([version({ startDate: "2026-11-20", effectiveFrom: "2026-11-20", items: [C] })]);
    expect(isLowAdherence(recentAdherence(three, [], today))).toBe(true);
  });
});
