import { describe, expect, it } from "vitest";
import {
  checkNewVisit,
  summarizeAuthorizations,
  visitCountLabel,
  type AuthorizationFact,
} from "@/lib/episodes/authorization-rules";
import { reevaluationStatus } from "@/lib/episodes/reevaluation-rules";

const first: AuthorizationFact = {
  id: "a1",
  payerName: "Acme",
  visitsAuthorized: 3,
  validFrom: "2027-01-01",
  validUntil: "2027-01-31",
};
const second: AuthorizationFact = {
  id: "a2",
  payerName: "Acme",
  visitsAuthorized: 2,
  validFrom: "2027-02-01",
  validUntil: "2027-02-28",
};
const v = (id: string, date: string, counted = true) => ({ id, date, counted });

describe("summarizeAuthorizations", () => {
  it("counts completed and checked-in visits as used and booked ones as planned", () => {
    const s = summarizeAuthorizations(
      [first],
      [v("1", "2027-01-05"), v("2", "2027-01-08"), v("3", "2027-01-12", false)],
      "2027-01-10",
    );
    expect(s.visitsCounted).toBe(2);
    expect(s.current).toMatchObject({ id: "a1", used: 2, planned: 1, remaining: 0 });
    expect(s.beyondAuthorization).toEqual([]);
  });

  it("flags visits past the count or outside every authorisation's dates", () => {
    const s = summarizeAuthorizations(
      [first],
      [
        v("1", "2027-01-02"),
        v("2", "2027-01-03"),
        v("3", "2027-01-04"),
        v("4", "2027-01-05", false),
        v("5", "2027-02-02", false),
      ],
      "2027-01-05",
    );
    expect(s.beyondAuthorization).toEqual(["4", "5"]);
  });

  it("fills authorisations in sequence and names the one in force today", () => {
    const s = summarizeAuthorizations([second, first], [v("1", "2027-01-20"), v("2", "2027-02-03")], "2027-02-10");
    expect(s.standings.map((x) => [x.id, x.used])).toEqual([
      ["a1", 1],
      ["a2", 1],
    ]);
    expect(s.current?.id).toBe("a2");
  });

  it("has nothing beyond authorisation when the episode has no authorisations", () => {
    const s = summarizeAuthorizations([], [v("1", "2027-01-20")], "2027-02-10");
    expect(s).toMatchObject({ current: null, beyondAuthorization: [], visitsCounted: 1 });
  });

  it("labels the current standing", () => {
    const s = summarizeAuthorizations([first], [v("1", "2027-01-05")], "2027-01-10");
    expect(visitCountLabel(s.current, s.visitsCounted, (d) => d)).toBe("visit 1 of 3 authorised, until 2027-01-31");
    expect(visitCountLabel(null, 4, (d) => d)).toBe("visit 4 (no authorisation recorded)");
  });
});

describe("checkNewVisit", () => {
  it("numbers a covered visit within its authorisation", () => {
    const r = checkNewVisit([first], [v("1", "2027-01-05"), v("2", "2027-01-20", false)], "2027-01-10");
    expect(r).toMatchObject({ kind: "within", visitNumber: 2, authorization: { id: "a1" } });
  });

  it("refuses by count when the authorised visits are used or booked", () => {
    const r = checkNewVisit(
      [first],
      [v("1", "2027-01-05"), v("2", "2027-01-06"), v("3", "2027-01-07", false)],
      "2027-01-10",
    );
    expect(r).toMatchObject({ kind: "beyond", reason: "count" });
  });

  it("refuses by date after the last authorisation ends", () => {
    const r = checkNewVisit([first], [], "2027-02-01");
    expect(r).toMatchObject({ kind: "beyond", reason: "date" });
    if (r.kind === "beyond") expect(r.message).toContain("2027-01-31");
  });

  it("lets any visit through when there is no authorisation", () => {
    expect(checkNewVisit([], [], "2030-01-01")).toEqual({ kind: "no_authorizations" });
  });
});

describe("reevaluationStatus", () => {
  const rule = { everyVisits: 3, everyDays: 30 };
  it("is due after the set number of counted visits", () => {
    expect(
      reevaluationStatus(rule, {
        since: "2027-01-01",
        countedVisitDates: ["2027-01-01", "2027-01-03", "2027-01-05", "2027-01-07"],
        today: "2027-01-08",
      }),
    ).toEqual({
      due: true,
      visitsSince: 3,
      daysSince: 7,
      because: "visits",
    });
  });
  it("is due after the set number of days, and not before", () => {
    expect(reevaluationStatus(rule, { since: "2027-01-01", countedVisitDates: [], today: "2027-01-30" }).due).toBe(
      false,
    );
    expect(reevaluationStatus(rule, { since: "2027-01-01", countedVisitDates: [], today: "2027-01-31" })).toMatchObject(
      { due: true, because: "days" },
    );
  });
});
