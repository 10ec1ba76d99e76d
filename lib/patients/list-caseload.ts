import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { intakeStatusFor, type IntakeBadge } from "@/lib/booking/intake-badges";
import { db } from "@/lib/db";
import type { RedFlagTier } from "@/lib/intake/red-flag-rules";
import { adherenceOfActivePrograms } from "@/lib/programs/program-adherence";
import { clinicClock } from "@/lib/programs/program-access";
import { parseInput } from "@/lib/validation";

export const CASELOAD_VIEWS = ["mine", "clinic"] as const;
export type CaseloadView = (typeof CASELOAD_VIEWS)[number];
export const caseloadQuerySchema = z.object({ view: z.enum(CASELOAD_VIEWS).catch("mine").default("mine") });

/** How many rows a list shows; the search box finds the rest. */
export const CASELOAD_LIMIT = 200;

export type CaseloadRow = {
  patientId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  primaryTherapistName: string | null;
  nextVisit: Date | null;
  intake: IntakeBadge;
  /** The most urgent unacknowledged red flag's tier, if any. */
  redFlagTier: RedFlagTier | null;
  /** Share of prescribed sessions done over the last two full weeks; null without an active program in force. */
  adherence: number | null;
};

const TIER_RANK: Record<RedFlagTier, number> = { emergency: 0, same_day: 1, routine: 2 };

/**
 * A therapist's caseload (active patients whose primary therapist they are)
 * or the whole clinic's active patients, for the therapist workspace: next
 * visit, whether the first intake is in, the worst open red-flag tier and
 * recent adherence. A fixed number of queries whatever the list's length.
 */
export async function listCaseload(
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<{ view: CaseloadView; rows: CaseloadRow[]; truncated: boolean }> {
  await assertCan(actor, "patient:read:clinical");
  const { view } = parseInput(caseloadQuerySchema, input);
  const patients = await db.patient.findMany({
    where: {
      clinicId: actor.clinicId,
      active: true,
      ...(view === "mine" ? { primaryTherapistId: actor.userId } : {}),
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: CASELOAD_LIMIT + 1,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      preferredName: true,
      primaryTherapist: { select: { name: true } },
    },
  });
  const truncated = patients.length > CASELOAD_LIMIT;
  const shown = patients.slice(0, CASELOAD_LIMIT);
  const ids = shown.map((p) => p.id);
  const clock = await clinicClock(actor.clinicId, now);
  const [visits, flags, intakes, adherence] = await Promise.all([
    db.appointment.groupBy({
      by: ["patientId"],
      where: { clinicId: actor.clinicId, patientId: { in: ids }, status: "booked", startsAt: { gte: now } },
      _min: { startsAt: true },
    }),
    db.redFlag.groupBy({
      by: ["patientId", "tier"],
      where: { clinicId: actor.clinicId, patientId: { in: ids }, acknowledgedAt: null },
    }),
    intakeStatusFor(actor.clinicId, ids),
    adherenceOfActivePrograms(actor.clinicId, clock.today, ids),
  ]);
  const nextVisit = new Map(visits.map((v) => [v.patientId, v._min.startsAt]));
  const worstTier = new Map<string, RedFlagTier>();
  for (const f of flags) {
    const had = worstTier.get(f.patientId);
    if (!had || TIER_RANK[f.tier] < TIER_RANK[had]) worstTier.set(f.patientId, f.tier);
  }
  const ratio = new Map(adherence.rows.map((a) => [a.patientId, a.tally.daysInForce > 0 ? a.tally.ratio : null]));
  const rows = shown.map((p) => ({
    patientId: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    preferredName: p.preferredName,
    primaryTherapistName: p.primaryTherapist?.name ?? null,
    nextVisit: nextVisit.get(p.id) ?? null,
    intake: intakes.get(p.id) ?? "unknown",
    redFlagTier: worstTier.get(p.id) ?? null,
    adherence: ratio.get(p.id) ?? null,
  }));
  await recordAudit(actor, { action: "patient.caseload.read", details: { view, listed: rows.length } });
  return { view, rows, truncated };
}
