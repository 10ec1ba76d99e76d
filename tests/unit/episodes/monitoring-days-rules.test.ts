import { describe, expect, it } from "vitest";
import { monitoringSchedules, type MonitoringThresholdRule } from "@/lib/episodes/monitoring-days-rules";
import { addDays } from "@/lib/time/calendar-rules";

const RTM: MonitoringThresholdRule = {
  id: "t16",
  label: "RTM device supply",
  minDays: 16,
  periodDays: 30,
  source: "CMS PFS",
};
const daysFrom = (start: string, n: number, step = 1) => Array.from({ length: n }, (_, i) => addDays(start, i * step));

describe("monitoring periods", () => {
  it("starts on the program's first day and runs in consecutive 30-day periods, not calendar months", () => {
    const [s] = monitoringSchedules({
      start: "2026-01-15",
      end: null,
      today: "2026-03-20",
      dataDates: [],
      thresholds: [RTM],
    });
    expect(s!.periods.map((p) => [p.from, p.to])).toEqual([
      ["2026-01-15", "2026-02-13"],
      ["2026-02-14", "2026-03-15"],
      ["2026-03-16", "2026-04-14"],
    ]);
    expect(s!.periods.map((p) => p.inProgress)).toEqual([false, false, true]);
  });

  it("says how many days of the current period are left, today included", () => {
    const [s] = monitoringSchedules({
      start: "2026-01-01",
      end: null,
      today: "2026-01-30",
      dataDates: [],
      thresholds: [RTM],
    });
    expect(s!.periods).toHaveLength(1);
    expect(s!.periods[0]!.daysLeft).toBe(1);
    const [next] = monitoringSchedules({
      start: "2026-01-01",
      end: null,
      today: "2026-01-31",
      dataDates: [],
      thresholds: [RTM],
    });
    expect(next!.periods.map((p) => [p.number, p.from, p.daysLeft])).toEqual([
      [1, "2026-01-01", 0],
      [2, "2026-01-31", 30],
    ]);
  });

  it("counts distinct days: several logs on one day are one day", () => {
    const [s] = monitoringSchedules({
      start: "2026-01-01",
      end: null,
      today: "2026-01-10",
      dataDates: ["2026-01-02", "2026-01-02", "2026-01-02", "2026-01-05"],
      thresholds: [RTM],
    });
    expect(s!.periods[0]!.daysWithData).toBe(2);
  });

  it("15 days in a period is not enough for 16; 16 is", () => {
    const base = { start: "2026-01-01", end: null, today: "2026-03-01", thresholds: [RTM] };
    const fifteen = monitoringSchedules({ ...base, dataDates: daysFrom("2026-01-01", 15, 2) })[0]!.periods[0]!;
    const sixteen = monitoringSchedules({ ...base, dataDates: daysFrom("2026-01-01", 16, 1) })[0]!.periods[0]!;
    expect([fifteen.daysWithData, fifteen.thresholds[0]!.met]).toEqual([15, false]);
    expect([sixteen.daysWithData, sixteen.thresholds[0]!.met]).toEqual([16, true]);
  });

  it("a day on a period's last date counts in that period, the next day in the next", () => {
    const [s] = monitoringSchedules({
      start: "2026-01-01",
      end: null,
      today: "2026-02-10",
      dataDates: ["2026-01-30", "2026-01-31"],
      thresholds: [RTM],
    });
    expect(s!.periods.map((p) => p.daysWithData)).toEqual([1, 1]);
  });

  it("local dates across a daylight-saving change are whole days (no 23- or 25-hour drift)", () => {
    // US clocks change on 8 March 2026: a period spanning it still holds exactly 30 dates.
    const [s] = monitoringSchedules({
      start: "2026-02-20",
      end: null,
      today: "2026-04-01",
      dataDates: daysFrom("2026-02-20", 30),
      thresholds: [RTM],
    });
    expect(s!.periods[0]).toMatchObject({ from: "2026-02-20", to: "2026-03-21", daysWithData: 30 });
    expect(s!.periods[1]!.daysWithData).toBe(0);
  });

  it("ignores data before monitoring started and, after discharge, stops at the discharge day", () => {
    const [s] = monitoringSchedules({
      start: "2026-01-10",
      end: "2026-02-15",
      today: "2026-05-01",
      dataDates: ["2026-01-09", "2026-01-10", "2026-02-15", "2026-02-16"],
      thresholds: [RTM],
    });
    expect(s!.periods.map((p) => [p.from, p.daysWithData, p.inProgress])).toEqual([
      ["2026-01-10", 1, false],
      ["2026-02-09", 1, false],
    ]);
  });

  it("marks a current period whose remaining days cannot reach the threshold", () => {
    const [s] = monitoringSchedules({
      start: "2026-01-01",
      end: null,
      today: "2026-01-20",
      dataDates: daysFrom("2026-01-01", 4),
      thresholds: [RTM],
    });
    // 4 days so far, 11 days left (20th to 30th): 15 at most.
    expect(s!.periods[0]).toMatchObject({ daysWithData: 4, daysLeft: 11 });
    expect(s!.periods[0]!.thresholds[0]).toMatchObject({ met: false, stillReachable: false });
  });

  it("groups thresholds by their period length, each judged on its own", () => {
    const weekly: MonitoringThresholdRule = { id: "w", label: "Weekly check", minDays: 3, periodDays: 7, source: "x" };
    const lower: MonitoringThresholdRule = { id: "t2", label: "Short tier", minDays: 2, periodDays: 30, source: "y" };
    const schedules = monitoringSchedules({
      start: "2026-01-01",
      end: null,
      today: "2026-01-10",
      dataDates: ["2026-01-01", "2026-01-02", "2026-01-03"],
      thresholds: [RTM, weekly, lower],
    });
    expect(schedules.map((s) => s.periodDays)).toEqual([7, 30]);
    expect(schedules[0]!.periods[0]!.thresholds.map((t) => t.met)).toEqual([true]);
    expect(schedules[1]!.periods[0]!.thresholds.map((t) => [t.label, t.met])).toEqual([
      ["RTM device supply", false],
      ["Short tier", true],
    ]);
  });

  it("has nothing to show without a program start, or before it", () => {
    const base = { end: null, dataDates: [], thresholds: [RTM] };
    expect(monitoringSchedules({ ...base, start: null, today: "2026-01-01" })).toEqual([]);
    expect(monitoringSchedules({ ...base, start: "2026-02-01", today: "2026-01-31" })).toEqual([]);
  });
});
