"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { TextArea } from "@/components/ui/field";
import { formatDayMonthYear } from "@/lib/time/format";
import { bookingApi } from "./booking-api";

/** The patient's open episode, and whether a new visit on `date` is covered (null patient: nothing asked). */
export function useEpisodeStanding(patientId: string | null, date: string) {
  return useQuery({
    queryKey: ["episode-standing", patientId, date],
    enabled: Boolean(patientId),
    queryFn: () => bookingApi.episodeStanding({ params: { patientId: patientId! }, query: { date } }),
    staleTime: 30_000,
  });
}

/**
 * "This will be visit 6 of 12 authorised, until 15 Jan 2027", or the warning
 * that it is beyond the authorisation with the reason staff must give. The
 * reason field also shows when the server asked for one (a visit booked
 * meanwhile may have used the last authorised one).
 */
export function EpisodeVisitNote({
  patientId,
  date,
  reason,
  onReasonChange,
  reasonErrors,
}: {
  patientId: string | null;
  date: string;
  reason: string;
  onReasonChange: (value: string) => void;
  reasonErrors?: string[];
}) {
  const standing = useEpisodeStanding(patientId, date).data?.standing;
  const next = standing?.newVisit;
  const beyond = next?.kind === "beyond";
  return (
    <div aria-live="polite" className="flex flex-col gap-3">
      {next?.kind === "within" && (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">
          This will be visit {next.visitNumber} of {next.visitsAuthorized} authorised, until{" "}
          {formatDayMonthYear(next.validUntil)}.
        </p>
      )}
      {beyond && (
        <Alert tone="warning" title="Beyond the authorisation">
          {next.message} Give a reason to book it anyway.
        </Alert>
      )}
      {(beyond || reasonErrors?.length) && (
        <TextArea
          label="Reason for booking past the authorisation"
          name="overAuthorizationReason"
          required
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => onReasonChange(e.target.value)}
          errors={reasonErrors}
        />
      )}
    </div>
  );
}
