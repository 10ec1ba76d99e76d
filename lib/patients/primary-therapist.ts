import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const PRIMARY_THERAPIST_MESSAGE = "Choose an active therapist of this clinic.";

/**
 * A primary therapist is an active user with the therapist role in the
 * patient's clinic: the same users booking offers as therapists. Another
 * clinic's user, a deactivated one, or an admin or front-desk account is a
 * field error that says no more than that (it does not confirm the id exists).
 */
export async function assertPrimaryTherapist(tx: Tx, clinicId: string, therapistId: string): Promise<void> {
  const therapist = await tx.user.findFirst({
    where: { id: therapistId, clinicId, role: "therapist", active: true },
    select: { id: true },
  });
  if (!therapist)
    throw new AppError("validation", PRIMARY_THERAPIST_MESSAGE, { primaryTherapistId: [PRIMARY_THERAPIST_MESSAGE] });
}
