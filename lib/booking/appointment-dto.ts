import type { AppointmentStatus } from "./status-rules";

export const appointmentSelect = {
  id: true,
  therapistId: true,
  patientId: true,
  appointmentTypeId: true,
  seriesId: true,
  startsAt: true,
  endsAt: true,
  blockedUntil: true,
  status: true,
  version: true,
  lateCancellation: true,
  cancelReason: true,
  cancelledAt: true,
  bookedVia: true,
  confirmedAt: true,
} as const;

type Row = {
  id: string;
  therapistId: string;
  patientId: string;
  appointmentTypeId: string;
  seriesId: string | null;
  startsAt: Date;
  endsAt: Date;
  blockedUntil: Date;
  status: AppointmentStatus;
  version: number;
  lateCancellation: boolean;
  cancelReason: string | null;
  cancelledAt: Date | null;
  bookedVia: string;
  confirmedAt: Date | null;
};

export type AppointmentDto = ReturnType<typeof appointmentDto>;

export function appointmentDto(r: Row) {
  return {
    id: r.id,
    therapistId: r.therapistId,
    patientId: r.patientId,
    appointmentTypeId: r.appointmentTypeId,
    seriesId: r.seriesId,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    blockedUntil: r.blockedUntil.toISOString(),
    status: r.status,
    version: r.version,
    lateCancellation: r.lateCancellation,
    cancelReason: r.cancelReason,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    bookedVia: r.bookedVia,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
  };
}
