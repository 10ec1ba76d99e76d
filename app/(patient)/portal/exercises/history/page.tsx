import type { Metadata } from "next";
import Link from "next/link";
import { PainChart } from "@/components/programs/pain-chart";
import { SessionsChart } from "@/components/programs/sessions-chart";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { DIFFICULTY_LABEL } from "@/lib/exercises/catalog";
import { getExerciseHistory } from "@/lib/programs/get-exercise-history";
import { formatShortDay } from "@/lib/time/format";

export const metadata: Metadata = { title: "Exercise history" };

export default async function HistoryPage() {
  const actor = await requirePageActor("/portal/exercises/history", "program:read:own");
  const history = actor.patientId ? await getExerciseHistory(actor, actor.patientId) : null;
  const i = history?.insights;
  const thisWeek = i?.weeks.at(-1);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Your progress"
        subtitle={history?.program ? history.program.title : undefined}
        actions={
          <Link href="/portal/exercises" className={buttonClass("secondary")}>
            Back to today
          </Link>
        }
      />
      {!i ? (
        <Card>
          <p>No exercise history yet.</p>
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          <dl className="grid grid-cols-2 gap-3">
            <div className="rounded-xl border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-700">Days in a row</dt>
              <dd className="text-3xl font-bold">{i.streak}</dd>
            </div>
            <div className="rounded-xl border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-700">Sessions this week</dt>
              <dd className="text-3xl font-bold">
                {thisWeek?.completedLogs ?? 0}
                <span className="text-base font-normal text-slate-700"> of {thisWeek?.prescribed ?? 0} planned</span>
              </dd>
            </div>
          </dl>
          <Card title="Pain over time">
            <PainChart id="history-pain" points={i.pain} />
          </Card>
          <Card title="Sessions per week">
            <SessionsChart id="history-sessions" weeks={i.weeks} mode="patient" />
          </Card>
          <Card title="Recent sessions">
            {i.recent.length === 0 ? (
              <p>Nothing logged yet.</p>
            ) : (
              <ul className="flex flex-col divide-y divide-slate-100">
                {i.recent.map((r) => (
                  <li key={r.id} className="py-2">
                    <p className="font-medium">
                      {formatShortDay(r.localDate)}: {r.exerciseName}
                    </p>
                    <p className="text-sm text-slate-700">
                      {r.completed ? "Done" : "Couldn't do it"}
                      {r.painAfter !== null ? ` · pain after ${r.painAfter}/10` : ""}
                      {r.difficulty ? ` · ${DIFFICULTY_LABEL[r.difficulty].toLowerCase()}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
    </div>
  );
}
