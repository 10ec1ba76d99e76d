import type { Role } from "./permissions";

/**
 * Whoever is asking. Every data-access function takes one explicitly and
 * scopes its queries by it (clinic, and patient for patients), so a page that
 * forgets a check still cannot read another clinic's or patient's rows.
 */
export type Actor = {
  kind: "user";
  userId: string;
  role: Role;
  clinicId: string;
  /** Set for patients: the one patient record they may see. */
  patientId: string | null;
  name: string;
  sessionId: string;
  ip: string | null;
  userAgent: string | null;
};

/** Where a request came from, for audit rows written before anyone is signed in. */
export type RequestOrigin = { ip: string | null; userAgent: string | null };
