/** Recovery codes seeded for demo staff in the e2e database only (see server.ts). */
export const E2E_RECOVERY_CODES_PER_USER = 2000;
const PER_WORKER = 100;

export function e2eRecoveryCode(index: number): string {
  const body = `e2e${index.toString(36).padStart(7, "0")}`;
  return `${body.slice(0, 5)}-${body.slice(5)}`;
}

let used = 0;

/** A code no other sign-in in this run has used: workers get disjoint ranges. */
export function nextE2eRecoveryCode(workerIndex: number): string {
  const index = (workerIndex % (E2E_RECOVERY_CODES_PER_USER / PER_WORKER)) * PER_WORKER + used++;
  if (used >= PER_WORKER) throw new Error("This worker used all its e2e recovery codes");
  return e2eRecoveryCode(index);
}
