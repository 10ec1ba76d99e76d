import type { Metadata } from "next";
import { RetryMessageButton } from "@/components/staff/retry-message-button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { listTexts } from "@/lib/notifications/list-texts";
import { formatPhone } from "@/lib/patients/phone-number-rules";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Development text inbox" };

export default async function TextsPage() {
  const actor = await requirePageActor("/clinic/admin/texts", "mailbox:read");
  const [clinic, { delivered, queued }] = await Promise.all([getOwnClinic(actor), listTexts(actor)]);
  return (
    <>
      <PageHeader
        title="Development text inbox"
        subtitle="Without TWILIO_ACCOUNT_SID and its settings, Mend delivers text messages here instead of sending them."
      />
      <div className="flex flex-col gap-4">
        {queued.length > 0 && (
          <Card title="Waiting or failed">
            <ul className="divide-y divide-slate-100">
              {queued.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <p className="text-sm text-slate-700">
                    To {formatPhone(m.toAddress, clinic.country)} · {m.status}
                    {m.status === "pending"
                      ? ` until ${formatDateTime(m.nextAttemptAt, clinic.timeZone)}`
                      : ""} after {m.attempts} attempt{m.attempts === 1 ? "" : "s"}
                    {m.lastError ? ` · ${m.lastError}` : ""}
                  </p>
                  {m.status === "failed" && <RetryMessageButton outboxId={m.id} />}
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card title={`Delivered (${delivered.length})`}>
          {delivered.length === 0 ? (
            <p className="text-slate-700">No texts yet.</p>
          ) : (
            <ul className="flex flex-col gap-3" aria-label="Delivered texts">
              {delivered.map((t) => (
                <li key={t.id} className="rounded-lg border border-slate-200 p-3">
                  <p className="text-sm text-slate-700">
                    To <span className="font-medium text-slate-900">{formatPhone(t.toNumber, clinic.country)}</span>
                    {t.patientName ? ` · ${t.patientName}` : ""} · {formatDateTime(t.deliveredAt, clinic.timeZone)} ·{" "}
                    {t.segments} segment{t.segments === 1 ? "" : "s"} ({t.encoding})
                  </p>
                  <p className="mt-1 whitespace-pre-wrap break-words">{t.body}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
