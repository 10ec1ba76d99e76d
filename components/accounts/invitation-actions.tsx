"use client";

import { useState, useTransition } from "react";
import { resendInvitationAction, revokeInvitationAction } from "@/app/(staff)/clinic/admin/actions";
import { Button } from "@/components/ui/button";

export function InvitationActions({ invitationId, email }: { invitationId: string; email: string }) {
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const run = (action: typeof resendInvitationAction | typeof revokeInvitationAction, done: string) =>
    startTransition(async () => {
      const result = await action({ invitationId });
      setNote(result.ok ? { error: false, text: done } : { error: true, text: result.message });
    });
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        <Button
          variant="secondary"
          disabled={pending}
          aria-label={`Resend link to ${email}`}
          onClick={() => run(resendInvitationAction, `A new link was sent to ${email}.`)}
        >
          Resend
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          aria-label={`Revoke invitation to ${email}`}
          onClick={() => run(revokeInvitationAction, "Invitation revoked.")}
        >
          Revoke
        </Button>
      </div>
      {note && (
        <p
          role={note.error ? "alert" : "status"}
          className={`text-sm ${note.error ? "text-red-700" : "text-slate-700"}`}
        >
          {note.text}
        </p>
      )}
    </div>
  );
}
