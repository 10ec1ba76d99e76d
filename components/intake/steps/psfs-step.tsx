"use client";

import { TextField } from "@/components/ui/field";
import type { StepProps } from "../bind-step";
import { RadioQuestion, SCALE_0_10 } from "../controls";

export function PsfsStep({ value, onChange, errors, psfsLocked }: StepProps<"psfs">) {
  const rows = value.activities ?? [];
  const padded = psfsLocked
    ? rows
    : [...rows, ...Array.from({ length: Math.max(0, 3 - rows.length) }, () => ({ activity: "", rating: null }))];
  const set = (i: number, patch: Partial<{ activity: string; rating: number | null }>) => {
    const next = padded.map((r, j) => (j === i ? { ...r, ...patch } : r));
    onChange({ activities: next });
  };
  return (
    <div className="flex flex-col gap-6">
      <p>
        {psfsLocked
          ? "Last time you named these activities. How well can you do each one today?"
          : "Name 3 to 5 important activities you find hard or cannot do because of your problem. Then rate how well you can do each today."}
      </p>
      {errors.activities && <p className="font-semibold text-red-700">{errors.activities.join(" ")}</p>}
      {padded.map((row, i) => (
        <div key={i} className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-white p-4">
          {psfsLocked ? (
            <h3 className="font-semibold">
              Activity {i + 1}: {row.activity}
            </h3>
          ) : (
            <TextField
              label={`Activity ${i + 1}${i >= 3 ? " (optional)" : ""}`}
              name={`psfs-activity-${i}`}
              value={row.activity}
              onChange={(e) => set(i, { activity: e.target.value })}
              errors={errors[`activities.${i}.activity`]}
              placeholder={
                ["For example: sitting at my desk", "For example: lifting my child", "For example: running"][i] ?? ""
              }
            />
          )}
          <RadioQuestion
            legend={`How well can you do ${psfsLocked ? "it" : "this"} today? (0 = unable, 10 = as well as before)`}
            name={`psfs-rating-${i}`}
            options={SCALE_0_10}
            value={row.rating}
            onChange={(v) => set(i, { rating: v })}
            errors={errors[`activities.${i}.rating`]}
            layout="scale"
          />
        </div>
      ))}
      {!psfsLocked && padded.length < 5 && (
        <button
          type="button"
          className="min-h-11 self-start rounded-lg border border-slate-400 bg-white px-4 font-semibold hover:bg-slate-50"
          onClick={() => onChange({ activities: [...padded, { activity: "", rating: null }] })}
        >
          Add another activity
        </button>
      )}
    </div>
  );
}
