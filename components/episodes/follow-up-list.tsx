"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { remindFollowUpAction } from "@/app/(staff)/clinic/front-desk/follow-up/actions";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FOLLOW_UP_REASON_LABELS, FOLLOW_UP_REASONS, type FollowUpReason } from "@/lib/episodes/follow-up-reasons";
import type { FollowUpRow } from "@/lib/episodes/list-follow-ups";
import { formatShortDay, formatShortLocalDay } from "@/lib/time/format";

const REASON_STYLE: Record<FollowUpReason, string> = {
  dropped_out: "border-red-300 bg-red-50 text-red-900",
  under_scheduled: "border-amber-300 bg-amber-50 text-amber-900",
  authorization_ending: "border-sky-300 bg-sky-50 text-sky-900",
  reevaluation_due: "border-violet-300 bg-violet-50 text-violet-900",
};

/**
 * The follow-up list, filterable by reason. Each row books (the calendar opens
 * with the patient chosen) or reminds (one message a week at most; the button
 * says when the last went).
 */
export function FollowUpList({ rows, timeZone }: { rows: FollowUpRow[]; timeZone: string }) {
  const [reason, setReason] = useState<FollowUpReason | "all">("all");
  const shown = reason === "all" ? rows : rows.filter((r) => r.findings.some((f) => f.reason === reason));
  const count = (r: FollowUpReason) => rows.filter((row) => row.findings.some((f) => f.reason === r)).length;
  if (rows.length === 0)
    return <p className="text-slate-700">Nobody needs following up: every active plan is on track.</p>;
  return (
    <div className="flex flex-col gap-4">
      <div className="max-w-xs">
        <SelectField label="Show" value={reason} onChange={(e) => setReason(e.target.value as FollowUpReason | "all")}>
          <option value="all">Every reason ({rows.length})</option>
          {FOLLOW_UP_REASONS.map((r) => (
            <option key={r} value={r}>
              {FOLLOW_UP_REASON_LABELS[r]} ({count(r)})
            </option>
          ))}
        </SelectField>
      </div>
      <p className="sr-only" role="status">
        {shown.length} of {rows.length} patients shown.
      </p>
      <ul className="flex flex-col gap-3" aria-label="Patients to follow up">
        {shown.map((row) => (
          <FollowUpItem key={row.episodeId} row={row} timeZone={timeZone} />
        ))}
      </ul>
    </div>
  );
}

function FollowUpItem({ row, timeZone }: { row: FollowUpRow; timeZone: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [remindedAt, setRemindedAt] = useState<string | null>(row.lastRemindedAt);
  const [blocked, setBlocked] = useState<boolean>(row.remindAllowedFrom !== null);
  const headingId = useId();
  return (
    <li
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-start sm:justify-between"
    >
      <div className="flex flex-col gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {row.patientName}
        </h2>
        <p className="text-sm text-slate-700">
          {[row.phone, row.email].filter(Boolean).join(" · ") || "No phone or email on file"}
        </p>
        <p className="text-sm text-slate-700">
          Last visit {row.lastVisit ? formatShortDay(row.lastVisit) : "none yet"} · Next{" "}
          {row.nextVisit ? formatShortDay(row.nextVisit) : "nothing booked"} · Plan ends{" "}
          {formatShortDay(row.plannedEndDate)}
        </p>
        <ul className="flex flex-col gap-1" aria-label={`Why ${row.patientName} is listed`}>
          {row.findings.map((f) => (
            <li key={f.reason} className={`rounded-lg border px-3 py-1 text-sm ${REASON_STYLE[f.reason]}`}>
              <span className="font-semibold">{FOLLOW_UP_REASON_LABELS[f.reason]}:</span> {f.label}
            </li>
          ))}
        </ul>
        {error && (
          <Alert tone="danger" role="alert">
            {error}
          </Alert>
        )}
      </div>
      <div className="flex flex-wrap gap-2 sm:flex-col sm:items-stretch">
        <Link
          href={`/clinic/calendar?patient=${row.patientId}`}
          className={buttonClass("primary")}
          aria-label={`Book ${row.patientName}`}
        >
          Book
        </Link>
        <Button
          variant="secondary"
          disabled={pending || blocked}
          aria-label={`Remind ${row.patientName} to book`}
          onClick={() =>
            startTransition(async () => {
              const r = await remindFollowUpAction({ episodeId: row.episodeId });
              if (r.ok) {
                setRemindedAt(r.data.remindedAt);
                setBlocked(true);
                setError(null);
              } else setError(r.message);
            })
          }
        >
          {pending ? "Sending…" : "Remind"}
        </Button>
        {remindedAt && (
          <p className="text-sm text-slate-700" role="status">
            Reminded {formatShortLocalDay(remindedAt, timeZone)}
          </p>
        )}
      </div>
    </li>
  );
}
