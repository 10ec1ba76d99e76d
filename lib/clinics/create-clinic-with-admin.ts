import "server-only";
import { DEFAULT_MONITORING_THRESHOLDS } from "@/lib/episodes/monitoring-defaults";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defaultDosageColumns } from "@/lib/exercises/exercise-view";
import { STARTER_EXERCISES } from "@/lib/exercises/starter-library";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { clinicSetupSchema } from "./schema";

export const CLINIC_EXISTS_MESSAGE =
  "This database already has a clinic, so setup changed nothing. Sign in as its admin to change its settings (Clinic settings), or point DATABASE_URL at an empty database to set up another.";

/** Audit rows of the first run: nobody is signed in yet, so the actor is the setup command itself. */
const SETUP_ACTOR = { ip: null, userAgent: null, actorId: null, role: "system" } as const;

export type CreatedClinic = { clinicId: string; clinicName: string; adminId: string; adminEmail: string };

/**
 * First run (`npm run setup`): creates the clinic, its first admin and the
 * starter exercise library, or nothing at all once any clinic exists. No demo
 * data. The admin has no authenticator yet: the first sign-in makes them
 * enrol one, like every new staff account.
 *
 * Takes the Prisma client rather than the app's `db`, because it runs in the
 * setup command (and tests) against whichever database they name.
 */
export async function createClinicWithAdmin(client: PrismaClient, input: unknown): Promise<CreatedClinic> {
  const data = parseInput(clinicSetupSchema, input);
  const passwordHash = await hashPassword(data.admin.password);
  return client.$transaction(async (prismaTx) => {
    const tx = prismaTx as unknown as Tx;
    // Two setups at once must not make two clinics: the second waits here, then sees the first's clinic.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('mend:clinic-setup', 0))`;
    if ((await tx.clinic.count()) > 0) throw new AppError("conflict", CLINIC_EXISTS_MESSAGE);

    const clinic = await tx.clinic.create({
      // Remote-monitoring thresholds are clinic data the admin edits; every clinic starts with the usual one.
      data: { ...data.clinic, monitoringThresholds: { create: [...DEFAULT_MONITORING_THRESHOLDS] } },
      select: { id: true, name: true },
    });
    const admin = await tx.user.create({
      data: { clinicId: clinic.id, role: "admin", name: data.admin.name, email: data.admin.email, passwordHash },
      select: { id: true, email: true },
    });
    // The starter library is part of the product, not demo data (lib/exercises/starter-library.ts).
    await tx.exercise.createMany({
      data: STARTER_EXERCISES.map(({ defaultDosage, ...fields }) => ({
        ...fields,
        ...defaultDosageColumns(defaultDosage),
        clinicId: clinic.id,
        starter: true,
      })),
    });

    const who = { ...SETUP_ACTOR, clinicId: clinic.id };
    await recordAudit(
      who,
      {
        action: "clinic.create",
        recordType: "Clinic",
        recordId: clinic.id,
        details: { via: "setup", ...data.clinic, starterExercises: STARTER_EXERCISES.length },
      },
      tx,
    );
    await recordAudit(
      who,
      {
        action: "staff.create",
        recordType: "User",
        recordId: admin.id,
        details: { via: "setup", role: "admin" },
      },
      tx,
    );
    return { clinicId: clinic.id, clinicName: clinic.name, adminId: admin.id, adminEmail: admin.email };
  });
}
