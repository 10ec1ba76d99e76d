import { describe, expect, it } from "vitest";
import { fitsWithBuffer, offerHoldUntil, offerLinkState, offerText } from "@/lib/waitlist/offer-rules";

const ZONE = "America/New_York";
// 2026-06-15 is a Monday; New York is UTC-4 in June.
const local = (hhmm: string, day = "2026-06-15") => new Date(`${day}T${hhmm}:00-04:00`);

describe("offerHoldUntil (decision 086)", () => {
  it("holds for the clinic's minutes from now by day", () => {
    expect(offerHoldUntil(local("10:00"), ZONE, 15)).toEqual(local("10:15"));
    expect(offerHoldUntil(local("20:50"), ZONE, 15)).toEqual(local("21:05"));
  });
  it("overnight, from 08:00 when the patient can first see it", () => {
    expect(offerHoldUntil(local("23:30"), ZONE, 15)).toEqual(local("08:15", "2026-06-16"));
    expect(offerHoldUntil(local("05:00"), ZONE, 15)).toEqual(local("08:15"));
  });
});

describe("fitsWithBuffer", () => {
  const freedEnd = local("11:00");
  it("needs the visit and its buffer inside the freed stretch", () => {
    expect(
      fitsWithBuffer({ startsAt: local("10:00") }, { durationMinutes: 45, bufferAfterMinutes: 15 }, freedEnd),
    ).toBe(true);
    expect(
      fitsWithBuffer({ startsAt: local("10:00") }, { durationMinutes: 50, bufferAfterMinutes: 15 }, freedEnd),
    ).toBe(false);
  });
});

describe("offerLinkState", () => {
  const now = local("10:00");
  const pending = { status: "pending" as const, expiresAt: local("10:15") };
  it("is open only while pending, held and the time still open", () => {
    expect(offerLinkState(pending, "open", now)).toBe("open");
    expect(offerLinkState(pending, "open", local("10:15"))).toBe("expired");
    expect(offerLinkState(pending, "filled", now)).toBe("taken");
    expect(offerLinkState(pending, "closed", now)).toBe("taken");
    expect(offerLinkState({ ...pending, status: "declined" }, "open", now)).toBe("declined");
    expect(offerLinkState({ ...pending, status: "accepted" }, "filled", now)).toBe("accepted");
  });
});

describe("offerText", () => {
  it("names the first name, clinic, day and time and the link, and nothing clinical", () => {
    const text = offerText({
      firstName: "Sam",
      clinicName: "Riverside PT",
      startsAt: local("10:00"),
      timeZone: ZONE,
      link: "https://mend.example/waitlist/offer/abc",
      holdMinutes: 15,
    });
    expect(text).toBe(
      "Riverside PT: Hi Sam, a time opened on Monday, June 15, 2026 at 10:00 AM. It is held for you for 15 min: https://mend.example/waitlist/offer/abc",
    );
  });
});
