import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_RULES, describeReminderRule, effectiveReminderRules } from "@/lib/booking/reminder-rules";

describe("reminder schedule", () => {
  it("is email 48 h and text 2 h before while the clinic has saved none", () => {
    expect(effectiveReminderRules([])).toEqual([
      { channel: "email", hoursBefore: 48 },
      { channel: "sms", hoursBefore: 2 },
    ]);
    expect(DEFAULT_REMINDER_RULES).toHaveLength(2);
  });

  it("is the clinic's own rules once saved, earliest reminder first, without the default", () => {
    expect(
      effectiveReminderRules([
        { channel: "sms", hoursBefore: 3 },
        { channel: "email", hoursBefore: 24 },
        { channel: "sms", hoursBefore: 24 },
      ]),
    ).toEqual([
      { channel: "email", hoursBefore: 24 },
      { channel: "sms", hoursBefore: 24 },
      { channel: "sms", hoursBefore: 3 },
    ]);
  });

  it("describes a rule for people", () => {
    expect(describeReminderRule({ channel: "sms", hoursBefore: 1 })).toBe("Text 1 hour before");
    expect(describeReminderRule({ channel: "email", hoursBefore: 48 })).toBe("Email 48 hours before");
  });
});
