import { describe, expect, it } from "vitest";
import { textEncoding, textLength } from "@/lib/notifications/text-length-rules";

describe("textLength", () => {
  it("keeps a plain reminder in GSM-7, one segment up to 160 characters", () => {
    expect(textLength("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(textLength("Hi Ana, Mend PT: your visit is Tue 4 Mar at 9:30. Reply C to confirm.")).toMatchObject({
      encoding: "GSM-7",
      segments: 1,
    });
  });

  it("splits GSM-7 into 153-character parts past 160", () => {
    expect(textLength("a".repeat(161)).segments).toBe(2);
    expect(textLength("a".repeat(306)).segments).toBe(2);
    expect(textLength("a".repeat(307)).segments).toBe(3);
  });

  it("counts extension characters (€, brackets) as two septets", () => {
    expect(textLength("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(textLength("€".repeat(80) + "a").segments).toBe(2);
  });

  it("switches the whole text to UCS-2 for one character outside the GSM alphabet", () => {
    expect(textEncoding("See you soon 🙂")).toBe("UCS-2");
    expect(textEncoding("It’s booked")).toBe("UCS-2"); // curly apostrophe
    expect(textEncoding("Zażółć")).toBe("UCS-2");
    expect(textEncoding("Ça va? Ñandu, ÄÖÜ à")).toBe("GSM-7");
  });

  it("uses 70, then 67 per part, for UCS-2", () => {
    expect(textLength("ł".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(textLength("ł".repeat(71)).segments).toBe(2);
    expect(textLength("ł".repeat(134)).segments).toBe(2);
    expect(textLength("ł".repeat(135)).segments).toBe(3);
  });

  it("counts an emoji as two UTF-16 units", () => {
    expect(textLength("🙂").units).toBe(2);
    expect(textLength("🙂".repeat(35)).segments).toBe(1);
    expect(textLength("🙂".repeat(36)).segments).toBe(2);
  });

  it("treats an empty text as one segment", () => {
    expect(textLength("").segments).toBe(1);
  });
});
