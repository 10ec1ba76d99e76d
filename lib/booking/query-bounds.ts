/** Bounds the one-query loaders pad their date windows with. */
export const DAY_MS = 86_400_000;

/** Padding a date at the end of year 9999 must not produce a timestamp Postgres cannot read (a 500). */
export const LAST_MS = Date.UTC(9999, 11, 31);
