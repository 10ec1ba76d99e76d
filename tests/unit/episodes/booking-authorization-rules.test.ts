import { describe, expect, it } from "vitest";
import type { AuthorizationFact } from "@/lib/episodes/authorization-rules";
import { beyondAuthorizationMessage, checkNewVisits, visitNumbers } from "@/lib/episodes/booking-authorization-rules";
import { proposeSeries, spreadWeekdays } from "@/lib/episodes/series-proposal-rules";

const jan: AuthorizationFact = {
  id: "a1",
  payerName: "Acme",
  visitsAuthorized: 3,
  validFrom: "2027-01-01",
  validUntil: "2027-01-31",
};
const feb: AuthorizationFact = {
  ...jan,
  id: "a2",
  visitsAuthorized: 2,
  validFrom: "2027-02-01",
  validUntil: "2027-02-15",
};
const v = (id: string, date: string, counted = true) => ({ id, date, counted });
const fmt = (d: string) => `<${d}>`;

describe("checkNewVisits", () => {
  it("a series cannot spend the last authorised visit twice: later dates see the earlier new ones", () => {
    const checks = checkNewVisits([jan], [v("1", "2027-01-04")], ["2027-01-11", "2027-01-18", "2027-01-25"]);
    expect(checks.map((c) => c.kind)).toEqual(["within", "within", "beyond"]);
    expect(checks[1]).toMatchObject({ kind: "within", visitNumber: 3 });
  });

  it("dates given out of order are checked in date order and answered in the order given", () => {
    const checks = checkNewVisits([jan], [v("1", "2027-01-04"), v("2", "2027-01-05")], ["2027-01-20", "2027-01-10"]);
    expect(checks.map((c) => c.kind)).toEqual(["beyond", "within"]);
  });

  it("no authorisation: nothing to check", () => {
    expect(checkNewVisits([], [], ["2027-01-10"])).toEqual([{ kind: "no_authorizations" }]);
  });

  it("fills authorisations in sequence", () => {
    const checks = checkNewVisits(
      [jan, feb],
      [v("1", "2027-01-04"), v("2", "2027-01-05"), v("3", "2027-01-06")],
      ["2027-01-20", "2027-02-03"],
    );
    expect(checks.map((c) => c.kind)).toEqual(["beyond", "within"]);
    expect(checks[1]).toMatchObject({ authorization: { id: "a2" }, visitNumber: 1 });
  });
});

describe("beyondAuthorizationMessage", () => {
  it("names the last end date for a visit after every authorisation", () => {
    const [check] = checkNewVisits([jan, feb], [], ["2027-03-01"]);
    expect(check!.kind).toBe("beyond");
    expect(beyondAuthorizationMessage([jan, feb], check as never, "2027-03-01", fmt)).toBe(
      "The authorisation ends on <2027-02-15>.",
    );
  });

  it("names the day for a visit in a gap or before the first authorisation", () => {
    const [check] = checkNewVisits([feb], [], ["2027-01-20"]);
    expect(beyondAuthorizationMessage([feb], check as never, "2027-01-20", fmt)).toBe(
      "No authorisation covers <2027-01-20>.",
    );
  });

  it("keeps the count message", () => {
    const [check] = checkNewVisits([feb], [v("1", "2027-02-02"), v("2", "2027-02-03")], ["2027-02-04"]);
    expect(beyondAuthorizationMessage([feb], check as never, "2027-02-04", fmt)).toBe(
      "All 2 authorised visits are used or booked.",
    );
  });
});

describe("visitNumbers", () => {
  it("numbers visits within each authorisation and lists the ones beyond", () => {
    const visits = [
      v("1", "2027-01-04"),
      v("2", "2027-01-05"),
      v("3", "2027-01-06", false),
      v("4", "2027-01-07", false),
      v("5", "2027-02-02", false),
    ];
    const { numbers, beyond } = visitNumbers([jan, feb], visits, "2027-01-06");
    expect(numbers.get("1")).toEqual({ visitNumber: 1, visitsAuthorized: 3, validUntil: "2027-01-31" });
    expect(numbers.get("3")?.visitNumber).toBe(3);
    expect(numbers.get("5")).toEqual({ visitNumber: 1, visitsAuthorized: 2, validUntil: "2027-02-15" });
    expect([...beyond]).toEqual(["4"]);
    expect(numbers.has("4")).toBe(false);
  });
});

describe("proposeSeries", () => {
  const plan = {
    visitsPerWeek: 2,
    plannedEndDate: "2027-02-28",
    authorizedVisitsRemaining: 5,
    plannedVisitsRemaining: 9,
  };

  it("proposes the remaining authorised visits at the plan's frequency", () => {
    // 2027-01-04 is a Monday: Mon/Thu x 5 -> Jan 4, 7, 11, 14, 18.
    expect(proposeSeries(plan, "2027-01-04")).toEqual({ weekdays: [1, 4], weeks: 3, count: 5, lastDate: "2027-01-18" });
  });

  it("uses the plan's remaining visits when there is no authorisation", () => {
    expect(proposeSeries({ ...plan, authorizedVisitsRemaining: null }, "2027-01-04").count).toBe(9);
  });

  it("ends no later than the plan's end", () => {
    const p = proposeSeries({ ...plan, plannedEndDate: "2027-01-12" }, "2027-01-04");
    expect(p).toMatchObject({ count: 3, lastDate: "2027-01-11", weeks: 2 });
  });

  it("nothing remaining: count 0", () => {
    expect(proposeSeries({ ...plan, authorizedVisitsRemaining: 0 }, "2027-01-04")).toMatchObject({
      count: 0,
      lastDate: null,
    });
  });

  it("spreads the week's visits over working days", () => {
    expect(spreadWeekdays(3)).toEqual([1, 3, 5]);
    expect(spreadWeekdays(7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
