import "server-only";
import { describeErrorForLog } from "@/lib/http/log-safe-error";
import { isAppError, type FieldErrors } from "@/lib/errors";

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors?: FieldErrors };

/** Runs a server action body and maps failures to what a form shows (never a stack trace). */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("[action] unexpected error:", describeErrorForLog(error));
    return { ok: false, message: "Something went wrong on our side. Please try again." };
  }
}
