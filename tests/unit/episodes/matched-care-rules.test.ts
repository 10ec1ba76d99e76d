import { describe, expect, it } from "vitest";
import { matchedApproachFor, matchingTemplateId, suggestionText } from "@/lib/episodes/matched-care-rules";

describe("matched care", () => {
  it("maps each STarT Back group to the approach Hill et al. matched to it", () => {
    expect(matchedApproachFor("low")?.approach).toMatch(/advice, reassurance and self-management/);
    expect(matchedApproachFor("medium")?.approach).toBe("standard physiotherapy");
    expect(matchedApproachFor("high")?.approach).toBe("psychologically informed physiotherapy");
    expect(matchedApproachFor(undefined)).toBeNull();
    expect(matchedApproachFor("severe")).toBeNull();
  });
  it("words it as a suggestion", () => {
    expect(suggestionText("high")).toMatch(/suggestion/i);
  });
  it("pre-selects the first template marked for the group, none otherwise", () => {
    const templates = [
      { id: "t1", matchedRisk: null },
      { id: "t2", matchedRisk: "medium" as const },
      { id: "t3", matchedRisk: "high" as const },
      { id: "t4", matchedRisk: "medium" as const },
    ];
    expect(matchingTemplateId(templates, "medium")).toBe("t2");
    expect(matchingTemplateId(templates, "high")).toBe("t3");
    expect(matchingTemplateId(templates, "low")).toBeNull();
    expect(matchingTemplateId(templates, null)).toBeNull();
  });
});
