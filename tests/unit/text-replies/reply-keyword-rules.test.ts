import { describe, expect, it } from "vitest";
import {
  cancelReplyAction,
  mayAnswer,
  normaliseReply,
  optedOut,
  readReply,
} from "@/lib/text-replies/reply-keyword-rules";

describe("reading a text reply", () => {
  it.each([
    ["STOP", "opt_out"],
    ["stopall", "opt_out"],
    ["Unsubscribe", "opt_out"],
    // CTIA: CANCEL opts out of texts; it does not cancel a visit.
    ["cancel", "opt_out"],
    ["END", "opt_out"],
    ["quit.", "opt_out"],
    ["START", "opt_in"],
    ["unstop", "opt_in"],
    ["HELP", "help"],
    ["info?", "help"],
    ["C", "confirm"],
    ["y", "confirm"],
    ["Yes!", "confirm"],
    ["confirm", "confirm"],
    ["R", "cancel"],
    ["n", "cancel"],
    ["No.", "cancel"],
  ])("%j is %s", (body, keyword) => {
    expect(readReply(body)).toBe(keyword);
  });

  it("ignores spacing, case and punctuation around the keyword", () => {
    expect(readReply("  yes \n")).toBe("confirm");
    expect(readReply("'Stop'")).toBe("opt_out");
    expect(readReply("Ｃ")).toBe("confirm");
    expect(normaliseReply(" s.t.o.p ")).toBe("STOP");
  });

  it("does not read a sentence as a keyword", () => {
    expect(readReply("no idea, call me")).toBe("unrecognised");
    expect(readReply("yes please confirm")).toBe("unrecognised");
    expect(readReply("")).toBe("unrecognised");
    expect(readReply("RR")).toBe("unrecognised");
    expect(readReply("🙂")).toBe("unrecognised");
  });
});

describe("a cancel request by text", () => {
  const now = Date.parse("2026-03-02T12:00:00Z");
  const hours = (h: number) => now + h * 3_600_000;

  it("cancels outside the clinic's late-cancellation window", () => {
    expect(cancelReplyAction(hours(25), now, 24)).toBe("cancel");
    expect(cancelReplyAction(hours(1), now, 0)).toBe("cancel");
  });

  it("leaves it to the front desk inside the window", () => {
    expect(cancelReplyAction(hours(23), now, 24)).toBe("call_back");
    expect(cancelReplyAction(hours(24) - 1, now, 24)).toBe("call_back");
  });
});

describe("answering a number", () => {
  const t = (iso: string) => new Date(iso);

  it("counts an opt-out until a later opt-in", () => {
    expect(optedOut({ textConsentAt: null, textOptedOutAt: null })).toBe(false);
    expect(optedOut({ textConsentAt: null, textOptedOutAt: t("2026-01-02") })).toBe(true);
    expect(optedOut({ textConsentAt: t("2026-01-01"), textOptedOutAt: t("2026-01-02") })).toBe(true);
    expect(optedOut({ textConsentAt: t("2026-01-03"), textOptedOutAt: t("2026-01-02") })).toBe(false);
  });

  it("does not answer a number any of whose patients opted out", () => {
    const fine = { textConsentAt: t("2026-01-01"), textOptedOutAt: null };
    const out = { textConsentAt: t("2026-01-01"), textOptedOutAt: t("2026-01-02") };
    expect(mayAnswer([fine])).toBe(true);
    expect(mayAnswer([fine, out])).toBe(false);
    // A patient who never consented but texts the clinic may be answered.
    expect(mayAnswer([{ textConsentAt: null, textOptedOutAt: null }])).toBe(true);
  });
});
