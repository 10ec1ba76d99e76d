import { describe, expect, it } from "vitest";
import { gsm7Length, reminderText, SMS_SEGMENT_CHARS } from "@/lib/booking/reminder-text-rules";

const base = {
  firstName: "Ana",
  clinicName: "Riverside Physical Therapy",
  // 19:30 UTC on Tuesday 24 November 2026 = 2:30 PM in New York (EST).
  startsAt: new Date("2026-11-24T19:30:00Z"),
  timeZone: "America/New_York",
  appUrl: "https://mend.example",
};

describe("reminder text", () => {
  it("says who, where and when in the clinic's zone, how to reply, and links to the portal", () => {
    expect(reminderText(base)).toBe(
      "Hi Ana, reminder: Riverside Physical Therapy, Tue, Nov 24 at 2:30 PM EST. Reply C to confirm or R to cancel. https://mend.example/portal/appointments",
    );
  });

  it("uses the clinic's zone, not the server's", () => {
    const text = reminderText({ ...base, timeZone: "Australia/Sydney" });
    // 19:30 UTC is 6:30 AM the next day in Sydney (AEDT, UTC+11).
    expect(text).toContain("Wed, Nov 25 at 6:30 AM");
  });

  it("fits one GSM-7 segment: Intl's narrow space before PM is replaced", () => {
    const text = reminderText(base);
    expect(gsm7Length(text)).not.toBeNull();
    expect(gsm7Length(text)!).toBeLessThanOrEqual(SMS_SEGMENT_CHARS);
  });

  it("shortens a long clinic name, then a long first name, to stay in one segment", () => {
    const text = reminderText({
      ...base,
      firstName: "Maximiliana-Josephine-Alexandra",
      clinicName: "The Greater Metropolitan Riverside Sports and Orthopaedic Physical Therapy Centre",
      appUrl: "https://mend.example/",
    });
    expect(gsm7Length(text)).toBeLessThanOrEqual(SMS_SEGMENT_CHARS);
    expect(text).toMatch(/^Hi Maximiliana/);
    expect(text).toContain("The Greater");
    expect(text).toContain("Reply C to confirm or R to cancel.");
    expect(text.endsWith("https://mend.example/portal/appointments")).toBe(true);
  });

  it("keeps short names whole", () => {
    expect(reminderText({ ...base, firstName: "Li", clinicName: "Bay PT" })).toContain("Hi Li, reminder: Bay PT, ");
  });

  it("carries no clinical detail: only the facts it is given", () => {
    const text = reminderText(base);
    expect(text).not.toMatch(/therap(y|ist) with|assessment|knee|back|follow-up/i);
  });
});

describe("GSM-7 length", () => {
  it("counts extension characters twice and refuses characters outside the alphabet", () => {
    expect(gsm7Length("abc")).toBe(3);
    expect(gsm7Length("€[")).toBe(4);
    expect(gsm7Length("Zoë")).toBeNull();
    expect(gsm7Length("Hi 👋")).toBeNull();
  });
});
