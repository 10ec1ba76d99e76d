"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAccountPost } from "./api-form";
import { useState } from "react";

/** Front desk: emails the patient a link to set up their portal account (the link itself is never shown here). */
export function PortalInvitationButton({ patientId, email }: { patientId: string; email: string }) {
  const send = useAccountPost("invitePatient", { patientId });
  const [sent, setSent] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-slate-700">
        Email {email} a link to choose a password for the patient portal (valid 72 hours). Sending again replaces the
        earlier link.
      </p>
      {sent && (
        <Alert tone="success" role="status">
          {sent}
        </Alert>
      )}
      {send.message && (
        <Alert tone="danger" role="alert">
          {send.message}
        </Alert>
      )}
      <div>
        <Button
          variant="secondary"
          disabled={send.pending}
          onClick={async () => {
            setSent(null);
            const result = await send.post();
            if (result.ok) setSent(`Portal invitation sent to ${result.data.invitation.email}.`);
          }}
        >
          {send.pending ? "Sending…" : "Send portal invitation"}
        </Button>
      </div>
    </div>
  );
}
