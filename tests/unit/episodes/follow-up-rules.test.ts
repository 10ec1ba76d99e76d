import { describe, expect, it } from "vitest";
import type { AuthorizationFact } from "@/lib/episodes/authorization-rules";
import {
  expectedVisits,
  followUpFindings,
  mayRemindNow,
  nextReminderAllowedAt,
  wantsBookingNudge,
  type FollowUpFacts,
} from "@/lib/episodes/follow-up-rules";
import { addDays } from "@/lib/time/calendar-rules";

const TODAY = "2027-03-15";
const v = (date: string, counted: boolean) => ({ id: `${date}-${counted}`, date, counted });
const auth = (over: Partial<AuthorizationFact> = {}): AuthorizationFact => ({
  id: "a1",
  payerName: "Blue Harbor",
  visitsAuthorized: 12,
  validFrom: "2027-03-01",
  validUntil: "2027-06-30",
  ...over,
});

/** A 2-a-week plan started 2 weeks ago, on track: 4 visits done, 4 booked in the next 2 weeks. */
function facts(over: Partial<FollowUpFacts> = {}): FollowUpFacts {
  return {
    today: TODAY,
    plan: { visitsPerWeek: 2, startDate: "2027-03-01", plannedEndDate: "2027-04-11", lastReevaluatedOn: null },
    visits: [
      v("2027-03-02", true),
      v("2027-03-05", true),
      v("2027-03-09", true),
      v("2027-03-12", true),
      v("2027-03-16", false),
      v("2027-03-19", false),
      v("2027-03-23", false),
      v("2027-03-26", false),
    ],
    authorizations: [auth()],
    reevaluation: { everyVisits: 10, everyDays: 30 },
    ...over,
  };
}
const reasons = (f: FollowUpFacts) => followUpFindings(f).map((x) => x.reason);
const finding = (f: FollowUpFacts, reason: string) => followUpFindings(f).find((x) => x.reason === reason);

describe("followUpFindings", () => {
  it("finds nothing for an episode on track", () => {
    expect(followUpFindings(facts())).toEqual([]);
  });

  describe("under-scheduled", () => {
    it("flags fewer visits booked in today..today+13 than the plan's frequency, with the figures", () => {
      const f = facts({ visits: facts().visits.filter((x) => x.date !== "2027-03-26") });
      expect(finding(f, "under_scheduled")).toMatchObject({
        booked: 3,
        expected: 4,
        from: TODAY,
        to: "2027-03-28",
        label: "3 of 4 visits booked in the next 2 weeks",
      });
    });

    it("ignores a visit on the 15th day (outside the look-ahead)", () => {
      const f = facts({
        visits: [...facts().visits.filter((x) => x.date !== "2027-03-26"), v("2027-03-29", false)],
      });
      expect(reasons(f)).toContain("under_scheduled");
    });

    it("pro-rates when the plan ends inside the look-ahead", () => {
      // 7 days left at 2 a week: 2 visits owed; 2 booked is enough.
      const plan = { ...facts().plan, plannedEndDate: "2027-03-21" };
      expect(reasons(facts({ plan, visits: [v("2027-03-16", false), v("2027-03-19", false)] }))).not.toContain(
        "under_scheduled",
      );
      expect(finding(facts({ plan, visits: [v("2027-03-16", false)] }), "under_scheduled")).toMatchObject({
        booked: 1,
        expected: 2,
        to: "2027-03-21",
      });
    });

    it("owes no fraction of a visit: 3 days left at 2 a week asks for none", () => {
      expect(expectedVisits(2, TODAY, "2027-03-17")).toBe(0);
      expect(expectedVisits(2, TODAY, "2027-03-18")).toBe(1);
      const plan = { ...facts().plan, plannedEndDate: "2027-03-17" };
      expect(reasons(facts({ plan, visits: [v("2027-03-12", true)] }))).not.toContain("under_scheduled");
    });

    it("counts from the plan's start when it starts later", () => {
      const plan = { ...facts().plan, startDate: "2027-03-22", plannedEndDate: "2027-05-01" };
      // 22..28 March: 7 days -> 2 visits owed.
      expect(finding(facts({ plan, visits: [], authorizations: [] }), "under_scheduled")).toMatchObject({
        expected: 2,
        from: "2027-03-22",
      });
    });
  });

  describe("dropped out", () => {
    const lastVisitDaysAgo = (days: number) =>
      facts({
        visits: [v("2027-02-20", true), v(addDays(TODAY, -days), true)],
        plan: { ...facts().plan, startDate: "2027-02-15" },
      });

    it("is not flagged with the last visit exactly 10 days ago", () => {
      expect(reasons(lastVisitDaysAgo(10))).not.toContain("dropped_out");
    });

    it("is flagged with the last visit 11 days ago and nothing booked", () => {
      expect(finding(lastVisitDaysAgo(11), "dropped_out")).toMatchObject({
        daysSince: 11,
        lastVisit: "2027-03-04",
        label: "Nothing booked; last visit 11 days ago",
      });
    });

    it("is not flagged when a visit is booked from today on", () => {
      const f = lastVisitDaysAgo(20);
      expect(reasons({ ...f, visits: [...f.visits, v(TODAY, false)] })).not.toContain("dropped_out");
    });

    it("counts from the start when there was never a visit: 10 days no, 11 days yes", () => {
      const at = (days: number) =>
        facts({ visits: [], authorizations: [], plan: { ...facts().plan, startDate: addDays(TODAY, -days) } });
      expect(reasons(at(10))).not.toContain("dropped_out");
      expect(finding(at(11), "dropped_out")).toMatchObject({ daysSince: 11, lastVisit: null });
    });

    it("comes with under-scheduled, as nothing is booked", () => {
      expect(reasons(lastVisitDaysAgo(11))).toEqual(expect.arrayContaining(["dropped_out", "under_scheduled"]));
    });
  });

  describe("authorisation ending", () => {
    /** 12 authorised; `used` completed visits before today, plus 4 booked ahead (planned, not used). */
    const withUsed = (used: number, validUntil = "2027-06-30") =>
      facts({
        authorizations: [auth({ validUntil })],
        visits: [
          ...Array.from({ length: used }, (_, i) => ({ id: `u${i}`, date: "2027-03-02", counted: true })),
          ...facts().visits.filter((x) => !x.counted),
        ],
      });

    it("counts visits left as authorised minus used, not minus booked: 3 left is not ending", () => {
      expect(reasons(withUsed(9))).not.toContain("authorization_ending");
    });

    it("2 visits left is ending", () => {
      expect(finding(withUsed(10), "authorization_ending")).toMatchObject({ visitsLeft: 2, visitsAuthorized: 12 });
    });

    it("8 days to its end is not ending, 7 days is", () => {
      expect(reasons(withUsed(4, addDays(TODAY, 8)))).not.toContain("authorization_ending");
      expect(finding(withUsed(4, addDays(TODAY, 7)), "authorization_ending")).toMatchObject({
        daysLeft: 7,
        validUntil: "2027-03-22",
        label: "Blue Harbor: 8 of 12 visits left, until Mar 22 (7 days)",
      });
    });

    it("flags an authorisation that already ended with none after it", () => {
      expect(finding(withUsed(4, "2027-03-10"), "authorization_ending")).toMatchObject({ daysLeft: -5 });
    });

    it("looks at the authorisation in force today, not one that ended before it", () => {
      const f = facts({
        authorizations: [
          auth({ id: "old", validFrom: "2027-01-01", validUntil: "2027-02-28", visitsAuthorized: 2 }),
          auth({ id: "new", validFrom: "2027-03-01" }),
        ],
      });
      expect(reasons(f)).not.toContain("authorization_ending");
    });

    it("ignores an authorisation that has not started, and episodes without any", () => {
      expect(reasons(facts({ authorizations: [auth({ validFrom: "2027-04-01" })] }))).not.toContain(
        "authorization_ending",
      );
      expect(reasons(facts({ authorizations: [] }))).toEqual([]);
    });
  });

  describe("re-evaluation due", () => {
    it("is due after the clinic's visit count, with the figures", () => {
      expect(finding(facts({ reevaluation: { everyVisits: 4, everyDays: 30 } }), "reevaluation_due")).toMatchObject({
        visitsSince: 4,
        because: "visits",
        label: "4 visits since the start",
      });
    });

    it("is due after the clinic's days, counted from the last re-evaluation", () => {
      const plan = { ...facts().plan, lastReevaluatedOn: "2027-03-08" };
      expect(reasons(facts({ plan, reevaluation: { everyVisits: 10, everyDays: 8 } }))).not.toContain(
        "reevaluation_due",
      );
      expect(
        finding(facts({ plan, reevaluation: { everyVisits: 10, everyDays: 7 } }), "reevaluation_due"),
      ).toMatchObject({ because: "days", daysSince: 7, label: "7 days since the last re-evaluation" });
    });
  });
});

describe("booking nudges", () => {
  it("are wanted for dropped-out and under-scheduled episodes only", () => {
    const under = facts({ visits: [], plan: { ...facts().plan, startDate: TODAY } });
    expect(wantsBookingNudge(followUpFindings(under))).toBe(true);
    expect(wantsBookingNudge(followUpFindings(facts({ reevaluation: { everyVisits: 1, everyDays: 1 } })))).toBe(false);
  });

  it("go at most once in 7 days", () => {
    const last = new Date("2027-03-08T12:00:00Z");
    expect(nextReminderAllowedAt(last)).toEqual(new Date("2027-03-15T12:00:00Z"));
    expect(mayRemindNow(null, last)).toBe(true);
    expect(mayRemindNow(last, new Date("2027-03-15T12:00:00Z"))).toBe(false);
    expect(mayRemindNow(last, new Date("2027-03-15T12:00:01Z"))).toBe(true);
  });
});
