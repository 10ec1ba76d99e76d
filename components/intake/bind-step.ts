import type { StepAnswers } from "@/lib/intake/schema";
import type { IntakeStepId } from "@/lib/intake/steps";

export type StepProps<K extends IntakeStepId> = {
  value: StepAnswers<K>;
  onChange(patch: Partial<StepAnswers<K>>): void;
  errors: Record<string, string[]>;
  psfsLocked?: boolean;
};

/**
 * Wires one answer of a step to a control: its name (which server field errors
 * and the error summary use), its value, its change handler and its errors.
 * A plain function rather than a form library: every change is saved as the
 * patient types (draft-saver.ts), so there is no form state of its own to keep.
 */
export function bindStep<A extends object>({
  value,
  onChange,
  errors,
}: {
  value: A;
  onChange(patch: Partial<A>): void;
  errors: Record<string, string[]>;
}) {
  type Name = keyof A & string;
  const set =
    <N extends Name>(name: N) =>
    (v: NonNullable<A[N]>) =>
      onChange({ [name]: v } as Partial<A>);
  return {
    /** components/ui TextField: a native input's change event. */
    input: <N extends Name>(name: N) => ({
      name,
      value: (value[name] ?? "") as string,
      onChange: (e: { target: { value: string } }) => set(name)(e.target.value as NonNullable<A[N]>),
      errors: errors[name],
    }),
    /** TextAreaField: the text itself. */
    text: <N extends Name>(name: N) => ({
      name,
      value: (value[name] ?? "") as string,
      onChange: (v: string) => set(name)(v as NonNullable<A[N]>),
      errors: errors[name],
    }),
    /** RadioQuestion: one answer, or none yet. */
    choice: <N extends Name>(name: N) => ({
      name,
      value: value[name] as NonNullable<A[N]> | null | undefined,
      onChange: set(name),
      errors: errors[name],
    }),
    /** CheckboxQuestion: every answer ticked. */
    choices: <N extends Name>(name: N) => ({
      name,
      values: (value[name] ?? []) as NonNullable<A[N]>,
      onChange: set(name),
      errors: errors[name],
    }),
  };
}

/** A question's options from a value list and its label table (lib/intake/options.ts). */
export function optionsOf<V extends string>(values: readonly V[], label: Record<V, string>) {
  return values.map((v) => ({ value: v, label: label[v] }));
}
