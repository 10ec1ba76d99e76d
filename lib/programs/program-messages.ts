import "server-only";
import { env } from "@/lib/env";
import type { NewMessage } from "@/lib/notifications/enqueue-message";
import type { LocalDate } from "@/lib/time/calendar-rules";
import { formatLongDay } from "@/lib/time/format";

type Args = {
  clinicId: string;
  clinic: { name: string; phone: string };
  patient: { id: string; firstName: string; preferredName: string | null; email: string | null };
  programId: string;
  version: number;
  therapistName: string;
  exerciseCount: number;
  startDate: LocalDate;
};

/**
 * The email telling a patient their program was assigned or changed. It names
 * no exercise, condition or title (email is not a private channel): it says
 * where to look, and the clinic's phone.
 */
export function programChangedMessage(a: Args): NewMessage | null {
  if (!a.patient.email) return null;
  const first = a.version === 1;
  const hello = `Hello ${a.patient.preferredName ?? a.patient.firstName},`;
  const what = first
    ? `${a.therapistName} has set up a home exercise program for you (${a.exerciseCount} exercise${a.exerciseCount === 1 ? "" : "s"}, starting ${formatLongDay(a.startDate)}).`
    : `${a.therapistName} has updated your home exercise program. It now has ${a.exerciseCount} exercise${a.exerciseCount === 1 ? "" : "s"}; please follow the new version from today.`;
  return {
    clinicId: a.clinicId,
    kind: first ? "program.assigned" : "program.updated",
    to: a.patient.email,
    patientId: a.patient.id,
    subject: first ? `Your home exercise program from ${a.clinic.name}` : `Your home exercise program was updated`,
    text: `${hello}\n\n${what}\n\nSee today's exercises, with pictures, steps and a timer, in your patient portal:\n${env().APP_URL}/portal/exercises\n\nQuestions, or an exercise that hurts? Call us on ${a.clinic.phone}.\n\n${a.clinic.name}\n`,
    dedupeKey: `program:${a.programId}:v${a.version}`,
  };
}
