"use client";

import { useState, useTransition, type FormEvent } from "react";

type Result<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/**
 * The plumbing every server-action form repeats: pending state, field errors
 * next to inputs, one message, and a fresh form after success.
 */
export function useActionForm<T>(
  action: (values: Record<string, FormDataEntryValue>) => Promise<Result<T>>,
  onSuccess?: (data: T) => void,
) {
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    startTransition(async () => {
      const result = await action(values);
      if (result.ok) {
        setFieldErrors({});
        setError(null);
        setFormKey((k) => k + 1);
        onSuccess?.(result.data);
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setError(Object.keys(result.fieldErrors ?? {}).length ? null : result.message);
      }
    });
  }

  return { pending, fieldErrors, error, formKey, onSubmit };
}
