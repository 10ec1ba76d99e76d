import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { addDays, startOfLocalDay } from "@/lib/time/calendar-rules";
import { recordAudit } from "./record-audit";

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const auditFilterSchema = z.object({
  /** Chosen with the patient search (the app's form sends only this id: a name must not be in a URL). */
  patientId: z.union([z.uuid("Unknown patient."), z.literal("")]).optional(),
  /** Name search, still accepted from bookmarked links; the form no longer sends it. */
  patient: z.string().trim().max(100, "Too long.").optional(),
  user: z.union([z.uuid("Unknown user."), z.literal("")]).optional(),
  action: z.string().trim().max(60, "Too long.").optional(),
  from: dateSchema,
  to: dateSchema,
  before: z.coerce.bigint().positive().optional().catch(undefined),
});

const PAGE = 50;

/** The clinic's audit log, newest first, filtered by patient, user, action and dates (clinic time zone). */
export async function listAuditEvents(actor: Actor, input: unknown, timeZone: string) {
  await assertCan(actor, "audit:read");
  const f = parseInput(auditFilterSchema, input);
  const where: Prisma.AuditEventWhereInput = { clinicId: actor.clinicId };
  if (f.user) where.actorId = f.user;
  if (f.action) where.action = { startsWith: f.action };
  if (f.from || f.to) {
    where.at = {
      ...(f.from ? { gte: new Date(startOfLocalDay(f.from, timeZone)) } : {}),
      ...(f.to ? { lt: new Date(startOfLocalDay(addDays(f.to, 1), timeZone)) } : {}),
    };
  }
  let filterPatient: {
    id: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    phone: string | null;
  } | null = null;
  if (f.patientId) {
    const p = await db.patient.findFirst({
      where: { id: f.patientId, clinicId: actor.clinicId },
      select: { id: true, firstName: true, lastName: true, dateOfBirth: true, phone: true },
    });
    filterPatient = p ? { ...p, dateOfBirth: p.dateOfBirth.toISOString() } : null;
    where.patientId = f.patientId;
  } else if (f.patient) {
    const terms = f.patient.split(/\s+/).filter(Boolean);
    const patients = await db.patient.findMany({
      where: {
        clinicId: actor.clinicId,
        AND: terms.map((t) => ({
          OR: [
            { firstName: { contains: t, mode: "insensitive" as const } },
            { lastName: { contains: t, mode: "insensitive" as const } },
          ],
        })),
      },
      select: { id: true },
      take: 200,
    });
    where.patientId = { in: patients.map((p) => p.id) };
  }
  if (f.before) where.id = { lt: f.before };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: PAGE + 1 });
  const page = rows.slice(0, PAGE);
  const [users, patients] = await Promise.all([
    db.user.findMany({
      where: {
        clinicId: actor.clinicId,
        id: { in: [...new Set(page.map((r) => r.actorId).filter((x): x is string => !!x))] },
      },
      select: { id: true, name: true },
    }),
    db.patient.findMany({
      where: {
        clinicId: actor.clinicId,
        id: { in: [...new Set(page.map((r) => r.patientId).filter((x): x is string => !!x))] },
      },
      select: { id: true, firstName: true, lastName: true },
    }),
  ]);
  await recordAudit(actor, {
    action: "audit.read",
    details: { filters: { ...f, before: f.before?.toString() }, results: page.length },
  });
  return {
    events: page,
    userNames: Object.fromEntries(users.map((u) => [u.id, u.name])),
    patientNames: Object.fromEntries(patients.map((p) => [p.id, `${p.firstName} ${p.lastName}`])),
    nextBefore: rows.length > PAGE ? page.at(-1)!.id.toString() : null,
    filters: f,
    filterPatient,
  };
}

export async function listClinicUsers(actor: Actor) {
  await assertCan(actor, "audit:read");
  return db.user.findMany({
    where: { clinicId: actor.clinicId },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, role: true },
  });
}

/**
 * How many of the clinic's events are sealed into the hash chain. The chain
 * itself spans every clinic, but how busy another clinic is stays its own
 * business, so the counts are of this clinic's rows.
 */
export async function auditChainCounts(actor: Actor) {
  await assertCan(actor, "audit:read");
  const [sealed, unsealed] = await Promise.all([
    db.auditEvent.count({ where: { clinicId: actor.clinicId, hash: { not: null } } }),
    db.auditEvent.count({ where: { clinicId: actor.clinicId, hash: null } }),
  ]);
  return { sealed, unsealed };
}
