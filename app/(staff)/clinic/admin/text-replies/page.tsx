import type { Metadata } from "next";
import { outcomeLabel, SimulateReplyForm } from "@/components/text-replies/simulate-reply-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { env } from "@/lib/env";
import { listInboundTexts } from "@/lib/text-replies/text-reply-log";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Text replies" };

export default async function TextRepliesPage() {
  const actor = await requirePageActor("/clinic/admin/text-replies", "mailbox:read");
  const [clinic, texts] = await Promise.all([getOwnClinic(actor), listInboundTexts(actor)]);
  const providerConfigured = Boolean(env().TWILIO_AUTH_TOKEN);
  return (
    <>
      <PageHeader
        title="Text replies"
        subtitle="Texts patients sent to the clinic's number and what each did. Without a text provider, simulate a reply here."
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Simulate a reply">
          {providerConfigured ? (
            <p className="text-slate-700">A text provider is configured: replies come from patients&apos; phones.</p>
          ) : (
            <SimulateReplyForm />
          )}
        </Card>
        <Card title={`Received (${texts.length})`}>
          {texts.length === 0 ? (
            <p className="text-slate-700">No texts yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {texts.map((t) => (
                <li key={t.id} className="py-2">
                  <p>
                    <span className="font-medium">&ldquo;{t.body}&rdquo;</span> from {t.fromNumber}
                    {t.patient ? ` (${t.patient.firstName} ${t.patient.lastName})` : ""}
                  </p>
                  <p className="text-sm text-slate-700">
                    {formatDateTime(t.receivedAt, clinic.timeZone)} · {outcomeLabel(t.outcome)}
                    {t.appointment ? ` · visit ${formatDateTime(t.appointment.startsAt, clinic.timeZone)}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
