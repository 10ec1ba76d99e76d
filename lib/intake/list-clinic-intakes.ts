import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { intakeProgress, linkState, type IntakeProgress, type LinkState } from "./intake-rules";
import type { IntakeKind } from "./steps";

export type ClinicIntakeRow = {
  id: string;
  kind: IntakeKind;
  progress: IntakeProgress;
  updatedAt: Date;
  linkState: LinkState | null;
  patient: { id: string; firstName: string; lastName: string };
};

/** Recent intakes across the clinic, for the front desk's "who still needs to finish" list. Status only. */
export async function listClinicIntakes(actor: Actor, take = 25, now = new Date()): Promise<ClinicIntakeRow[]> {
  await assertCan(actor, "intake-status:read");
  const rows = await db.intake.findMany({
    where: { clinicId: actor.clinicId },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      status: true,
      startedAt: true,
      updatedAt: true,
      patient: { select: { id: true, firstName: true, lastName: true } },
      links: { orderBy: { createdAt: "desc" }, take: 1, select: { expiresAt: true, revokedAt: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    progress: intakeProgress(r),
    updatedAt: r.updatedAt,
    linkState: r.links[0] ? linkState(r.links[0], r.status, now) : null,
    patient: r.patient,
  }));
}
