import { useId, type InputHTMLAttributes } from "react";

type CheckboxGroupProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> & {
  legend: string;
  hint?: string;
  errors?: string[];
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Side by side on a wide screen (they wrap on a phone). */
  inline?: boolean;
};

/**
 * Several choices as checkboxes in a fieldset whose legend is the question,
 * like RadioGroup: hint and errors are tied to the group, and
 * `{...register("x")}` on every box gives react-hook-form an array of the
 * ticked values.
 */
export function CheckboxGroup({ legend, hint, errors, options, inline = false, ...input }: CheckboxGroupProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      aria-invalid={errorId ? true : undefined}
      className="flex flex-col gap-1"
    >
      <legend className="font-medium text-slate-900">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <div className={inline ? "flex flex-wrap gap-x-4" : "flex flex-col"}>
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" value={o.value} className="size-5" {...input} />
            {o.label}
          </label>
        ))}
      </div>
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
