import { db } from "@/lib/db";
import { addDays, type LocalDate } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";

/** An active episode written straight to the table (the FHIR and monitoring tests need one, not the episode API). */
export async function createEpisodeRow(
  clinicId: string,
  patientId: string,
  createdById: string,
  opts: { startDate: LocalDate; goals?: string[]; reason?: string; icd10Code?: string | null },
) {
  return db.episode.create({
    data: {
      clinicId,
      patientId,
      createdById,
      reason: opts.reason ?? "Low back pain after lifting",
      icd10Code: opts.icd10Code === undefined ? "M54.50" : opts.icd10Code,
      goals: opts.goals ?? ["Walk the dog for 30 minutes"],
      visitsPerWeek: 2,
      weeks: 6,
      startDate: dateColumnOf(opts.startDate),
      plannedEndDate: dateColumnOf(addDays(opts.startDate, 41)),
    },
  });
}
