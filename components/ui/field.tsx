import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

type FieldShellProps = {
  label: string;
  hint?: string;
  errors?: string[];
  children: (ids: { inputId: string; describedBy?: string; invalid: boolean }) => ReactNode;
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

export function TextField({
  label,
  hint,
  errors,
  className = "",
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; errors?: string[] }) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${CONTROL} ${invalid ? "border-red-700" : "border-slate-400"} ${className}`}
          {...props}
        />
      )}
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
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${CONTROL} ${invalid ? "border-red-700" : "border-slate-400"}`}
          {...props}
        >
          {children}
        </select>
      )}
    </FieldShell>
  );
}
