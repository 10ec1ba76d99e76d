import { describe, expect, it } from "vitest";
import { connectionError, engineErrorData, parseArgs } from "../../scripts/db/schema-engine-rpc";

describe("schema engine stand-in: arguments the Prisma CLI passes", () => {
  it("reads schema paths and the config datasource, ignoring preview features", () => {
    const args = parseArgs([
      "--datamodels",
      "/p/schema/a.prisma",
      "--datamodels",
      "/p/schema/b.prisma",
      "--datasource",
      '{"url":"postgresql://u:p@h:5432/db"}',
      "--enabled-preview-features",
      "views",
    ]);
    expect(args).toEqual({
      datamodels: ["/p/schema/a.prisma", "/p/schema/b.prisma"],
      datasource: { url: "postgresql://u:p@h:5432/db" },
      version: false,
    });
  });

  it("recognises the one-shot cli mode and --version", () => {
    expect(parseArgs(["--datasource", '{"url":"x"}', "cli", "create-database"]).cli).toBe("create-database");
    expect(parseArgs(["--version"]).version).toBe(true);
    expect(() => parseArgs(["--bogus"])).toThrow("Unknown argument");
  });
});

describe("schema engine stand-in: errors in the shape the CLI prints", () => {
  it("keeps Prisma's code and drops the engine's span trace", () => {
    const error = Object.assign(
      new Error("migrate found failed migrations\n   0: schema_commands::apply\n           at apply.rs:1"),
      { code: "P3009" },
    );
    expect(engineErrorData("applyMigrations", error)).toEqual({
      is_panic: false,
      error_code: "P3009",
      message: "migrate found failed migrations",
    });
  });

  it("rebuilds P3018 from the pg error behind a failed migration script", () => {
    const error = new Error(
      'external connector error\nNo such table: nowhere\n   0: apply_script\n           with migration_name="20200101000000_x"',
    );
    const pgError = Object.assign(new Error('relation "nowhere" does not exist'), { code: "42P01", severity: "ERROR" });
    const data = engineErrorData("applyMigrations", error, pgError);
    expect(data.error_code).toBe("P3018");
    expect(data.message).toContain("Migration name: 20200101000000_x");
    expect(data.message).toContain("Database error code: 42P01");
    expect(data.message).toContain('ERROR: relation "nowhere" does not exist');
  });

  it("maps pg connection failures to P1003 / P1000 / P1001", () => {
    const url = "postgresql://mend:secret@db.example:5433/mend";
    expect(connectionError({ code: "3D000" }, url).code).toBe("P1003");
    expect(connectionError({ code: "3D000" }, url).message).toContain("`mend`");
    expect(connectionError({ code: "28P01" }, url).code).toBe("P1000");
    expect(connectionError({ code: "ECONNREFUSED" }, url).message).toContain("db.example:5433");
    expect(connectionError({ message: "other" }, url)).toEqual({ message: "other" });
  });
});
