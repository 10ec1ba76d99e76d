import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, MAX_FIELDS_WITH_ERRORS } from "@/lib/validation";

describe("fieldErrorsOf", () => {
  it("keys each message by its dotted field path", () => {
    const r = z.object({ a: z.object({ b: z.string() }), c: z.number() }).safeParse({ a: { b: 1 }, c: "x" });
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!);
    expect(Object.keys(errors).sort()).toEqual(["a.b", "c"]);
  });

  it("reports at most MAX_FIELDS_WITH_ERRORS fields, however many items are wrong", () => {
    const r = z.object({ ids: z.array(z.string()) }).safeParse({ ids: Array.from({ length: 50_000 }, () => 0) });
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!);
    expect(Object.keys(errors)).toHaveLength(MAX_FIELDS_WITH_ERRORS);
    expect(Object.keys(errors)[0]).toBe("ids.0");
    expect(JSON.stringify(errors).length).toBeLessThan(10_000);
  });

  it("keeps different messages for one field, once each", () => {
    const schema = z
      .string()
      .min(5, "Too short")
      .regex(/^\d+$/, "Digits only")
      .superRefine((_, ctx) => {
        ctx.addIssue({ code: "custom", message: "Digits only" });
      });
    const r = z.object({ pin: schema }).safeParse({ pin: "ab" });
    expect(fieldErrorsOf(r.error!)).toEqual({ pin: ["Too short", "Digits only"] });
  });
});
