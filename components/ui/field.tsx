import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

type FieldIds = { inputId: string; describedBy?: string; invalid: boolean };
type FieldShellProps = {
  label: string;
  hint?: string;
  errors?: string[];
  children: (ids: FieldIds) => ReactNode;
};

/** Label, hint and errors wired to the control with ids, so screen readers read them together. */
export function FieldShell({ label, hint, errors, children }: FieldShellProps) {
  const inputId = useId();
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="font-medium text-slate-900">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children({ inputId, describedBy, invalid: Boolean(errorId) })}
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}

const CONTROL =
  "min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500";

/** The attributes that tie a control to its label, hint and errors, and its invalid look. */
function wired({ inputId, describedBy, invalid }: FieldIds, className = "") {
  return {
    id: inputId,
    "aria-describedby": describedBy,
    "aria-invalid": invalid || undefined,
    className: `${CONTROL} ${invalid ? "border-red-700" : "border-slate-400"} ${className}`,
  };
}

export function TextField({
  label,
  hint,
  errors,
  className = "",
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; errors?: string[] }) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(ids) => <input {...wired(ids, className)} {...props} />}
    </FieldShell>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; hint?: string; errors?: string[] }) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(ids) => (
        <select {...wired(ids)} {...props}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export function TextArea({
  label,
  hint,
  errors,
  className = "",
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; errors?: string[] }) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(ids) => <textarea {...wired(ids, className)} {...props} />}
    </FieldShell>
  );
}

type ChoiceGroupProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> & {
  legend: string;
  hint?: string;
  errors?: string[];
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Side by side on a wide screen; stacked is easier to tap on a phone. */
  inline?: boolean;
};

/**
 * Choices as radio buttons: one answer, in a fieldset whose legend is the
 * question; the hint and errors are tied to the group, so a screen reader
 * reads them once with the question. `{...register("x")}` spreads onto every radio.
 */
export function RadioGroup(props: ChoiceGroupProps) {
  return <ChoiceGroup type="radio" {...props} />;
}

/**
 * Several answers as checkboxes, wired like RadioGroup: `{...register("x")}`
 * on every box gives react-hook-form an array of the ticked values.
 */
export function CheckboxGroup(props: ChoiceGroupProps) {
  return <ChoiceGroup type="checkbox" {...props} />;
}

function ChoiceGroup({
  type,
  legend,
  hint,
  errors,
  options,
  inline = false,
  ...input
}: ChoiceGroupProps & { type: "radio" | "checkbox" }) {
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
            <input type={type} value={o.value} className="size-5" {...input} />
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
