import { expect } from "@playwright/test";
import { prismaFor } from "../../scripts/db/prisma-client";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { readE2eState } from "./e2e-state";

let prisma: PrismaClient | undefined;
/** The e2e server's database, for what a person would read in their inbox. */
export function e2eDb(): PrismaClient {
  prisma ??= prismaFor(readE2eState().databaseUrl);
  return prisma;
}

/**
 * The path of the link in the newest email of this kind to this address, once
 * the outbox worker has delivered it to the development mailbox (within seconds).
 * Kinds: "staff.invitation", "patient.portal_invitation", "account.password_reset".
 * `db`: another app's database (tests/e2e/fresh-app.ts) instead of the main e2e server's.
 */
export async function linkFromMailbox(
  to: string,
  kind: string,
  after = new Date(0),
  db: PrismaClient = e2eDb(),
): Promise<string> {
  let path: string | undefined;
  await expect(async () => {
    const mail = await db.devMailboxMessage.findFirst({
      where: { toAddress: to, outbox: { kind }, deliveredAt: { gt: after } },
      orderBy: { deliveredAt: "desc" },
    });
    path = mail
      ? /https?:\/\/[^/\s]+(\/(?:invitation|reset-password)\/[A-Za-z0-9_-]{43})/.exec(mail.textBody)?.[1]
      : undefined;
    expect(path, `a ${kind} email to ${to} in the mailbox`).toBeTruthy();
  }).toPass({ timeout: 30_000 });
  return path!;
}

/**
 * Password-reset requests are throttled per client address, and every browser
 * test (and the fuzz test) comes from the same one: a test that resets a
 * password clears that allowance first, as an hour's wait would.
 */
export async function clearResetThrottle(): Promise<void> {
  await e2eDb().rateLimit.deleteMany({ where: { key: { startsWith: "reset-" } } });
}
