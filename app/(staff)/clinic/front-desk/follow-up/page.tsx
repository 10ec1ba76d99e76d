import type { Metadata } from "next";
import Link from "next/link";
import { FollowUpList } from "@/components/episodes/follow-up-list";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { zoneNameNow } from "@/lib/booking/clock";
import { listFollowUps } from "@/lib/episodes/list-follow-ups";

export const metadata: Metadata = { title: "Follow-up" };

export default async function FollowUpPage() {
  const actor = await requirePageActor("/clinic/front-desk/follow-up", "follow-up:manage");
  const list = await listFollowUps(actor);
  return (
    <>
      <PageHeader
        title="Follow-up"
        subtitle={`Patients in a plan of care who need booking, reminding or a word with their therapist. Dates in ${zoneNameNow(list.timeZone)}.`}
        actions={
          <Link href="/clinic/calendar" className="font-semibold text-brand-800 underline">
            Open the calendar
          </Link>
        }
      />
      <FollowUpList rows={list.rows} timeZone={list.timeZone} />
    </>
  );
}
