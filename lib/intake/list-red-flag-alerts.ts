import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { RedFlagTier } from "./red-flag-rules";

export type RedFlagAlert = {
  id: string;
  tier: RedFlagTier;
  raisedAt: Date;
  patient: { id: string; firstName: string; lastName: string };
  /** Clinical detail: only for roles that may read intakes (never the front desk). */
  detail: { label: string; ruleVersion: string; intakeId: string } | null;
};

const TIER_RANK: Record<RedFlagTier, number> = { emergency: 0, same_day: 1, routine: 2 };

/**
 * The clinic's unacknowledged red flags, emergency first, then oldest first.
 * The front desk sees that a flag exists and its tier; clinicians also see
 * which rule raised it.
 */
export async function listRedFlagAlerts(actor: Actor, take = 100): Promise<RedFlagAlert[]> {
  await assertCan(actor, "red-flag:read-summary");
  const clinical = can(actor, "intake:read");
  const rows = await db.redFlag.findMany({
    where: { clinicId: actor.clinicId, acknowledgedAt: null },
    orderBy: [{ raisedAt: "asc" }],
    take: 500,
    select: {
      id: true,
      tier: true,
      raisedAt: true,
      label: true,
      ruleVersion: true,
      intakeId: true,
      intake: { select: { patient: { select: { id: true, firstName: true, lastName: true } } } },
    },
  });
  const alerts = rows
    .sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.raisedAt.getTime() - b.raisedAt.getTime())
    .slice(0, take)
    .map((r) => ({
      id: r.id,
      tier: r.tier,
      raisedAt: r.raisedAt,
      patient: r.intake.patient,
      detail: clinical ? { label: r.label, ruleVersion: r.ruleVersion, intakeId: r.intakeId } : null,
    }));
  await recordAudit(actor, { action: "red_flag.list", details: { count: alerts.length, detail: clinical } });
  return alerts;
}
