import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here, not from the schema. The stock CLI
// cannot download its engine on our machines, so migrations go through
// `npm run db:migrate` / `npm run db:migration:create` (scripts/db/), which
// read the same paths.
export default defineConfig({
  schema: "prisma/schema",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/mend",
  },
});
