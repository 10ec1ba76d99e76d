"use client";

import { useState } from "react";

export type FieldErrors = Record<string, string[]>;
type Outcome<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fieldErrors: FieldErrors };

/** POSTs JSON to one of the account endpoints and keeps the state a small form shows. */
export function useJsonPost<T>(url: string) {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function post(body: unknown): Promise<Outcome<T>> {
    setPending(true);
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = (await res.json().catch(() => null)) as
        (T & { error?: { message?: string; fieldErrors?: FieldErrors } }) | null;
      if (res.ok) {
        setErrors({});
        setMessage(null);
        return { ok: true, data: json as T };
      }
      const fieldErrors = json?.error?.fieldErrors ?? {};
      const text = json?.error?.message ?? "Something went wrong. Please try again.";
      setErrors(fieldErrors);
      setMessage(text);
      return { ok: false, status: res.status, message: text, fieldErrors };
    } catch {
      const text = "We could not reach Mend. Check your connection and try again.";
      setMessage(text);
      return { ok: false, status: 0, message: text, fieldErrors: {} };
    } finally {
      setPending(false);
    }
  }

  return { pending, errors, setErrors, message, setMessage, post };
}
