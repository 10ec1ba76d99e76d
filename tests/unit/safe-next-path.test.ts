import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

describe("safeNextPath", () => {
  it("keeps same-site paths", () => {
    expect(safeNextPath("/clinic/admin?tab=staff")).toBe("/clinic/admin?tab=staff");
  });
  it.each(["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", null, undefined])(
    "refuses %s",
    (value) => {
      expect(safeNextPath(value)).toBe("/");
    },
  );
});
