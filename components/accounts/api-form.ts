"use client";

import { useState } from "react";
import type { accountContracts } from "@/lib/accounts/contracts";
import { accountRoutes } from "@/lib/accounts/routes";
import type { FieldErrors } from "@/lib/errors";
import { ApiError, call, FALLBACK_MESSAGE } from "@/lib/http/api-client";
import type { RequestOf, ResponseOf } from "@/lib/http/endpoint";

type C = typeof accountContracts;
export type AccountEndpoint = keyof C;
type Outcome<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fieldErrors: FieldErrors };

/**
 * POSTs to one of the emailed-link account endpoints through the api client
 * and keeps the state a small form shows. These pages carry a JS budget, so no
 * form library here: a password, a repeat, and the server's field errors.
 */
export function useAccountPost<E extends AccountEndpoint>(endpoint: E, params?: Record<string, string>) {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function post(
    ...[body]: RequestOf<C[E]> extends undefined ? [] : [RequestOf<C[E]>]
  ): Promise<Outcome<ResponseOf<C[E]>>> {
    setPending(true);
    try {
      const data = await call<C[E]>(accountRoutes[endpoint], { params, body } as never);
      setErrors({});
      setMessage(null);
      return { ok: true, data };
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, "unknown", FALLBACK_MESSAGE);
      setErrors(error.fieldErrors);
      setMessage(error.message);
      return { ok: false, status: error.status, message: error.message, fieldErrors: error.fieldErrors };
    } finally {
      setPending(false);
    }
  }

  return { pending, errors, setErrors, message, setMessage, post };
}
