import pg from "pg";
import { describe, expect, it } from "vitest";
import { sealAuditChain, verifyAuditChain } from "@/lib/audit/audit-chain";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createClinicWithPeople } from "../factories";

const KEY = "integration-chain-key";
const client = db as unknown as PrismaClient;

async function sealAll() {
  let total = 0;
  for (let n = -1; n !== 0; total += n) n = await sealAuditChain(client, KEY, 7);
  return total;
}

/** Tampering needs the trigger off, i.e. a database superuser: exactly what the chain is for. */
async function asSuperuser(sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query('ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"');
    await c.query(sql, params);
  } finally {
    await c.query('ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"');
    await c.end();
  }
}

// The tests share one database and one chain; they run in order, tampering last.
describe("audit hash chain", () => {
  it("seals every row in order and verifies the chain", async () => {
    const { therapist, patientA } = await createClinicWithPeople();
    for (let i = 0; i < 20; i++)
      await recordAudit(therapist, { action: "patient.read", patientId: patientA.patient.id, details: { i } });
    const sealed = await sealAll();
    expect(sealed).toBeGreaterThanOrEqual(20);
    const seqs = (await db.auditEvent.findMany({ orderBy: { chainSeq: "asc" }, select: { chainSeq: true } })).map((r) =>
      Number(r.chainSeq),
    );
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(await verifyAuditChain(client, KEY)).toMatchObject({ broken: null, unsealed: 0, sealed: seqs.length });
  });

  it("never gives two rows the same place when sealers run at once", async () => {
    const { admin } = await createClinicWithPeople();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => recordAudit(admin, { action: "staff.list", details: { i } })),
    );
    await Promise.all([sealAll(), sealAll(), sealAll()]);
    expect(await verifyAuditChain(client, KEY)).toMatchObject({ broken: null, unsealed: 0 });
  });

  it("lets the app seal a row once and never change it afterwards", async () => {
    const row = await db.auditEvent.findFirstOrThrow({ where: { chainSeq: { not: null } } });
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { hash: "0".repeat(64) } })).rejects.toThrow(
      /append-only/,
    );
    const { therapist } = await createClinicWithPeople();
    await recordAudit(therapist, { action: "x.y" });
    const fresh = await db.auditEvent.findFirstOrThrow({ where: { hash: null } });
    // Sealing may not smuggle in a content change.
    await expect(
      db.auditEvent.update({
        where: { id: fresh.id },
        data: { action: "forged", chainSeq: 999_999n, hash: "a", prevHash: "b" },
      }),
    ).rejects.toThrow(/append-only/);
    await sealAll();
  });

  it("reports the first broken link when a sealed row is edited", async () => {
    const victim = await db.auditEvent.findFirstOrThrow({ where: { chainSeq: 5n } });
    await asSuperuser(`UPDATE "AuditEvent" SET "action" = 'patient.list' WHERE "id" = $1`, [victim.id.toString()]);
    expect((await verifyAuditChain(client, KEY)).broken).toEqual({ chainSeq: 5n, id: victim.id, problem: "edited" });
    await asSuperuser(`UPDATE "AuditEvent" SET "action" = $2 WHERE "id" = $1`, [victim.id.toString(), victim.action]);
    expect((await verifyAuditChain(client, KEY)).broken).toBeNull();
  });

  it("reports the first broken link when a sealed row is deleted", async () => {
    const victim = await db.auditEvent.findFirstOrThrow({ where: { chainSeq: 8n } });
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [victim.id.toString()]);
    const report = await verifyAuditChain(client, KEY);
    expect(report.broken).toMatchObject({ chainSeq: 9n, problem: "missing_before" });
    expect(report.sealed).toBe(7);
  });
});
