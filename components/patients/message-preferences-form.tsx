"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RadioGroup, SelectField, TextField } from "@/components/ui/field";
import { settle, useServerForm } from "@/components/ui/use-server-form";
import type { MessagePreferences } from "@/lib/patients/message-preferences";
import {
  CONSENT_METHOD_LABEL,
  CONSENT_METHODS,
  CONSENT_SOURCE_LABEL,
  MESSAGE_CHANNEL_CHOICES,
  MESSAGE_CHANNEL_LABEL,
  messagePreferencesSchema,
  type MessageChannelChoice,
} from "@/lib/patients/message-preferences-schema";
import { formatDateTime } from "@/lib/time/format";
import { patientsApi } from "./patients-api";

type Values = {
  channels: MessageChannelChoice;
  phone: string;
  consent: boolean;
  consentMethod: "" | (typeof CONSENT_METHODS)[number];
};

/** Where consent stands, in one sentence: who said yes, when and how, or when it was withdrawn. */
export function TextConsentState({ preferences: p, timeZone }: { preferences: MessagePreferences; timeZone: string }) {
  if (p.textsAllowed)
    return (
      <p data-testid="text-consent-state">
        <strong>Texts allowed</strong> to {p.phoneText}: consent given {formatDateTime(p.textConsentAt!, timeZone)}{" "}
        {CONSENT_SOURCE_LABEL[p.textConsentSource ?? ""] ?? `(${p.textConsentSource})`}.
      </p>
    );
  if (p.textOptedOutAt)
    return (
      <p data-testid="text-consent-state">
        <strong>No texts:</strong> opted out {formatDateTime(p.textOptedOutAt, timeZone)}.
      </p>
    );
  return (
    <p data-testid="text-consent-state">
      <strong>No texts:</strong> no consent to text messages on file.
    </p>
  );
}

/**
 * Email, text or both. Choosing text shows the number and the consent box
 * (never ticked in advance: consent must be an act). The front desk also says
 * how the patient agreed. Used by the portal and the patient's page alike.
 */
export function MessagePreferencesForm({
  preferences,
  asStaff,
}: {
  preferences: MessagePreferences;
  /** The front desk records consent the patient gave in person or by phone. */
  asStaff: boolean;
}) {
  const router = useRouter();
  const consentId = useId();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, onSubmit, pending, formError, hasFieldErrors, field, errorsOf } = useServerForm<
    Values,
    { preferences: MessagePreferences }
  >({
    defaultValues: { channels: preferences.channels, phone: preferences.phoneText, consent: false, consentMethod: "" },
    schema: messagePreferencesSchema,
    submit: (values) => {
      setSaved(null);
      return settle(patientsApi.setMessagePreferences({ params: { patientId: preferences.patientId }, body: values }));
    },
    onSuccess: ({ preferences: now }) => {
      form.reset({ channels: now.channels, phone: now.phoneText, consent: false, consentMethod: "" });
      setSaved(
        now.textsAllowed
          ? `Saved: ${MESSAGE_CHANNEL_LABEL[now.channels].toLowerCase()}.`
          : "Saved: email only. No more text messages will be sent.",
      );
      router.refresh();
    },
  });
  const channels = form.watch("channels");
  const phone = form.watch("phone");
  const wantsText = channels !== "email";
  // A standing consent covers the number it was given for; a new number needs the box again.
  const needsConsent = wantsText && !(preferences.textsAllowed && phone.trim() === preferences.phoneText);
  const consentErrors = errorsOf("consent");

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="How we contact you">
      {saved && (
        <Alert tone="success" role="status">
          {saved}
        </Alert>
      )}
      {formError && !hasFieldErrors && (
        <Alert tone="danger" role="alert">
          {formError}
        </Alert>
      )}
      <RadioGroup
        legend={asStaff ? "Reminders and offers go by" : "Send me reminders and offers by"}
        options={MESSAGE_CHANNEL_CHOICES.map((c) => ({ value: c, label: MESSAGE_CHANNEL_LABEL[c] }))}
        {...field("channels")}
      />
      {wantsText && (
        <TextField
          label="Mobile number for texts"
          type="tel"
          autoComplete={asStaff ? "off" : "tel"}
          inputMode="tel"
          {...field("phone")}
        />
      )}
      {needsConsent && (
        <div className="flex flex-col gap-1">
          <label htmlFor={consentId} className="flex items-start gap-3">
            <input
              id={consentId}
              type="checkbox"
              className="mt-1 size-5 shrink-0"
              aria-invalid={consentErrors ? true : undefined}
              aria-describedby={consentErrors ? `${consentId}-error` : undefined}
              {...form.register("consent")}
            />
            <span>
              {asStaff ? "The patient agreed to this: " : ""}
              {preferences.consentWording}
            </span>
          </label>
          {consentErrors && (
            <p id={`${consentId}-error`} className="text-sm font-medium text-red-700">
              {consentErrors.join(" ")}
            </p>
          )}
        </div>
      )}
      {needsConsent && asStaff && (
        <SelectField label="How the patient agreed" {...field("consentMethod")}>
          <option value="">Choose…</option>
          {CONSENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {CONSENT_METHOD_LABEL[m]}
            </option>
          ))}
        </SelectField>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
