"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { settle, useServerForm } from "@/components/ui/use-server-form";
import { authorizationSchema } from "@/lib/episodes/schema";
import { ApiError } from "@/lib/http/api-client";
import { formatIsoDateOnly } from "@/lib/time/format";
import { episodeApi, type AuthorizationWire, type EpisodeViewWire } from "./episode-api";

type AuthValues = {
  payerName: string;
  reference: string;
  visitsAuthorized: string;
  validFrom: string;
  validUntil: string;
};

/**
 * The payer's authorisations with visits used, planned and left; the front
 * desk records them as often as clinicians (episode:authorize).
 */
export function AuthorizationsCard({ episode, canEdit }: { episode: EpisodeViewWire; canEdit: boolean }) {
  const router = useRouter();
  const [mode, setMode] = useState<{ kind: "add" } | { kind: "edit"; auth: AuthorizationWire } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const editable = canEdit && episode.status !== "discharged";
  const remove = async (auth: AuthorizationWire) => {
    if (!window.confirm(`Remove the ${auth.payerName} authorisation of ${auth.visitsAuthorized} visits?`)) return;
    setProblem(null);
    const outcome = await settle(
      episodeApi.removeAuthorization({ params: { episodeId: episode.id, authorizationId: auth.id } }),
    );
    if (!outcome.ok) setProblem(outcome.message);
    router.refresh();
  };
  return (
    <Card
      title="Payer authorisations"
      actions={
        editable && !mode ? (
          <Button variant="secondary" onClick={() => (setMode({ kind: "add" }), setProblem(null))}>
            Add authorisation
          </Button>
        ) : undefined
      }
    >
      {problem && (
        <div className="mb-4">
          <Alert tone="danger" role="alert" title="Not changed">
            {problem}
          </Alert>
        </div>
      )}
      {episode.authorizations.length === 0 ? (
        <p className="text-slate-700">No authorisation recorded: the visits are not limited (self-pay).</p>
      ) : (
        <ul className="grid gap-3" data-testid="authorizations">
          {episode.authorizations.map((a) => (
            <li key={a.id} className="rounded-lg border border-slate-200 p-3">
              <p className="font-semibold">
                {a.payerName}
                {a.reference ? ` · ${a.reference}` : ""}
              </p>
              <p>
                {a.visitsAuthorized} visits, {formatIsoDateOnly(a.validFrom)} to {formatIsoDateOnly(a.validUntil)}
              </p>
              <p className="text-slate-700">
                {a.used} used, {a.planned} booked, {a.remaining} left
              </p>
              {editable && !mode && (
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button variant="secondary" onClick={() => (setMode({ kind: "edit", auth: a }), setProblem(null))}>
                    Edit<span className="sr-only"> {a.payerName} authorisation</span>
                  </Button>
                  <Button variant="ghost" onClick={() => void remove(a)}>
                    Remove<span className="sr-only"> {a.payerName} authorisation</span>
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {mode && (
        <div className="mt-4">
          <AuthorizationForm
            key={mode.kind === "edit" ? mode.auth.id : "add"}
            episode={episode}
            auth={mode.kind === "edit" ? mode.auth : null}
            onDone={() => {
              setMode(null);
              router.refresh();
            }}
            onProblem={(m) => {
              setProblem(m);
              setMode(null);
              router.refresh();
            }}
          />
        </div>
      )}
    </Card>
  );
}

function AuthorizationForm({
  episode,
  auth,
  onDone,
  onProblem,
}: {
  episode: EpisodeViewWire;
  auth: AuthorizationWire | null;
  onDone: () => void;
  onProblem: (message: string) => void;
}) {
  const last = episode.authorizations.at(-1);
  const { onSubmit, pending, field, formError, hasFieldErrors } = useServerForm<AuthValues, unknown>({
    defaultValues: auth
      ? {
          payerName: auth.payerName,
          reference: auth.reference ?? "",
          visitsAuthorized: String(auth.visitsAuthorized),
          validFrom: auth.validFrom,
          validUntil: auth.validUntil,
        }
      : {
          payerName: last?.payerName ?? "",
          reference: "",
          visitsAuthorized: "",
          validFrom: episode.startDate,
          validUntil: episode.plannedEndDate,
        },
    schema: authorizationSchema,
    submit: (values) => {
      const call = auth
        ? episodeApi.updateAuthorization({ params: { episodeId: episode.id, authorizationId: auth.id }, body: values })
        : episodeApi.addAuthorization({ params: { episodeId: episode.id }, body: values });
      return settle(
        call.catch((e: unknown) => {
          if (e instanceof ApiError && (e.status === 409 || e.status === 404)) onProblem(e.message);
          throw e;
        }),
      );
    },
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={auth ? "Edit authorisation" : "Add authorisation"}
      className="grid gap-4 sm:grid-cols-2"
    >
      {formError && !hasFieldErrors && (
        <div className="sm:col-span-2">
          <Alert tone="danger" role="alert">
            {formError}
          </Alert>
        </div>
      )}
      <TextField label="Payer" autoComplete="off" maxLength={120} required {...field("payerName")} />
      <TextField label="Reference (optional)" autoComplete="off" maxLength={60} {...field("reference")} />
      <TextField
        label="Visits authorised"
        type="number"
        inputMode="numeric"
        min={1}
        max={999}
        required
        {...field("visitsAuthorized")}
      />
      <span aria-hidden className="hidden sm:block" />
      <TextField label="Valid from" type="date" required {...field("validFrom")} />
      <TextField label="Valid until" type="date" required {...field("validUntil")} />
      <div className="flex flex-wrap gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : auth ? "Save authorisation" : "Add authorisation"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
