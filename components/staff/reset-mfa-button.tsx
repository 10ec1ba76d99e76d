"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { resetStaffMfaAction } from "@/app/(staff)/clinic/admin/actions";
import { Button } from "@/components/ui/button";

/** For a colleague who lost their phone: they set up two-step sign-in again at their next sign-in. */
export function ResetMfaButton({ userId, name }: { userId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={`Reset two-step sign-in for ${name}`}
        onClick={() => {
          if (!window.confirm(`Reset two-step sign-in for ${name}? They will be signed out and set it up again.`))
            return;
          startTransition(async () => {
            const result = await resetStaffMfaAction({ userId });
            setMessage(
              result.ok
                ? { ok: true, text: "Reset. They will set it up at next sign-in." }
                : { ok: false, text: result.message },
            );
          });
        }}
      >
        Reset two-step
      </Button>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`max-w-56 text-right text-sm ${message.ok ? "text-emerald-800" : "text-red-700"}`}
        >
          {message.text}{" "}
          {!message.ok && message.text.includes("confirm it's you") && (
            <Link className="underline" href="/account/security">
              Confirm now
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
