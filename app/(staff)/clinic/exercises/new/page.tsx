import type { Metadata } from "next";
import { ExerciseForm } from "@/components/exercises/exercise-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Add an exercise" };

export default async function NewExercisePage() {
  await requirePageActor("/clinic/exercises/new", "exercise-library:write");
  return (
    <>
      <PageHeader title="Add an exercise" subtitle="You can upload a picture or video after saving." />
      <Card>
        <ExerciseForm />
      </Card>
    </>
  );
}
