"use client";

import { useState, type FormEvent } from "react";
import { DIFFICULTIES, DIFFICULTY_LABEL, type Difficulty } from "@/lib/exercises/catalog";
import type { TodayItem } from "@/lib/programs/get-today";
import { PainScale } from "./pain-scale";

export type LoggedValues = {
  completed: boolean;
  setsDone: number | null;
  repsDone: number | null;
  holdSecondsDone: number | null;
  minutesDone: number | null;
  painAfter: number | null;
  difficulty: Difficulty | null;
};

const NUMBER_FIELD = "min-h-11 w-24 rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900";

function whole(value: string, max: number): number | null | "bad" {
  if (value.trim() === "") return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= max ? n : "bad";
}

/** "What did you do?" pre-filled with the prescription, so a normal session is two taps: pain, then Save. */
export function LogSessionForm({
  item,
  onLog,
  onCancel,
}: {
  item: TodayItem;
  onLog: (values: LoggedValues) => void;
  onCancel: () => void;
}) {
  const d = item.dosage;
  const [sets, setSets] = useState(d.sets?.toString() ?? "");
  const [amount, setAmount] = useState(
    (d.kind === "reps" ? d.reps : d.kind === "hold" ? d.holdSeconds : d.minutes)?.toString() ?? "",
  );
  const [painAfter, setPainAfter] = useState<number | null>(null);
  const [difficulty, setDifficulty] = useState<Difficulty | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = `log-${item.itemId}`;
  const amountLabel = d.kind === "reps" ? "Reps per set" : d.kind === "hold" ? "Seconds per hold" : "Minutes";
  const amountMax = d.kind === "reps" ? 200 : d.kind === "hold" ? 600 : 240;

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    const s = d.kind === "duration" ? null : whole(sets, 20);
    const a = whole(amount, amountMax);
    if (s === "bad") next.sets = "Enter a whole number from 0 to 20.";
    if (a === "bad") next.amount = `Enter a whole number from 0 to ${amountMax}.`;
    if (painAfter === null) next.painAfter = "Choose how much it hurts now, from 0 to 10.";
    setErrors(next);
    if (Object.keys(next).length) return;
    onLog({
      completed: true,
      setsDone: s as number | null,
      repsDone: d.kind === "reps" ? (a as number | null) : null,
      holdSecondsDone: d.kind === "hold" ? (a as number | null) : null,
      minutesDone: d.kind === "duration" ? (a as number | null) : null,
      painAfter,
      difficulty,
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`Log ${item.exercise.name}`}
      className="flex flex-col gap-4 rounded-lg border border-brand-700 bg-brand-50 p-3"
    >
      <div className="flex flex-wrap gap-4">
        {d.kind !== "duration" && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-sets`} className="font-medium">
              {d.kind === "hold" ? "Holds done" : "Sets done"}
            </label>
            <input
              id={`${id}-sets`}
              inputMode="numeric"
              value={sets}
              onChange={(e) => setSets(e.target.value)}
              aria-invalid={errors.sets ? true : undefined}
              aria-describedby={errors.sets ? `${id}-sets-error` : undefined}
              className={NUMBER_FIELD}
            />
            {errors.sets && (
              <p id={`${id}-sets-error`} className="text-sm font-medium text-red-700">
                {errors.sets}
              </p>
            )}
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-amount`} className="font-medium">
            {amountLabel}
          </label>
          <input
            id={`${id}-amount`}
            inputMode="numeric"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={errors.amount ? `${id}-amount-error` : undefined}
            className={NUMBER_FIELD}
          />
          {errors.amount && (
            <p id={`${id}-amount-error`} className="text-sm font-medium text-red-700">
              {errors.amount}
            </p>
          )}
        </div>
      </div>
      <PainScale
        name={`${id}-pain`}
        legend="Pain now, after the exercise"
        value={painAfter}
        onChange={setPainAfter}
        error={errors.painAfter}
      />
      <fieldset>
        <legend className="font-medium">How hard was it? (optional)</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {DIFFICULTIES.map((value) => (
            <label
              key={value}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-400 bg-white px-3 has-checked:border-brand-800 has-checked:bg-brand-100"
            >
              <input
                type="radio"
                name={`${id}-difficulty`}
                checked={difficulty === value}
                onChange={() => setDifficulty(value)}
                className="h-5 w-5 accent-brand-700"
              />
              {DIFFICULTY_LABEL[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
        >
          Save session
        </button>
        <button
          type="button"
          onClick={() =>
            onLog({
              completed: false,
              setsDone: null,
              repsDone: null,
              holdSecondsDone: null,
              minutesDone: null,
              painAfter,
              difficulty: null,
            })
          }
          className="min-h-11 rounded-lg border border-slate-400 bg-white px-4 font-semibold text-slate-900"
        >
          I couldn&rsquo;t do it
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="min-h-11 rounded-lg px-3 font-semibold text-brand-800 underline"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
