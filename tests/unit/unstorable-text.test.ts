import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { describeErrorForLog } from "@/lib/http/log-safe-error";
import { parseInput, UNSTORABLE_TEXT_MESSAGE, unstorableTextPaths } from "@/lib/validation";

describe("text PostgreSQL cannot store (found by fuzzing: NUL turned into 500s)", () => {
  it("finds NUL and lone surrogates anywhere, keys included, by field path", () => {
    expect(
      unstorableTextPaths({
        name: "a\u0000b",
        ok: "fine 😀 שלום",
        list: ["x", "\uD83D"],
        nested: { deeper: "y\uDE00z" },
        ["bad\u0000key"]: 1,
      }),
    ).toEqual(["name", "list.1", "nested.deeper", "_form"]);
    expect(unstorableTextPaths("\u0000")).toEqual(["_form"]);
    expect(unstorableTextPaths({ a: "emoji 👩🏽‍⚕️ is a proper pair", n: 0, b: null })).toEqual([]);
  });

  it("makes parseInput answer 422 with a plain message per field before the schema sees it", () => {
    const schema = z.object({ note: z.string(), other: z.string() });
    let error: unknown;
    try {
      parseInput(schema, { note: "called\u0000 patient", other: "ok" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).fieldErrors).toEqual({ note: [UNSTORABLE_TEXT_MESSAGE] });
    expect(parseInput(schema, { note: "called patient 📞", other: "ok" })).toEqual({
      note: "called patient 📞",
      other: "ok",
    });
  });
});

describe("what the server log may say about an unexpected error", () => {
  it("names the error, its code and where it was thrown, never its message (Prisma quotes the arguments)", () => {
    const e = Object.assign(new Error('Invalid `prisma.patient.create()` invocation: { firstName: "Quillon" }'), {
      name: "PrismaClientValidationError",
      code: "P2009",
    });
    const line = describeErrorForLog(e);
    expect(line).toMatch(/^PrismaClientValidationError P2009 \| /);
    expect(line).not.toContain("Quillon");
    expect(line).not.toContain("invocation");
    expect(describeErrorForLog({ firstName: "Quillon" })).toBe("non-Error thrown (object)");
  });
});
