import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { patientOutOfReach } from "@/lib/patients/patient-access";
import { intakeProgress, linkState, type IntakeProgress, type LinkState } from "./intake-rules";
import type { RedFlagTier } from "./red-flag-rules";
import type { IntakeKind } from "./steps";

export type IntakeStatusRow = {
  id: string;
  kind: IntakeKind;
  progress: IntakeProgress;
  sentAt: Date;
  startedAt: Date | null;
  submittedAt: Date | null;
  link: { state: LinkState; expiresAt: Date; sentTo: string | null } | null;
};

export type PatientIntakeStatus = {
  /** The first intake's status; "not_sent" when there is none. */
  initial: IntakeProgress;
  intakes: IntakeStatusRow[];
  openFlags: { tier: RedFlagTier; count: number }[];
};

/**
 * What the front desk may know about a patient's intakes: whether each was
 * sent, started or submitted, and the state of its link. No answers, no scores.
 */
export async function getIntakeStatus(actor: Actor, patientId: string, now = new Date()): Promise<PatientIntakeStatus> {
  await assertCan(actor, "intake-status:read");
  if (!z.uuid().safeParse(patientId).success) return patientOutOfReach(actor, patientId);
  const patient = await db.patient.findFirst({
    where: { id: patientId, clinicId: actor.clinicId },
    select: { id: true },
  });
  if (!patient) return patientOutOfReach(actor, patientId);
  const [intakes, flags] = await Promise.all([
    db.intake.findMany({
      where: { clinicId: actor.clinicId, patientId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        kind: true,
        status: true,
        createdAt: true,
        startedAt: true,
        submittedAt: true,
        links: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { expiresAt: true, revokedAt: true, sentTo: true, createdAt: true },
        },
      },
    }),
    db.redFlag.groupBy({
      by: ["tier"],
      where: { clinicId: actor.clinicId, patientId, acknowledgedAt: null },
      _count: { _all: true },
    }),
  ]);
  const rows: IntakeStatusRow[] = intakes.map((i) => {
    const link = i.links[0];
    return {
      id: i.id,
      kind: i.kind,
      progress: intakeProgress(i),
      sentAt: link?.createdAt ?? i.createdAt,
      startedAt: i.startedAt,
      submittedAt: i.submittedAt,
      link: link ? { state: linkState(link, i.status, now), expiresAt: link.expiresAt, sentTo: link.sentTo } : null,
    };
  });
  const initial = rows.find((r) => r.kind === "initial");
  return {
    initial: initial?.progress ?? "not_sent",
    intakes: rows,
    openFlags: flags.map((f) => ({ tier: f.tier, count: f._count._all })),
  };
}
