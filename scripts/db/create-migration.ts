/**
 * `npm run db:migration:create -- <name>`: writes prisma/migrations/<ts>_<name>/
 * from the change to prisma/schema since the last migration. Review the SQL and
 * append hand-written parts (constraints Prisma cannot express) before committing.
 */
import { withDatabase } from "./database-url";
import { createMigration } from "./migrations";

const name = process.argv.slice(2).join("_");
const allowEmpty = process.argv.includes("--empty");
await withDatabase(async (url) => {
  const folder = await createMigration(name.replace(/_?--empty/, ""), url, { allowEmpty });
  console.log(
    folder
      ? `Created prisma/migrations/${folder}/migration.sql`
      : "No schema change since the last migration (pass --empty for a hand-written one).",
  );
});
