import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Actor } from "@/lib/auth/actor";
import { ARGON2_OPTIONS } from "@/lib/auth/password-params";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DEFAULT_MONITORING_THRESHOLDS } from "@/lib/episodes/monitoring-defaults";

/**
 * Test data through the real database. Every factory makes fresh, unique rows,
 * so tests never depend on each other's data.
 */
export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;
const unique = () => randomBytes(4).toString("hex");

export async function createClinic(overrides: Partial<{ name: string; timeZone: string }> = {}) {
  return db.clinic.create({
    data: {
      name: overrides.name ?? `Clinic ${unique()}`,
      address: "1 Test Street",
      phone: "555-0100",
      timeZone: overrides.timeZone ?? "America/New_York",
      monitoringThresholds: { create: [...DEFAULT_MONITORING_THRESHOLDS] },
    },
  });
}

export async function createUser(
  clinicId: string,
  role: Role,
  overrides: Partial<{ email: string; name: string; active: boolean }> = {},
) {
  passwordHash ??= hash(TEST_PASSWORD, ARGON2_OPTIONS);
  return db.user.create({
    data: {
      clinicId,
      role,
      email: overrides.email ?? `${role}-${unique()}@test.example`,
      name: overrides.name ?? `${role} ${unique()}`,
      active: overrides.active ?? true,
      passwordHash: await passwordHash,
    },
  });
}

export async function createPatient(
  clinicId: string,
  overrides: Partial<{ userId: string; firstName: string; lastName: string }> = {},
) {
  return db.patient.create({
    data: {
      clinicId,
      firstName: overrides.firstName ?? "Pat",
      lastName: overrides.lastName ?? `Test${unique()}`,
      dateOfBirth: new Date("1980-05-05T00:00:00Z"),
      email: `patient-${unique()}@test.example`,
      userId: overrides.userId ?? null,
    },
  });
}

/** A signed-in actor backed by a real user and AuthSession row. */
export async function actorFor(
  user: { id: string; clinicId: string; role: Role; name: string; sessionVersion: number },
  patientId: string | null = null,
): Promise<Actor> {
  const session = await db.authSession.create({
    data: { userId: user.id, clinicId: user.clinicId, sessionVersion: user.sessionVersion },
  });
  return {
    kind: "user",
    userId: user.id,
    role: user.role,
    clinicId: user.clinicId,
    patientId,
    name: user.name,
    sessionId: session.id,
    ip: "203.0.113.7",
    userAgent: "vitest",
  };
}

export async function createStaffActor(clinicId: string, role: Exclude<Role, "patient">) {
  return actorFor(await createUser(clinicId, role));
}

export async function createPatientActor(clinicId: string) {
  const user = await createUser(clinicId, "patient");
  const patient = await createPatient(clinicId, { userId: user.id });
  return { actor: await actorFor(user, patient.id), patient, user };
}

/** A clinic with one of each staff role and two patients with accounts. */
export async function createClinicWithPeople() {
  const clinic = await createClinic();
  const [admin, therapist, frontDesk, a, b] = await Promise.all([
    createStaffActor(clinic.id, "admin"),
    createStaffActor(clinic.id, "therapist"),
    createStaffActor(clinic.id, "front_desk"),
    createPatientActor(clinic.id),
    createPatientActor(clinic.id),
  ]);
  return { clinic, admin, therapist, frontDesk, patientA: a, patientB: b };
}
