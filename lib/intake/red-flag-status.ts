import "server-only";

// TODO(intake): replaced by the intake feature
/**
 * Whether the patient has an emergency-tier red flag that no clinician has
 * acknowledged yet (domain.md, "Red flags"): while it stands, routine
 * self-booking is blocked. Stub until the intake feature lands.
 */
export async function hasUnacknowledgedEmergencyFlag(_patientId: string, _clinicId: string): Promise<boolean> {
  return false;
}
