import { describe, expect, it } from "vitest";
import { fitsWithBuffer, offerChannels, offerLinkState, offerText } from "@/lib/waitlist/offer-rules";

const ZONE = "America/New_York";
// 2026-06-15 is a Monday; New York is UTC-4 in June.
const local = (hhmm: string, day = "2026-06-15") => new Date(`${day}T${hhmm}:00-04:00`);

describe("offerChannels (decision 086)", () => {
  const both = { email: "a@example.com", sms: "+15551234567" };
  it("texts and emails in the day", () => {
    expect(offerChannels(both, local("10:00"), ZONE, local("15:00"))).toEqual(both);
  });
  it("at night emails only: a text held until morning would arrive after the hold ran out", () => {
    expect(offerChannels(both, local("22:30"), ZONE, local("10:00", "2026-06-16"))).toEqual({
      email: "a@example.com",
      sms: null,
    });
    expect(offerChannels({ email: null, sms: both.sms }, local("06:00"), ZONE, local("14:00"))).toEqual({
      email: null,
      sms: null,
    });
  });
  it("texts at night when the visit is within 3 hours (the quiet-hours exception)", () => {
    expect(offerChannels(both, local("21:30"), ZONE, local("23:59")).sms).toBe(both.sms);
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
