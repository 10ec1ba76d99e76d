import { describe, expect, it } from "vitest";
import { newPasswordProblem } from "@/lib/auth/password-rules";
import { newPasswordSchema } from "@/lib/auth/schema";

describe("the new-password rule a form checks without zod", () => {
  it.each([0, 1, 9, 10, 11, 200, 201, 500])("agrees with newPasswordSchema for %i characters", (length) => {
    const password = "x".repeat(length);
    const parsed = newPasswordSchema.safeParse(password);
    expect(newPasswordProblem(password)).toBe(parsed.success ? null : parsed.error.issues[0]!.message);
  });
});
