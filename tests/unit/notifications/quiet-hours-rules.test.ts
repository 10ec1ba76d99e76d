import { describe, expect, it } from "vitest";
import { textSendTime } from "@/lib/notifications/quiet-hours-rules";
import { reachableBy } from "@/lib/patients/message-channel-rules";

const NY = "America/New_York";

describe("textSendTime", () => {
  it("sends at once in the day", () => {
    const now = new Date("2026-12-03T15:00:00Z"); // 10:00 New York
    expect(textSendTime(now, NY)).toEqual(now);
  });
  it("holds a text asked for at 22:30 until 08:00 the next morning", () => {
    const now = new Date("2026-12-04T03:30:00Z"); // 22:30 on 3 Dec in New York
    expect(textSendTime(now, NY).toISOString()).toBe("2026-12-04T13:00:00.000Z");
  });
  it("holds a text asked for at 06:00 until 08:00 the same morning", () => {
    const now = new Date("2026-12-03T11:00:00Z"); // 06:00
    expect(textSendTime(now, NY).toISOString()).toBe("2026-12-03T13:00:00.000Z");
  });
  it("sends at night when the visit is within 3 hours", () => {
    const now = new Date("2026-12-04T03:30:00Z");
    const visit = new Date("2026-12-04T05:30:00Z");
    expect(textSendTime(now, NY, visit)).toEqual(now);
  });
  it("sends when a visit becomes urgent if that is before 08:00", () => {
    const now = new Date("2026-12-04T03:00:00Z"); // 22:00
    const visit = new Date("2026-12-04T12:30:00Z"); // 07:30 next morning
    expect(textSendTime(now, NY, visit).toISOString()).toBe("2026-12-04T09:30:00.000Z");
  });
  it("keeps quiet hours across the spring change in the clinic's zone", () => {
    const now = new Date("2026-03-08T02:30:00Z"); // 21:30 EST on 7 Mar; clocks jump at 02:00
    expect(textSendTime(now, NY).toISOString()).toBe("2026-03-08T12:00:00.000Z"); // 08:00 EDT
  });
});

describe("reachableBy", () => {
  const base = {
    email: "a@example.com",
    phone: "+12125550100",
    textConsentAt: new Date("2026-01-01"),
    textOptedOutAt: null,
  };
  it("texts only with consent and no later opt-out", () => {
    expect(reachableBy({ ...base, messageChannels: "text" })).toEqual({ email: null, sms: "+12125550100" });
    expect(reachableBy({ ...base, messageChannels: "text", textOptedOutAt: new Date("2026-02-01") })).toEqual({
      email: "a@example.com",
      sms: null,
    });
    expect(reachableBy({ ...base, messageChannels: "both", textConsentAt: null })).toEqual({
      email: "a@example.com",
      sms: null,
    });
  });
  it("a new opt-in after a STOP counts again", () => {
    const p = { ...base, messageChannels: "both" as const, textOptedOutAt: new Date("2025-12-01") };
    expect(reachableBy(p)).toEqual({ email: "a@example.com", sms: "+12125550100" });
  });
  it("email-only patients get no text even with consent", () => {
    expect(reachableBy({ ...base, messageChannels: "email" })).toEqual({ email: "a@example.com", sms: null });
  });
});
