import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// The stock CLI downloads a native schema engine at start-up, which these
// machines cannot do. It reads this config before that step, so pointing it at
// our stand-in here makes plain `npx prisma migrate deploy` (and friends) work:
// scripts/db/schema-engine-server.mjs serves the CLI's protocol with Prisma's
// WebAssembly schema engine (docs/decisions/002-offline-migrations.md). An
// explicit PRISMA_SCHEMA_ENGINE_BINARY wins; set it empty to get the native
// engine back on a machine that can download it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./scripts/db/schema-engine-server.mjs", import.meta.url),
);

// Prisma 7 reads the connection from here, not from the schema. The project's
// own `npm run db:migrate` / `npm run db:migration:create` (scripts/db/) read
// the same paths.
export default defineConfig({
  schema: "prisma/schema",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/mend",
  },
});
