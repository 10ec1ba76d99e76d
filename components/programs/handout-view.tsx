import { ExerciseIllustration } from "@/components/exercises/exercise-illustration";
import { SELF_CARE_TIPS } from "@/lib/exercises/self-care";
import type { ProgramHandout } from "@/lib/programs/get-program-handout";
import { formatLongDay } from "@/lib/time/format";

/**
 * The printable handout: black text on white, each exercise kept whole on a
 * page (a few to a page), the clinic's name and phone at the top. Videos
 * print as our drawing.
 */
export function HandoutView({ handout }: { handout: ProgramHandout }) {
  const v = handout.version;
  return (
    <article className="mx-auto max-w-3xl bg-white text-black print:max-w-none">
      <header className="border-b-2 border-black pb-3">
        <p className="text-xl font-bold">{handout.clinic.name}</p>
        <p>
          Questions, or pain that worries you? Call <strong>{handout.clinic.phone}</strong>
        </p>
        <h1 className="mt-3 text-2xl font-bold">Home exercise program for {handout.patientName}</h1>
        <p>
          {v.title} · version {v.version} · from {formatLongDay(v.startDate)}
          {v.endDate ? ` to ${formatLongDay(v.endDate)}` : ""} · prescribed by {v.createdByName}
        </p>
      </header>
      <ol className="mt-4 flex flex-col gap-4">
        {v.items.map((item, i) => (
          <li key={item.id} className="break-inside-avoid rounded border-2 border-black p-3">
            <div className="flex flex-col gap-4 sm:flex-row print:flex-row">
              <div className="w-full shrink-0 sm:w-48 print:w-48">
                <ExerciseIllustration
                  name={item.exercise.name}
                  figureKey={item.exercise.figureKey}
                  position={item.exercise.position}
                  media={item.exercise.media?.kind === "image" ? item.exercise.media : null}
                />
              </div>
              <div className="min-w-0">
                <h2 className="text-lg font-bold">
                  {i + 1}. {item.exercise.name}
                </h2>
                <p className="font-bold">{item.dosageText}</p>
                <ol className="ml-5 mt-1 list-decimal">
                  {item.exercise.steps.map((s, n) => (
                    <li key={n}>{s}</li>
                  ))}
                </ol>
                {item.exercise.cues.length > 0 && (
                  <>
                    <h3 className="mt-2 font-bold">Tips</h3>
                    <ul className="ml-5 list-disc">
                      {item.exercise.cues.map((c, n) => (
                        <li key={n}>{c}</li>
                      ))}
                    </ul>
                  </>
                )}
                {item.exercise.cautions.length > 0 && (
                  <>
                    <h3 className="mt-2 font-bold">Take care</h3>
                    <ul className="ml-5 list-disc">
                      {item.exercise.cautions.map((c, n) => (
                        <li key={n}>{c}</li>
                      ))}
                    </ul>
                  </>
                )}
                {item.dosage.notes && (
                  <p className="mt-2">
                    <strong>Note from your therapist:</strong> {item.dosage.notes}
                  </p>
                )}
              </div>
            </div>
          </li>
        ))}
      </ol>
      <section className="mt-4 break-inside-avoid">
        <h2 className="text-lg font-bold">Looking after your back</h2>
        <ul className="ml-5 list-disc">
          {SELF_CARE_TIPS.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
        <p className="mt-2">
          Stop an exercise and call us on {handout.clinic.phone} if it causes sharp pain, or pain, tingling or numbness
          that spreads down your leg.
        </p>
      </section>
      <footer className="mt-4 border-t border-black pt-2 text-sm">
        {handout.patientName} · printed {formatLongDay(handout.printedOn)}
      </footer>
    </article>
  );
}
