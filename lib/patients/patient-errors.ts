import { AppError } from "@/lib/errors";
import type { PatientDetails } from "./patient-details";

/** 409 for a save based on an older version: carries the current details so the form can show them. */
export class PatientChangedError extends AppError {
  constructor(readonly current: PatientDetails) {
    super(
      "conflict",
      "Someone else changed this patient's details while you were editing. Nothing was saved: check the current details below, then make your change again.",
      undefined,
      { current },
    );
  }
}

/** The least a clerk needs to tell two records apart: no contact details, no clinical data. */
export type DuplicateCandidate = { id: string; firstName: string; lastName: string; dateOfBirth: string };

/** 409 for a registration that looks like an existing patient: nothing was created. */
export class LikelyDuplicateError extends AppError {
  constructor(readonly candidates: DuplicateCandidate[]) {
    super(
      "conflict",
      candidates.length === 1
        ? "This looks like a patient who is already registered (same date of birth, similar name). Open their record, or register anyway if this is a different person."
        : `This looks like ${candidates.length} patients who are already registered (same date of birth, similar name). Open their records, or register anyway if this is a different person.`,
      undefined,
      { duplicates: candidates },
    );
  }
}
