import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveToggle } from "@/components/exercises/archive-toggle";
import { ExerciseForm } from "@/components/exercises/exercise-form";
import { ExerciseIllustration } from "@/components/exercises/exercise-illustration";
import { MediaUpload } from "@/components/exercises/media-upload";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getExercise } from "@/lib/exercises/get-exercise";

export const metadata: Metadata = { title: "Exercise" };

export default async function ExercisePage({
  params,
  searchParams,
}: {
  params: Promise<{ exerciseId: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { exerciseId } = await params;
  const { created } = await searchParams;
  const actor = await requirePageActor(`/clinic/exercises/${exerciseId}`, "program:read");
  const exercise = await getExercise(actor, exerciseId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const writable = can(actor, "exercise-library:write");
  return (
    <>
      <PageHeader
        title={exercise.name}
        subtitle={exercise.archived ? "Archived: not offered when building programs." : exercise.summary}
        actions={
          <Link href="/clinic/exercises" className={buttonClass("ghost")}>
            Back to the library
          </Link>
        }
      />
      {created && (
        <div className="mb-4">
          <Alert tone="success" role="status" title="Added to the library">
            Add a picture or video below if you have one.
          </Alert>
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card title="Details">{writable ? <ExerciseForm exercise={exercise} /> : <p>{exercise.summary}</p>}</Card>
        <div className="flex flex-col gap-4">
          <Card title="Illustration">
            <ExerciseIllustration
              name={exercise.name}
              figureKey={exercise.figureKey}
              position={exercise.position}
              media={exercise.media}
              className="border border-slate-200"
            />
            {writable && (
              <div className="mt-4">
                <MediaUpload exerciseId={exercise.id} hasMedia={exercise.media !== null} />
              </div>
            )}
          </Card>
          {writable && (
            <Card title={exercise.archived ? "Archived" : "Archive"}>
              <p className="mb-3 text-sm text-slate-700">
                Archiving hides it from the library and the program builder. Programs that already use it keep it.
              </p>
              <ArchiveToggle exerciseId={exercise.id} archived={exercise.archived} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
