"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PatientIntakeStatus } from "@/lib/intake/get-intake-status";
import { ProgressBadge, TierBadge } from "./badges";
import { ApiError } from "@/lib/http/api-client";
import { intakeApi } from "./intake-api";

type Sent = { url: string; expiresAt: string; emailedTo: string | null; resent: boolean };

const LINK_STATE_TEXT = {
  active: "link works until",
  expired: "link expired on",
  revoked: "link revoked",
  used: "link used",
} as const;

/**
 * Intake status for one patient (front desk, therapists, admin): not sent,
 * sent, in progress or submitted, with send, resend, revoke and follow-up.
 * No clinical content; clinicians also get a link to open submitted intakes.
 */
export function IntakeStatusCard({
  patientId,
  status,
  canSend,
  canRead,
  timeZone,
}: {
  patientId: string;
  status: PatientIntakeStatus;
  canSend: boolean;
  canRead: boolean;
  timeZone: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [sent, setSent] = useState<Sent | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const linkId = useId();
  const fmt = (d: Date) =>
    new Date(d).toLocaleDateString("en-US", { timeZone, month: "short", day: "numeric", year: "numeric" });

  function send(kind: "initial" | "follow_up") {
    startTransition(async () => {
      let link: Sent;
      try {
        ({ link } = await intakeApi.sendLink({ params: { patientId }, body: { kind } }));
      } catch (e) {
        setMessage({ tone: "danger", text: e instanceof ApiError ? e.message : "Could not send the link." });
        return;
      }
      setSent(link);
      setCopied(false);
      setMessage(null);
      router.refresh();
    });
  }

  function revoke(intakeId: string) {
    startTransition(async () => {
      const outcome = await intakeApi.revokeLinks({ params: { intakeId } }).then(
        () => ({ tone: "success" as const, text: "The link no longer works. Answers already typed are kept." }),
        (e: unknown) => ({
          tone: "danger" as const,
          text: e instanceof ApiError ? e.message : "Could not revoke the link.",
        }),
      );
      setSent(null);
      setMessage(outcome);
      router.refresh();
    });
  }

  const initial = status.intakes.find((i) => i.kind === "initial");
  const openFollowUp = status.intakes.find((i) => i.kind === "follow_up" && i.progress !== "submitted");

  return (
    <div className="flex flex-col gap-4" data-testid="intake-status">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Intake:</span>
        <ProgressBadge progress={status.initial} />
        {status.openFlags.map((f) => (
          <span key={f.tier} className="flex items-center gap-1">
            <TierBadge tier={f.tier} />
            <span className="text-sm">× {f.count} open</span>
          </span>
        ))}
      </div>

      {message && (
        <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
          {message.text}
        </Alert>
      )}

      {sent && (
        <div className="rounded-lg border border-emerald-300 bg-emerald-50 p-3" role="status">
          <p className="font-semibold">
            {sent.resent ? "New link ready (the old one no longer works)." : "Link ready."}{" "}
            {sent.emailedTo ? `Emailed to ${sent.emailedTo}.` : "No email on file: give the patient this link."}
          </p>
          <label htmlFor={linkId} className="mt-2 block text-sm font-medium">
            Intake link (works until {fmt(new Date(sent.expiresAt))})
          </label>
          <div className="mt-1 flex flex-col gap-2 sm:flex-row">
            <input
              id={linkId}
              readOnly
              value={sent.url}
              className="min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 font-mono text-sm"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(sent.url).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      )}

      {status.intakes.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {status.intakes.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div className="flex flex-col gap-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">
                    {i.kind === "initial" ? "First intake" : "Follow-up questionnaire"}
                  </span>
                  <ProgressBadge progress={i.progress} />
                </span>
                <span className="text-sm text-slate-700">
                  Sent {fmt(i.sentAt)}
                  {i.submittedAt
                    ? ` · submitted ${fmt(i.submittedAt)}`
                    : i.link
                      ? ` · ${LINK_STATE_TEXT[i.link.state]}${i.link.state === "active" || i.link.state === "expired" ? ` ${fmt(i.link.expiresAt)}` : ""}`
                      : ""}
                </span>
              </div>
              <div className="flex flex-wrap gap-2">
                {canRead && i.progress !== "sent" && (
                  <Link
                    href={`/clinic/patients/${patientId}/intakes/${i.id}`}
                    className="inline-flex min-h-11 items-center rounded-lg px-3 font-semibold text-brand-800 underline"
                  >
                    {i.progress === "submitted" ? "Open" : "View answers so far:"}{" "}
                    {i.kind === "initial" ? "intake" : "follow-up"}
                  </Link>
                )}
                {canSend && i.progress !== "submitted" && (
                  <>
                    <Button variant="secondary" disabled={pending} onClick={() => send(i.kind)}>
                      Resend link
                    </Button>
                    {i.link?.state === "active" && (
                      <Button variant="danger" disabled={pending} onClick={() => revoke(i.id)}>
                        Revoke link
                      </Button>
                    )}
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}

      {canSend && (
        <div className="flex flex-wrap gap-2">
          {!initial && (
            <Button disabled={pending} onClick={() => send("initial")}>
              Send intake link
            </Button>
          )}
          {initial?.progress === "submitted" && !openFollowUp && (
            <Button variant="secondary" disabled={pending} onClick={() => send("follow_up")}>
              Send follow-up questionnaire (ODI, PSFS, pain)
            </Button>
          )}
        </div>
      )}
      {canRead && initial?.progress === "submitted" && (
        <Link href={`/clinic/patients/${patientId}/progress`} className="font-semibold text-brand-800 underline">
          Scores over time and pain map comparison
        </Link>
      )}
    </div>
  );
}
