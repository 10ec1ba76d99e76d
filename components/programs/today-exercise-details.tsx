import { ExerciseIllustration } from "@/components/exercises/exercise-illustration";
import type { TodayItem } from "@/lib/programs/get-today";

/** An exercise's picture and "How to do it" on Today: rendered on the server, handed to TodayView by item. */
export function TodayExerciseDetails({ exercise }: { exercise: TodayItem["exercise"] }) {
  return (
    <>
      <div className="mt-3 max-w-sm">
        <ExerciseIllustration
          name={exercise.name}
          figureKey={exercise.figureKey}
          position={exercise.position}
          media={exercise.media}
          className="max-h-56 border border-slate-200"
        />
      </div>
      <details className="mt-3">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">How to do it</summary>
        <ol className="ml-5 list-decimal space-y-1">
          {exercise.steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
        {exercise.cues.length > 0 && (
          <>
            <h3 className="mt-3 font-semibold">Tips</h3>
            <ul className="ml-5 list-disc">
              {exercise.cues.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </>
        )}
        {exercise.cautions.length > 0 && (
          <>
            <h3 className="mt-3 font-semibold">Take care</h3>
            <ul className="ml-5 list-disc">
              {exercise.cautions.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </>
        )}
      </details>
    </>
  );
}
