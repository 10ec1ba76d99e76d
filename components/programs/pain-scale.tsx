"use client";

/** 0-10 as eleven large radio buttons: quicker with a thumb than a slider, and exact for screen readers. */
export function PainScale({
  name,
  legend,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  value: number | null;
  onChange: (v: number) => void;
  error?: string;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="font-medium text-slate-900">{legend}</legend>
      <p className="text-sm text-slate-700">0 = no pain, 10 = worst pain imaginable</p>
      <div className="mt-1 grid grid-cols-11 gap-0.5">
        {Array.from({ length: 11 }, (_, n) => (
          <label key={n} className="relative">
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              className="peer absolute inset-0 h-full w-full cursor-pointer opacity-0"
              aria-label={`${n}`}
            />
            <span
              aria-hidden="true"
              className="flex min-h-11 items-center justify-center rounded border border-slate-400 bg-white text-base font-semibold text-slate-900 peer-checked:border-brand-800 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700"
            >
              {n}
            </span>
          </label>
        ))}
      </div>
      {error && <p className="mt-1 text-sm font-medium text-red-700">{error}</p>}
    </fieldset>
  );
}
