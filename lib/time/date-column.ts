/**
 * Postgres DATE columns hold a calendar day, which Prisma gives JavaScript as
 * midnight UTC. Reading or writing one is string work with no zone involved,
 * so this file needs no Temporal and zod schemas shared with the browser may
 * use it.
 */

/** A DATE column's value as the calendar day (YYYY-MM-DD) it stores. */
export function localDateOfDateColumn(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The value to write into a DATE column for a calendar day (YYYY-MM-DD). */
export function dateColumnOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
