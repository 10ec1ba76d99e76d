/**
 * The one error type domain code throws. Route handlers map it to HTTP once
 * (lib/http/respond.ts); forms map it to field errors.
 */
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 422,
  conflict: 409,
  rate_limited: 429,
  gone: 410,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    /** More of the error body, for a conflict the client acts on (fresh slots, the current record, likely duplicates). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const forbidden = (message = "You do not have access to this.") => new AppError("forbidden", message);
export const notFound = (what = "That record") => new AppError("not_found", `${what} was not found.`);
export const unauthenticated = () => new AppError("unauthenticated", "Please sign in.");

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
