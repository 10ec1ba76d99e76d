import type { Metadata } from "next";
import Link from "next/link";
import { TodayExerciseDetails } from "@/components/programs/today-exercise-details";
import { TodayView } from "@/components/programs/today-view";
import { requirePageActor } from "@/lib/auth/current-actor";
import { SELF_CARE_TIPS } from "@/lib/exercises/self-care";
import { getToday } from "@/lib/programs/get-today";

export const metadata: Metadata = { title: "Today's exercises" };

const LINK_CLASS = "min-h-11 rounded-lg border border-slate-400 bg-white px-4 py-2 font-semibold text-brand-800";

/** Only the parts that change on the phone (logging, counts, the timer) are client code; the rest is rendered here. */
export default async function TodayPage() {
  const actor = await requirePageActor("/portal/exercises", "program:read:own");
  const today = await getToday(actor);
  const details = Object.fromEntries(
    today.items.map((item) => [item.itemId, <TodayExerciseDetails key={item.itemId} exercise={item.exercise} />]),
  );
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-5">
      <TodayView initial={today} patientId={actor.patientId ?? "none"} details={details} />
      <section aria-labelledby="self-care" className="rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="self-care" className="text-lg font-semibold">
          Looking after your back
        </h2>
        <ul className="ml-5 mt-2 list-disc space-y-1">
          {SELF_CARE_TIPS.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
        <p className="mt-2">
          Sharp pain, or pain, tingling or numbness spreading down a leg? Stop and call{" "}
          <a className="font-semibold text-brand-800 underline" href={`tel:${today.clinic.phone}`}>
            {today.clinic.phone}
          </a>
          .
        </p>
      </section>
      <nav aria-label="More about your exercises" className="flex flex-wrap gap-3">
        <Link href="/portal/exercises/history" className={LINK_CLASS}>
          History and progress
        </Link>
        {today.state !== "none" && (
          <Link href="/portal/exercises/handout" className={LINK_CLASS}>
            Printable handout
          </Link>
        )}
      </nav>
    </div>
  );
}
