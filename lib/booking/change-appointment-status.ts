import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { appointmentDto, appointmentSelect } from "./appointment-dto";
import { casFailure, findVisibleAppointment } from "./load-appointment";
import { statusChangeSchema } from "./schema";
import { STATUS_ACTIONS, canApply, statusActionTimingError, type StatusAction } from "./status-rules";

const STAMP: Record<StatusAction, (now: Date) => Record<string, Date | null>> = {
  check_in: (now) => ({ checkedInAt: now }),
  undo_check_in: () => ({ checkedInAt: null }),
  complete: (now) => ({ completedAt: now }),
  no_show: (now) => ({ noShowAt: now }),
};

/**
 * Check in, undo check-in, complete, no-show. Compare-and-set on the version
 * the caller saw: of two people acting at once, one wins and the other is
 * told the appointment changed.
 */
export async function changeAppointmentStatus(actor: Actor, appointmentId: string, input: unknown, now = new Date()) {
  await assertCan(actor, "appointment:manage");
  const { expectedVersion, action: a } = parseInput(statusChangeSchema, input);
  const action = a as StatusAction;
  const current = await findVisibleAppointment(actor, appointmentId, {
    id: true,
    patientId: true,
    status: true,
    version: true,
    startsAt: true,
  });
  const timing = statusActionTimingError(action, current.startsAt.getTime(), now.getTime());
  if (timing) throw new AppError("conflict", timing);
  if (!canApply(action, current.status) && current.version === expectedVersion)
    throw casFailure(current, expectedVersion, STATUS_ACTIONS[action].label.toLowerCase());
  return db.$transaction(async (tx) => {
    const rows = await tx.appointment.updateManyAndReturn({
      where: {
        id: current.id,
        clinicId: actor.clinicId,
        version: expectedVersion,
        status: { in: [...STATUS_ACTIONS[action].from] },
      },
      data: { status: STATUS_ACTIONS[action].to, version: { increment: 1 }, ...STAMP[action](now) },
      select: appointmentSelect,
    });
    if (!rows[0]) {
      const fresh = await tx.appointment.findUniqueOrThrow({
        where: { id: current.id },
        select: { status: true, version: true },
      });
      throw casFailure(fresh, expectedVersion, STATUS_ACTIONS[action].label.toLowerCase());
    }
    await recordAudit(
      actor,
      {
        action: `appointment.${action}`,
        patientId: current.patientId,
        recordType: "Appointment",
        recordId: current.id,
        details: { from: current.status, to: rows[0].status },
      },
      tx,
    );
    return appointmentDto(rows[0]);
  });
}
