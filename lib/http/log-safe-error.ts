/**
 * What the server log may say about an unexpected error: its type, a database
 * error code, and where in the code it was thrown. Never the message: Prisma's
 * messages quote the query's arguments (a patient's name, an intake answer),
 * and logs are read by more people, kept longer and shipped further than the
 * database (docs/decisions/046).
 */
export function describeErrorForLog(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 6)
    .map((line) => line.trim().replace(/^at /, ""));
  return [`${error.name}${typeof code === "string" ? ` ${code}` : ""}`, ...frames].join(" | ");
}
