"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { bookingApi, dateLabel, newIdempotencyKey, timeLabel } from "@/components/booking/booking-api";
import { PatientPicker, type PickedPatient } from "@/components/booking/patient-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ApiError } from "@/lib/http/api-client";
import { datesLabel, daysLabel, windowsLabel } from "./entry-format";
import { waitlistApi, type FreedTimeView, type WaitlistEntryView } from "./waitlist-api";
import { WaitlistEntryForm } from "./waitlist-entry-form";

type Named = { id: string; name: string };
type Notice = { tone: "success" | "danger"; text: string } | null;

const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : "Something went wrong. Please try again.");

/**
 * The front desk's waitlist: who waits (with remove, and urgent/routine for
 * clinicians), the add form, and each freed time with who matches it. The
 * lists are the server's; after every change the page is rendered again.
 */
export function StaffWaitlist({
  entries,
  freedTimes,
  timeZone,
  appointmentTypes,
  therapists,
  today,
  lastBookableDate,
  canPrioritize,
}: {
  entries: WaitlistEntryView[];
  freedTimes: FreedTimeView[];
  timeZone: string;
  appointmentTypes: Named[];
  therapists: Named[];
  today: string;
  lastBookableDate: string;
  canPrioritize: boolean;
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  async function act(key: string, run: () => Promise<string>) {
    setBusy(key);
    setNotice(null);
    try {
      setNotice({ tone: "success", text: await run() });
      router.refresh();
    } catch (e) {
      setNotice({ tone: "danger", text: messageOf(e) });
      router.refresh();
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite">
        {notice && (
          <Alert tone={notice.tone} role={notice.tone === "danger" ? "alert" : "status"}>
            {notice.text}
          </Alert>
        )}
      </div>
      <Card title={`Freed times (${freedTimes.length})`}>
        <FreedTimes
          freedTimes={freedTimes}
          timeZone={timeZone}
          busy={busy}
          onBook={(f, m) =>
            act(`book:${f.id}:${m.entryId}`, async () => {
              await bookingApi.book({
                body: {
                  patientId: m.patient.id,
                  therapistId: f.therapist.id,
                  appointmentTypeId: m.appointmentType.id,
                  startsAt: m.visit.startsAt,
                },
                headers: { "Idempotency-Key": newIdempotencyKey() },
              });
              return `Booked ${m.patient.name}: ${dateLabel(m.visit.startsAt, timeZone)} at ${timeLabel(m.visit.startsAt, timeZone, true)} with ${f.therapist.name}.`;
            })
          }
        />
      </Card>
      <Card title={`Waiting (${entries.length})`}>
        {entries.length === 0 ? (
          <p>Nobody is on the waitlist.</p>
        ) : (
          <DataTable
            caption="Patients on the waitlist, urgent first, then the longest waiting"
            columns={[
              "Patient",
              "Visit",
              "Days",
              "Times",
              "Dates",
              "Priority",
              "Waiting",
              { label: "Actions", hidden: true },
            ]}
            testId="waitlist-entries"
          >
            {entries.map((e) => (
              <tr key={e.id} className="align-top">
                <td className="py-2 pr-4 font-medium">{e.patient.name}</td>
                <td className="py-2 pr-4">
                  {e.appointmentType.name}
                  <span className="block text-sm text-slate-700">{e.therapist?.name ?? "Any therapist"}</span>
                </td>
                <td className="py-2 pr-4">{daysLabel(e.weekdays)}</td>
                <td className="py-2 pr-4">{windowsLabel(e.windows)}</td>
                <td className="py-2 pr-4 whitespace-nowrap">{datesLabel(e)}</td>
                <td className="py-2 pr-4">
                  {e.priority === "urgent" ? <span className="font-semibold text-red-800">Urgent</span> : "Routine"}
                  {e.status === "offered" && <span className="block text-sm text-slate-700">Offer out</span>}
                </td>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {e.waitingDays} {e.waitingDays === 1 ? "day" : "days"}
                </td>
                <td className="py-2">
                  <div className="flex flex-wrap gap-2">
                    {canPrioritize && (
                      <Button
                        variant="secondary"
                        disabled={busy !== null}
                        aria-label={`${e.priority === "urgent" ? "Mark routine" : "Mark urgent"}: ${e.patient.name}, ${e.appointmentType.name}`}
                        onClick={() =>
                          act(`priority:${e.id}`, async () => {
                            const priority = e.priority === "urgent" ? "routine" : "urgent";
                            await waitlistApi.setPriority({ params: { entryId: e.id }, body: { priority } });
                            return `${e.patient.name} is now ${priority}.`;
                          })
                        }
                      >
                        {e.priority === "urgent" ? "Mark routine" : "Mark urgent"}
                      </Button>
                    )}
                    <Button
                      variant="secondary"
                      disabled={busy !== null}
                      aria-label={`Remove ${e.patient.name} (${e.appointmentType.name}) from the waitlist`}
                      onClick={() =>
                        act(`remove:${e.id}`, async () => {
                          await waitlistApi.removeEntry({ params: { entryId: e.id } });
                          return `${e.patient.name} is off the waitlist for ${e.appointmentType.name}.`;
                        })
                      }
                    >
                      Remove
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <Card title="Add to waitlist">
        <WaitlistEntryForm
          key={formKey}
          appointmentTypes={appointmentTypes}
          therapists={therapists}
          today={today}
          lastBookableDate={lastBookableDate}
          canPrioritize={canPrioritize}
          patientField={(p) => <PickPatient {...p} />}
          onAdded={(entry) => {
            setNotice({
              tone: "success",
              text: `${entry.patient.name} is on the waitlist for ${entry.appointmentType.name}.`,
            });
            setFormKey((k) => k + 1);
            router.refresh();
          }}
        />
      </Card>
    </div>
  );
}

function PickPatient({ error, onPick }: { error?: string; onPick: (id: string) => void }) {
  const [picked, setPicked] = useState<PickedPatient | null>(null);
  return (
    <PatientPicker
      value={picked}
      error={error}
      onChange={(p) => {
        setPicked(p);
        onPick(p?.id ?? "");
      }}
    />
  );
}

const REASON: Record<string, string> = { cancel: "Cancelled", move: "Moved", extra: "Extra hours" };

function FreedTimes({
  freedTimes,
  timeZone,
  busy,
  onBook,
}: {
  freedTimes: FreedTimeView[];
  timeZone: string;
  busy: string | null;
  onBook: (f: FreedTimeView, m: FreedTimeView["matches"][number]) => void;
}) {
  if (freedTimes.length === 0) return <p>No freed times in the next four weeks.</p>;
  return (
    <ul className="flex flex-col gap-4" data-testid="freed-times">
      {freedTimes.map((f) => {
        const when = `${dateLabel(f.startsAt, timeZone)}, ${timeLabel(f.startsAt, timeZone)}–${timeLabel(f.endsAt, timeZone, true)}`;
        return (
          <li key={f.id} className="rounded-lg border border-slate-200 p-3">
            <h3 className="font-semibold">
              {when} with {f.therapist.name}
            </h3>
            <p className="text-sm text-slate-700">{REASON[f.reason] ?? "Freed"}</p>
            {f.pendingOffers.length > 0 && (
              <p className="mt-1 text-sm">
                Offered to {f.pendingOffers.map((o) => o.patientName).join(", ")} (waiting for a reply until{" "}
                {timeLabel(f.pendingOffers.at(-1)!.expiresAt, timeZone)}).
              </p>
            )}
            {f.matches.length === 0 ? (
              <p className="mt-2">Nobody on the waitlist matches this time.</p>
            ) : (
              <ol className="mt-2 divide-y divide-slate-100" aria-label={`Who matches ${when}`}>
                {f.matches.map((m) => (
                  <li key={m.entryId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-medium">{m.patient.name}</span> · {m.appointmentType.name}
                      {m.priority === "urgent" && <span className="font-semibold text-red-800"> · Urgent</span>}
                      <span className="block text-sm text-slate-700">
                        {timeLabel(m.visit.startsAt, timeZone)}–{timeLabel(m.visit.endsAt, timeZone)} · waiting{" "}
                        {m.waitingDays} {m.waitingDays === 1 ? "day" : "days"}
                      </span>
                    </span>
                    <Button
                      disabled={busy !== null}
                      aria-label={`Book ${m.patient.name} at ${timeLabel(m.visit.startsAt, timeZone)} on ${dateLabel(m.visit.startsAt, timeZone)}`}
                      onClick={() => onBook(f, m)}
                    >
                      {busy === `book:${f.id}:${m.entryId}` ? "Booking…" : "Book"}
                    </Button>
                  </li>
                ))}
              </ol>
            )}
          </li>
        );
      })}
    </ul>
  );
}
