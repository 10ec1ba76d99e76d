"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/http/api-client";
import { datesLabel, daysLabel, windowsLabel } from "./entry-format";
import { ENTRY_STATUS_LABEL, isOpenEntry, waitlistApi, type WaitlistEntryView } from "./waitlist-api";

/*
 * The form (react-hook-form and its resolver) loads after the page: the list comes rendered from the server,
 * and the page's first load stays within the patient-page budget (decision 072).
 */
const WaitlistEntryForm = dynamic(() => import("./waitlist-entry-form").then((m) => m.WaitlistEntryForm), {
  ssr: false,
  loading: () => <p role="status">Loading the form…</p>,
});

type Named = { id: string; name: string };

const STATUS_TONE: Record<WaitlistEntryView["status"], string> = {
  waiting: "bg-sky-100 text-sky-950",
  offered: "bg-amber-100 text-amber-950",
  booked: "bg-emerald-100 text-emerald-950",
  removed: "bg-slate-200 text-slate-900",
  expired: "bg-slate-200 text-slate-900",
};

/** The patient's waitlist: their entries with what became of each, leaving one, and joining for another visit. */
export function PatientWaitlist({
  entries,
  appointmentTypes,
  therapists,
  today,
  lastBookableDate,
}: {
  entries: WaitlistEntryView[];
  appointmentTypes: Named[];
  therapists: Named[];
  today: string;
  lastBookableDate: string;
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove(e: WaitlistEntryView) {
    setBusy(true);
    setNotice(null);
    try {
      await waitlistApi.removeEntry({ params: { entryId: e.id } });
      setNotice({ tone: "success", text: `You are off the waitlist for ${e.appointmentType.name}.` });
    } catch (err) {
      setNotice({
        tone: "danger",
        text: err instanceof ApiError ? err.message : "Something went wrong. Please try again.",
      });
    } finally {
      setBusy(false);
      router.refresh();
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <Card title="Your waitlist entries">
        <div aria-live="polite">
          {notice && (
            <div className="mb-3">
              <Alert tone={notice.tone} role={notice.tone === "danger" ? "alert" : "status"}>
                {notice.text}
              </Alert>
            </div>
          )}
        </div>
        {entries.length === 0 ? (
          <p>You are not on the waitlist.</p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="my-waitlist">
            {entries.map((e) => (
              <li key={e.id} className="rounded-lg border border-slate-200 p-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold">{e.appointmentType.name}</h3>
                  <span className={`rounded-full px-2 py-0.5 text-sm font-medium ${STATUS_TONE[e.status]}`}>
                    {ENTRY_STATUS_LABEL[e.status]}
                  </span>
                </div>
                <p>{e.therapist?.name ?? "Any therapist"}</p>
                <p className="text-slate-700">
                  {daysLabel(e.weekdays)} · {windowsLabel(e.windows)}
                </p>
                <p className="text-slate-700">{datesLabel(e)}</p>
                {e.status === "offered" && <p className="mt-1">We have sent you an offer: check your messages.</p>}
                {isOpenEntry(e) && (
                  <Button
                    variant="secondary"
                    className="mt-2"
                    disabled={busy}
                    aria-label={`Leave the waitlist for ${e.appointmentType.name}`}
                    onClick={() => void remove(e)}
                  >
                    Leave the waitlist
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Join the waitlist">
        {appointmentTypes.length === 0 ? (
          <p>No visits can be booked online. Please call the clinic.</p>
        ) : (
          <>
            <p className="mb-4">
              Tell us when you could come. If a time like that frees up, we will send you an offer; the first to accept
              gets it.
            </p>
            <WaitlistEntryForm
              appointmentTypes={appointmentTypes}
              therapists={therapists}
              today={today}
              lastBookableDate={lastBookableDate}
              onAdded={() => router.refresh()}
            />
          </>
        )}
      </Card>
    </div>
  );
}
