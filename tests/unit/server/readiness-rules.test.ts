import { describe, expect, it } from "vitest";
import { migrationReadiness, type AppliedMigration } from "@/lib/server/readiness-rules";

const at = new Date("2026-01-01T00:00:00Z");
const finished = (name: string): AppliedMigration => ({ name, finishedAt: at, rolledBackAt: null });

describe("migration readiness", () => {
  it("is ready when every expected migration finished", () => {
    expect(migrationReadiness(["001_a", "002_b"], [finished("001_a"), finished("002_b")])).toEqual({ ready: true });
  });

  it("names the migrations the build expects but the database lacks", () => {
    expect(migrationReadiness(["001_a", "002_b", "003_c"], [finished("001_a")])).toEqual({
      ready: false,
      reason: "migrations_pending",
      migrations: ["002_b", "003_c"],
    });
  });

  it("counts a rolled-back migration as not applied", () => {
    expect(migrationReadiness(["001_a"], [{ name: "001_a", finishedAt: at, rolledBackAt: at }])).toMatchObject({
      reason: "migrations_pending",
    });
  });

  it("reports a migration that started and never finished", () => {
    expect(
      migrationReadiness(
        ["001_a", "002_b"],
        [finished("001_a"), { name: "002_b", finishedAt: null, rolledBackAt: null }],
      ),
    ).toEqual({ ready: false, reason: "migrations_failed", migrations: ["002_b"] });
  });

  it("accepts a failed attempt that was resolved and then applied", () => {
    const failedThenApplied = [{ name: "001_a", finishedAt: null, rolledBackAt: null }, finished("001_a")];
    expect(migrationReadiness(["001_a"], failedThenApplied)).toEqual({ ready: true });
  });

  it("is ready when the database is ahead of the build (a rolling deploy)", () => {
    expect(migrationReadiness(["001_a"], [finished("001_a"), finished("002_b")])).toEqual({ ready: true });
  });

  it("is not ready on a database nobody migrated", () => {
    expect(migrationReadiness(["001_a"], [])).toMatchObject({ ready: false, reason: "migrations_pending" });
  });
});
