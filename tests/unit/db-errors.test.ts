import { describe, expect, it } from "vitest";
import { isUniqueViolation, postgresRefusal } from "@/lib/db-errors";
import { Prisma } from "@/lib/generated/prisma/client";

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("refused", { code, clientVersion: "7", meta });

const adapterCause = (originalCode: string, originalMessage = "") => ({
  driverAdapterError: { cause: { kind: "postgres", code: originalCode, originalCode, originalMessage } },
});

describe("isUniqueViolation", () => {
  it("recognises Prisma's P2002, from the client or from a second copy of it (same shape, other class)", () => {
    expect(isUniqueViolation(known("P2002", { target: ["email"] }))).toBe(true);
    const copy = Object.assign(new Error("refused"), { name: "PrismaClientKnownRequestError", code: "P2002" });
    expect(isUniqueViolation(copy)).toBe(true);
  });

  it("recognises SQLSTATE 23505 passed on by the driver adapter (a raw query's P2010)", () => {
    expect(isUniqueViolation(known("P2010", adapterCause("23505", "duplicate key value")))).toBe(true);
  });

  it("refuses other refusals and things that are not database errors", () => {
    expect(isUniqueViolation(known("P2025"))).toBe(false); // record not found
    expect(isUniqueViolation(known("P2003"))).toBe(false); // foreign key
    expect(isUniqueViolation(known("P2010", adapterCause("23P01")))).toBe(false); // exclusion constraint
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation("P2002")).toBe(false);
  });
});

describe("postgresRefusal", () => {
  it("gives the SQLSTATE and message, or null when the driver passed none on", () => {
    expect(postgresRefusal(known("P2010", adapterCause("23P01", 'violates "Appointment_patient_no_overlap"')))).toEqual(
      {
        sqlState: "23P01",
        message: 'violates "Appointment_patient_no_overlap"',
      },
    );
    expect(postgresRefusal(known("P2002"))).toBeNull();
    expect(postgresRefusal(undefined)).toBeNull();
  });
});
