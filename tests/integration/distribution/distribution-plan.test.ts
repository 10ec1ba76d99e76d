import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClinic, createPatient, createUser } from "../../factories";
import { createAppointmentType, futureMonday, localInstant } from "../../factories/booking";
import { foreignKeys, nullableClinicIdTables, publicTables, uniqueRules } from "./catalog";
import {
  FOREIGN_KEYS_WITHOUT_CLINIC_ID,
  NOT_DISTRIBUTED_BY_CLINIC,
  NULLABLE_CLINIC_ID,
  UNIQUE_RULES_WITHOUT_CLINIC_ID,
} from "./distribution-plan";
import { planViolations } from "./plan-violations";

/**
 * Citus refuses a unique or exclusion constraint on a distributed table unless
 * it contains the distribution column, and a foreign key between distributed
 * tables unless both sides carry it. These tests keep every new rule shard-safe
 * from the day it is written, or make its author excuse it by name, with a
 * reason, in ./distribution-plan.ts (docs/decisions/066).
 */
describe("ready to distribute by clinicId", () => {
  it("every table without clinicId has a stated place (reference, local, or follows its owner)", async () => {
    expect(
      (await planViolations()).unplacedTables,
      "add a clinicId column, or say where the table lives in distribution-plan.ts",
    ).toEqual([]);
  });

  it("every unique index and exclusion constraint on a clinic-owned table includes clinicId", async () => {
    expect(
      (await planViolations()).uniqueRules,
      "lead the rule with clinicId, or excuse it with a reason in distribution-plan.ts",
    ).toEqual([]);
  });

  it("every foreign key between clinic-owned tables joins clinicId to clinicId", async () => {
    expect(
      (await planViolations()).foreignKeys,
      "join on (id, clinicId), or excuse the key with a reason in distribution-plan.ts",
    ).toEqual([]);
  });

  it("clinicId is never NULL where it will be the distribution column", async () => {
    expect(
      (await planViolations()).nullableClinicId,
      "make clinicId required, or excuse the table in distribution-plan.ts",
    ).toEqual([]);
  });

  it("the excuses name only rules that still exist, so a fixed one leaves the list", async () => {
    const names = new Set([...(await uniqueRules()).map((r) => r.name), ...(await foreignKeys()).map((f) => f.name)]);
    const tables = new Set(await publicTables());
    const nullable = new Set(await nullableClinicIdTables());
    expect(Object.keys(UNIQUE_RULES_WITHOUT_CLINIC_ID).filter((n) => !names.has(n))).toEqual([]);
    expect(Object.keys(FOREIGN_KEYS_WITHOUT_CLINIC_ID).filter((n) => !names.has(n))).toEqual([]);
    expect(Object.keys(NOT_DISTRIBUTED_BY_CLINIC).filter((t) => !tables.has(t))).toEqual([]);
    expect(Object.keys(NULLABLE_CLINIC_ID).filter((t) => !nullable.has(t))).toEqual([]);
  });

  it("names a new table's rules that would not survive distribution", async () => {
    // This file's database is its own: the probe tables never reach another test.
    await db.$executeRawUnsafe(`CREATE TABLE "ProbeParent" ("id" uuid PRIMARY KEY, "clinicId" uuid NOT NULL)`);
    await db.$executeRawUnsafe(`CREATE TABLE "ProbeChild" (
      "id" uuid PRIMARY KEY, "clinicId" uuid, "parentId" uuid REFERENCES "ProbeParent"("id"),
      "tokenHash" text UNIQUE, "roomId" uuid, "during" tstzrange,
      CONSTRAINT "ProbeChild_no_overlap" EXCLUDE USING gist ("roomId" WITH =, "during" WITH &&))`);
    await db.$executeRawUnsafe(`CREATE TABLE "ProbeLoose" ("key" text PRIMARY KEY)`);
    try {
      const v = await planViolations();
      expect(v.unplacedTables).toEqual(["ProbeLoose"]);
      expect(v.uniqueRules).toEqual([
        "ProbeChild_no_overlap (exclusion on ProbeChild: roomId, during)",
        "ProbeChild_tokenHash_key (unique on ProbeChild: tokenHash)",
      ]);
      expect(v.foreignKeys).toEqual(["ProbeChild_parentId_fkey (ProbeChild(parentId) -> ProbeParent)"]);
      expect(v.nullableClinicId).toEqual(["ProbeChild"]);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE "ProbeChild", "ProbeParent", "ProbeLoose"`);
    }
  });
});

describe("clinicId in the rules keeps every guarantee", () => {
  it("an appointment cannot carry a clinic other than its therapist's and patient's, so clinicId-led no-overlap rules miss nothing", async () => {
    const [home, other] = [await createClinic(), await createClinic()];
    const therapist = await createUser(home.id, "therapist");
    const patient = await createPatient(home.id);
    const types = {
      [home.id]: await createAppointmentType(home.id),
      [other.id]: await createAppointmentType(other.id),
    };
    const day = futureMonday(undefined, 5);
    const insert = (clinicId: string) => db.$executeRaw`
      INSERT INTO "Appointment" ("id","clinicId","therapistId","patientId","appointmentTypeId","startsAt","endsAt","blockedUntil","bookedById","bookedVia","updatedAt")
      VALUES (${randomUUID()}::uuid, ${clinicId}::uuid, ${therapist.id}::uuid, ${patient.id}::uuid, ${types[clinicId]!.id}::uuid,
              ${localInstant(day, "09:00")}, ${localInstant(day, "10:00")}, ${localInstant(day, "10:00")},
              ${therapist.id}::uuid, 'staff', now())`;
    await expect(insert(home.id)).resolves.toBe(1);
    // Under another clinic's id the same slot would dodge ("clinicId" WITH =): the foreign keys refuse the row first.
    await expect(insert(other.id)).rejects.toThrow(/Appointment_(therapist|patient)Id_clinicId_fkey/);
    // And within the clinic the overlap is still refused.
    await expect(insert(home.id)).rejects.toThrow(/Appointment_therapist_no_overlap|23P01/);
  });

  it("a media file's key starts with its clinic's id, so (clinicId, storageKey) is as unique as storageKey", async () => {
    const clinic = await createClinic();
    const exercise = await db.exercise.create({
      data: {
        clinicId: clinic.id,
        name: "Probe",
        summary: "s",
        bodyArea: "core",
        position: "standing",
        defaultKind: "reps",
        defaultSets: 1,
        defaultReps: 1,
      },
    });
    const media = (storageKey: string) =>
      db.exerciseMedia.create({
        data: {
          clinicId: clinic.id,
          exerciseId: exercise.id,
          kind: "image",
          contentType: "image/png",
          byteSize: 1,
          storageKey,
          originalName: "a.png",
          sha256: "0",
        },
      });
    await expect(media(`${randomUUID()}/${randomUUID()}.png`)).rejects.toThrow(
      /ExerciseMedia_storage_key_in_clinic|23514/,
    );
    await expect(media(`${clinic.id}/${randomUUID()}.png`)).resolves.toMatchObject({ clinicId: clinic.id });
  });
});
