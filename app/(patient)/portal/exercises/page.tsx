import type { Metadata } from "next";
import { TodayView } from "@/components/programs/today-view";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getToday } from "@/lib/programs/get-today";

export const metadata: Metadata = { title: "Today's exercises" };

export default async function TodayPage() {
  const actor = await requirePageActor("/portal/exercises", "program:read:own");
  const today = await getToday(actor);
  return (
    <div className="mx-auto max-w-2xl">
      <TodayView initial={today} patientId={actor.patientId ?? "none"} />
    </div>
  );
}
