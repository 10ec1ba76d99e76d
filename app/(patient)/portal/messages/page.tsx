import type { Metadata } from "next";
import { MessagePreferencesForm, TextConsentState } from "@/components/patients/message-preferences-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { getMessagePreferences } from "@/lib/patients/message-preferences";

export const metadata: Metadata = { title: "How we contact you" };

export default async function PortalMessagesPage() {
  const actor = await requirePageActor("/portal/messages", "patient:read:own");
  const clinic = await getOwnClinic(actor);
  if (!actor.patientId)
    return (
      <>
        <PageHeader title="How we contact you" />
        <p>Your account is not linked to a patient record yet. Please call the clinic.</p>
      </>
    );
  const preferences = await getMessagePreferences(actor, actor.patientId);
  return (
    <>
      <PageHeader
        title="How we contact you"
        subtitle={`Appointment reminders and offers of earlier times from ${clinic.name}.`}
      />
      <div className="flex max-w-2xl flex-col gap-4">
        <Card>
          <TextConsentState preferences={preferences} timeZone={clinic.timeZone} />
          <p className="mt-2 text-sm text-slate-700">
            Texts say only your first name, the clinic, the day and time, and a link: never anything about your health.
            You can stop texts at any time here or by replying STOP.
          </p>
        </Card>
        <Card title="Your choice">
          <MessagePreferencesForm preferences={preferences} asStaff={false} />
        </Card>
      </div>
    </>
  );
}
