import type { Metadata } from "next";
import { RetryMessageButton } from "@/components/staff/retry-message-button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { formatDateTime } from "@/lib/time/format";
import { listMailbox } from "@/lib/notifications/list-mailbox";

export const metadata: Metadata = { title: "Development mailbox" };

export default async function MailboxPage() {
  const actor = await requirePageActor("/clinic/admin/mailbox", "mailbox:read");
  const [clinic, { delivered, queued }] = await Promise.all([getOwnClinic(actor), listMailbox(actor)]);
  return (
    <>
      <PageHeader
        title="Development mailbox"
        subtitle="Without SMTP_URL, Mend delivers email here instead of sending it."
      />
      <div className="flex flex-col gap-4">
        {queued.length > 0 && (
          <Card title="Waiting or failed">
            <ul className="divide-y divide-slate-100">
              {queued.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <p className="font-medium">{m.subject}</p>
                    <p className="text-sm text-slate-700">
                      To {m.toAddress} · {m.status} after {m.attempts} attempt{m.attempts === 1 ? "" : "s"}
                      {m.lastError ? ` · ${m.lastError}` : ""}
                    </p>
                  </div>
                  {m.status === "failed" && <RetryMessageButton outboxId={m.id} />}
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card title={`Delivered (${delivered.length})`}>
          {delivered.length === 0 ? (
            <p className="text-slate-700">No messages yet.</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {delivered.map((m) => (
                <li key={m.id}>
                  <details className="rounded-lg border border-slate-200 p-3">
                    <summary className="cursor-pointer">
                      <span className="font-medium">{m.subject}</span>
                      <span className="text-sm text-slate-700">
                        {" "}
                        · to {m.toAddress} · {formatDateTime(m.deliveredAt, clinic.timeZone)}
                      </span>
                    </summary>
                    <pre className="mt-2 whitespace-pre-wrap font-sans text-sm">{m.textBody}</pre>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
