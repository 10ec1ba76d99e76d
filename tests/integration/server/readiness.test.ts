import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkReadiness } from "@/lib/server/readiness";
import { migrationNames } from "../../../scripts/db/migrations";

describe("readiness", () => {
  it("is ready on a database with every migration of this checkout applied", async () => {
    expect(await checkReadiness(await migrationNames())).toEqual({ ready: true });
  });

  it("is not ready while a migration of this build is pending", async () => {
    const expected = [...(await migrationNames()), "29991231000000_not_yet_applied"];
    expect(await checkReadiness(expected)).toEqual({
      ready: false,
      reason: "migrations_pending",
      migrations: ["29991231000000_not_yet_applied"],
    });
  });

  it("is not ready after a migration failed half-way", async () => {
    await db.$executeRaw`
      INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
      VALUES (gen_random_uuid()::text, 'x', '29991231000001_failed', now(), 0)`;
    expect(await checkReadiness(await migrationNames())).toEqual({
      ready: false,
      reason: "migrations_failed",
      migrations: ["29991231000001_failed"],
    });
  });
});
