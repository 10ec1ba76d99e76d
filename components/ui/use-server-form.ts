"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { ApiError, FALLBACK_MESSAGE } from "@/lib/http/api-client";
import { shownFields, splitServerErrors } from "./server-errors";

/** What a save answers: a server action's ActionResult, or an API call through `settle` (with its HTTP status). */
export type Outcome<T> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors?: FieldErrors; status?: number };

/** An API call as an Outcome, so API-backed and action-backed forms share one path. */
export async function settle<T>(call: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, data: await call };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, status: e.status };
    return { ok: false, message: FALLBACK_MESSAGE };
  }
}

type Options<V extends FieldValues, T> = {
  defaultValues: DefaultValues<V>;
  /** The schema the server parses with, run in the browser first for instant messages (raw values are sent). */
  schema?: z.ZodType;
  /**
   * Resolves to null when the form deals with the outcome itself: nothing was sent (it asked for a
   * confirmation first), or a refusal it shows its own way (a version conflict with the current version).
   */
  submit: (values: V) => Promise<Outcome<T> | null>;
  onSuccess?: (data: T, values: V) => void;
  /** Empty the form after a save (an "add" form); an edit form keeps what was saved. */
  resetOnSuccess?: boolean;
};

export type ServerForm<V extends FieldValues> = {
  form: UseFormReturn<V>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  /** The server's message when a save failed (plus field errors this form has no field for). */
  formError: string | null;
  /** Whether the last failure named fields (forms often show only those, not the summary). */
  hasFieldErrors: boolean;
  /**
   * The message(s) for one field, client or server, as the `errors` prop of the ui fields takes them.
   * Any path works, nested ones too ("items.2.dosage.sets"); asking for it is what tells the form the
   * field is on screen, so the server's error for that path lands here rather than in `formError`.
   */
  errorsOf: (name: Path<V>) => string[] | undefined;
  /** Everything a ui field needs for one value: `<TextField label="…" {...field("name")} />`. */
  field: (name: Path<V>) => ReturnType<UseFormReturn<V>["register"]> & { errors?: string[] };
};

/**
 * The one way Mend's forms submit: react-hook-form holds the values, the
 * domain's zod schema checks them in the browser, and whatever the server
 * refuses comes back beside the same fields (setError), not only as a banner.
 */
export function useServerForm<V extends FieldValues, T = unknown>(options: Options<V, T>): ServerForm<V> {
  const form = useForm<V>({
    defaultValues: options.defaultValues,
    resolver: options.schema
      ? (zodResolver(options.schema as never, undefined, { raw: true }) as unknown as Resolver<V>)
      : undefined,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [hasFieldErrors, setHasFieldErrors] = useState(false);
  // Paths the form rendered an error slot for; a set kept for the form's life, filled as rows appear.
  const [rendered] = useState(() => new Set<string>());

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setHasFieldErrors(false);
    const result = await options.submit(values);
    if (result === null) return;
    if (result.ok) {
      if (options.resetOnSuccess) form.reset();
      options.onSuccess?.(result.data, values);
      return;
    }
    const { byField, other } = splitServerErrors(
      result.fieldErrors,
      shownFields(Object.keys(options.defaultValues), rendered),
    );
    for (const [name, message] of Object.entries(byField))
      form.setError(name as Path<V>, { type: "server", message }, { shouldFocus: true });
    setHasFieldErrors(Object.keys(byField).length > 0);
    setFormError([result.message, ...other].join(" "));
  });

  const errorsOf = (name: Path<V>) => {
    rendered.add(name);
    const error = form.getFieldState(name, form.formState).error;
    // A list's own error (too many rows) sits on `root` when the schema found it, on the list when the server did.
    const message = error?.message ?? (error as { root?: { message?: string } } | undefined)?.root?.message;
    return message ? [message] : undefined;
  };

  const field = (name: Path<V>) => ({ ...form.register(name), errors: errorsOf(name) });

  return { form, onSubmit, pending: form.formState.isSubmitting, formError, hasFieldErrors, errorsOf, field };
}
