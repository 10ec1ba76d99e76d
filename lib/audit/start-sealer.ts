import "server-only";
import { db } from "@/lib/db";
import { auditChainKey } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sealAuditChain } from "./audit-chain";
import { describeErrorForLog } from "@/lib/http/log-safe-error";

const globalForSealer = globalThis as unknown as { mendAuditSealer?: NodeJS.Timeout };

/** Seals new audit rows into the hash chain every few seconds (one sealer at a time, by advisory lock). */
export function startAuditSealer(intervalMs = 5000): void {
  if (globalForSealer.mendAuditSealer) return;
  let running = false;
  globalForSealer.mendAuditSealer = setInterval(() => {
    if (running) return;
    running = true;
    sealAuditChain(db as unknown as PrismaClient, auditChainKey())
      .catch((e) => console.error("[audit] sealing failed:", describeErrorForLog(e)))
      .finally(() => (running = false));
  }, intervalMs);
  globalForSealer.mendAuditSealer.unref();
}
