/**
 * `npm run db:migration:snapshot`: after merging branches that each added a
 * migration, the newest migration's schema snapshot lacks the other branch's
 * models. This rewrites it from prisma/schema. Only correct when the migrations
 * together build prisma/schema, which the drift test then confirms.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { joinSchema, migrationNames, MIGRATIONS_DIR, readSchemaFiles, SNAPSHOT_FILE } from "./migrations";

const newest = (await migrationNames()).at(-1);
if (!newest) throw new Error("No migrations yet.");
await writeFile(path.join(MIGRATIONS_DIR, newest, SNAPSHOT_FILE), joinSchema(await readSchemaFiles()));
console.log(`Rewrote prisma/migrations/${newest}/${SNAPSHOT_FILE} from prisma/schema.`);
