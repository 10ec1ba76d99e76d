/** `npm run db:migrate`: applies pending migrations (like `prisma migrate deploy`). */
import { withDatabase } from "./database-url";
import { applyMigrations } from "./migrations";

await withDatabase(async (url) => {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
});
