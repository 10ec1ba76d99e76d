import { requireActor } from "@/lib/auth/current-actor";
import { myExerciseContracts } from "@/lib/exercises/contracts";
import { apiRoute, readJson, respond } from "@/lib/http/respond";
import { logExerciseSessions } from "@/lib/programs/log-exercise-sessions";

/** { logs: [...] } from the patient's device; idempotent per clientKey, so the offline queue may resend freely. */
export const POST = apiRoute(async (req) => {
  const actor = await requireActor();
  const results = await logExerciseSessions(actor, await readJson(req));
  return respond(
    myExerciseContracts.logSessions,
    { results },
    { status: results.some((r) => r.status === "created") ? 201 : 200 },
  );
});
