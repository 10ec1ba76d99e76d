import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { preparedRows } from "@/lib/prepared-query";

/** The statement asks its own connection which statements are prepared there, under the given name. */
function probe(name: string, extra: Prisma.Sql = Prisma.empty) {
  return Prisma.sql`SELECT coalesce(array_agg(name ORDER BY name), '{}') AS names
    FROM pg_prepared_statements WHERE name LIKE ${`${name}\\_%`} ${extra}`;
}

describe("preparedRows", () => {
  it("keeps a statement prepared on its connection after the first call, under the name plus a hash of its text", async () => {
    // One call at a time: the pool hands the same idle connection back.
    const [first] = await preparedRows<{ names: string[] }>("probe_once", probe("probe_once"));
    const [second] = await preparedRows<{ names: string[] }>("probe_once", probe("probe_once"));
    // A statement is listed while it runs on the connection that prepared it, so the first call
    // already sees itself; the second sees the same one statement, not a second copy.
    expect(first!.names).toHaveLength(1);
    expect(first!.names[0]).toMatch(/^probe_once_[0-9a-f]{16}$/);
    expect(second!.names).toEqual(first!.names);
  });

  it("gives a changed text under the same name its own statement rather than failing on the old one", async () => {
    const [a] = await preparedRows<{ names: string[] }>("probe_changed", probe("probe_changed"));
    const [b] = await preparedRows<{ names: string[] }>("probe_changed", probe("probe_changed", Prisma.sql`AND true`));
    expect(a!.names).toHaveLength(1);
    expect(b!.names).toHaveLength(2);
    expect(b!.names).toContain(a!.names[0]);
  });

  it("sends instants as instants whatever the process's zone, and returns pg's types", async () => {
    const at = new Date("2026-03-08T07:30:00.123Z");
    const [row] = await preparedRows<{ at: Date; ms: string; n: number; ok: boolean; doc: unknown }>(
      "probe_types",
      Prisma.sql`SELECT ${at}::timestamptz AS at, round(date_part('epoch', ${at}::timestamptz) * 1000)::text AS ms,
        ${41}::int4 + 1 AS n, ${true}::boolean AS ok, json_build_object('a', ${"x"}::text) AS doc`,
    );
    expect(row!.at.getTime()).toBe(at.getTime());
    expect(row!.ms).toBe(String(at.getTime()));
    expect(row).toMatchObject({ n: 42, ok: true, doc: { a: "x" } });
  });

  it("outlives the server dropping an idle pooled connection before Prisma has connected, and queries on", async () => {
    // Nothing in this file has used Prisma, so only lib/db.ts's own listener stands between the
    // pool's 'error' event and an uncaught exception.
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const [{ pid }] = (await preparedRows<{ pid: number }>(
        "probe_pid",
        Prisma.sql`SELECT pg_backend_pid() AS pid`,
      )) as [{ pid: number }];
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      await admin.end();
      await vi.waitFor(() =>
        expect(logged).toHaveBeenCalledWith(expect.stringContaining("idle database connection"), expect.any(String)),
      );
      const [row] = await preparedRows<{ one: number }>("probe_after", Prisma.sql`SELECT ${1}::int4 AS one`);
      expect(row).toEqual({ one: 1 });
    } finally {
      logged.mockRestore();
    }
  });
});
