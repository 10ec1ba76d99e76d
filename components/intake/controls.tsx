"use client";

import { useId, type ReactNode } from "react";

/** Errors for one field, or nothing. Shared so every question shows errors the same way. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm font-semibold text-red-700">
      {errors.join(" ")}
    </p>
  );
}

type Option<V extends string | number> = { value: V; label: ReactNode };

/**
 * A question with one answer: a fieldset of large, tappable radio rows.
 * `name` must be unique on the page; `errorKey` ties it to server field errors.
 */
export function RadioQuestion<V extends string | number>({
  legend,
  hint,
  name,
  options,
  value,
  onChange,
  errors,
  layout = "stack",
}: {
  legend: ReactNode;
  hint?: ReactNode;
  name: string;
  options: readonly Option<V>[];
  value: V | null | undefined;
  onChange(value: V): void;
  errors?: string[];
  layout?: "stack" | "row" | "scale";
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const grid =
    layout === "scale"
      ? "grid grid-cols-6 gap-1.5 sm:grid-cols-11"
      : layout === "row"
        ? "flex flex-wrap gap-2"
        : "flex flex-col gap-2";
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={describedBy}
      aria-invalid={errors?.length ? true : undefined}
      data-field={name}
    >
      <legend className="mb-1 font-semibold text-slate-900">{legend}</legend>
      {hint && (
        <p id={hintId} className="-mt-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
      <FieldError id={errorId} errors={errors} />
      <div className={grid}>
        {options.map((o) => {
          const checked = value === o.value;
          return (
            <label
              key={String(o.value)}
              className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-700 ${
                layout === "scale" ? "justify-center px-1 text-center font-semibold" : ""
              } ${checked ? "border-brand-700 bg-brand-50 ring-2 ring-brand-700" : "border-slate-400 bg-white hover:bg-slate-50"}`}
            >
              <input
                type="radio"
                name={name}
                className={layout === "scale" ? "sr-only" : "h-5 w-5 shrink-0 accent-brand-700"}
                checked={checked}
                onChange={() => onChange(o.value)}
              />
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function CheckboxQuestion<V extends string>({
  legend,
  hint,
  name,
  options,
  values,
  onChange,
  errors,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  name: string;
  options: readonly Option<V>[];
  values: readonly V[];
  onChange(values: V[]): void;
  errors?: string[];
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy} data-field={name}>
      <legend className="mb-1 font-semibold text-slate-900">{legend}</legend>
      {hint && (
        <p id={hintId} className="-mt-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
      <FieldError id={errorId} errors={errors} />
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => {
          const checked = values.includes(o.value);
          return (
            <label
              key={o.value}
              className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-700 ${
                checked ? "border-brand-700 bg-brand-50" : "border-slate-400 bg-white hover:bg-slate-50"
              }`}
            >
              <input
                type="checkbox"
                name={name}
                className="h-5 w-5 shrink-0 accent-brand-700"
                checked={checked}
                onChange={(e) =>
                  onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))
                }
              />
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export const SCALE_0_10 = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }));

export function TextAreaField({
  label,
  hint,
  value,
  onChange,
  errors,
  name,
  rows = 3,
  maxLength,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  errors?: string[];
  name: string;
  rows?: number;
  maxLength?: number;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1" data-field={name}>
      <label htmlFor={id} className="font-semibold text-slate-900">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={errorId ? true : undefined}
        className={`w-full rounded-lg border bg-white px-3 py-2 text-base ${errorId ? "border-red-700" : "border-slate-400"}`}
      />
      {errorId && <FieldError id={errorId} errors={errors} />}
    </div>
  );
}
