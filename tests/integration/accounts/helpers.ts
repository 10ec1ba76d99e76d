import { createHash } from "node:crypto";
import { db } from "@/lib/db";

/** The token in the newest queued email of this kind to this address (what the person would click). */
export async function tokenFromMail(to: string, kind: string): Promise<string> {
  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { toAddress: to, kind },
    orderBy: { createdAt: "desc" },
  });
  const token = /\/(?:invitation|reset-password)\/([A-Za-z0-9_-]{43})/.exec(mail.textBody)?.[1];
  if (!token) throw new Error(`no link in the ${kind} email to ${to}`);
  return token;
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export const HOUR = 3_600_000;
