import type { Metadata } from "next";
import Link from "next/link";
import { ExerciseLibraryBrowser } from "@/components/exercises/exercise-library-browser";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/authorize";

export const metadata: Metadata = { title: "Exercise library" };

export default async function ExerciseLibraryPage() {
  const actor = await requirePageActor("/clinic/exercises", "program:read");
  return (
    <>
      <PageHeader
        title="Exercise library"
        subtitle="Your clinic's exercises, with steps, cautions and pictures."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/clinic/exercises/adherence" className={buttonClass("ghost")}>
              Low adherence
            </Link>
            <Link href="/clinic/exercises/templates" className={buttonClass("secondary")}>
              Templates
            </Link>
            {can(actor, "exercise-library:write") && (
              <Link href="/clinic/exercises/new" className={buttonClass("primary")}>
                Add an exercise
              </Link>
            )}
          </div>
        }
      />
      <Card>
        <ExerciseLibraryBrowser />
      </Card>
    </>
  );
}
