import "server-only";
import { db } from "@/lib/db";
import { auditChainKey } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sealAuditChain } from "./audit-chain";
import { describeErrorForLog } from "@/lib/http/log-safe-error";
import { onShutdown } from "@/lib/server/shutdown";

const globalForSealer = globalThis as unknown as { mendAuditSealer?: NodeJS.Timeout };

/** Seals new audit rows into the hash chain every few seconds (one sealer at a time, by advisory lock). */
export function startAuditSealer(intervalMs = 5000): void {
  if (globalForSealer.mendAuditSealer) return;
  let current: Promise<unknown> | undefined;
  globalForSealer.mendAuditSealer = setInterval(() => {
    if (current) return;
    current = sealAuditChain(db as unknown as PrismaClient, auditChainKey())
      .catch((e) => console.error("[audit] sealing failed:", describeErrorForLog(e)))
      .finally(() => (current = undefined));
  }, intervalMs);
  globalForSealer.mendAuditSealer.unref();
  // Let a seal in progress commit before the pool closes; unsealed rows are sealed by the next server.
  onShutdown("audit sealer", async () => {
    clearInterval(globalForSealer.mendAuditSealer);
    await current;
  });
}
