import { apiClient, ApiError, FALLBACK_MESSAGE } from "@/lib/http/api-client";
import type { ResponseOf } from "@/lib/http/endpoint";
import type { intakeFillContracts } from "@/lib/intake/contracts";
import { intakeFillRoutes } from "@/lib/intake/routes";
import type { DraftAnswers } from "@/lib/intake/schema";
import type { IntakeStepId } from "@/lib/intake/steps";

type C = typeof intakeFillContracts;
const api = apiClient<C>(intakeFillRoutes);

/** How the patient reached the intake: the emailed link's token, or their own intake in the portal. */
export type IntakeAccess = { token: string } | { intakeId: string };

export type DraftToSave = { answers: DraftAnswers; baseRevision: number; currentStep?: IntakeStepId };
export type SavedDraft = ResponseOf<C["linkSaveDraft"]>["saved"];
export type SubmittedIntake = ResponseOf<C["linkSubmit"]>["submitted"];

/** Load, save and submit one intake; the same bodies whichever way the patient came in. Failures are ApiErrors. */
export type IntakeFillApi = {
  load(): Promise<ResponseOf<C["linkIntake"]>["intake"]>;
  /** `onHide`: the page is being hidden or closed, so the save goes as a keepalive POST. */
  save(draft: DraftToSave, onHide: boolean): Promise<SavedDraft>;
  submit(submissionKey: string): Promise<SubmittedIntake>;
};

export function intakeFillApi(access: IntakeAccess): IntakeFillApi {
  if ("token" in access) {
    const params = { token: access.token };
    return {
      load: async () => (await api.linkIntake({ params })).intake,
      save: async (body, onHide) =>
        (await (onHide ? api.linkSaveDraftOnHide : api.linkSaveDraft)({ params, body, keepalive: onHide })).saved,
      submit: async (submissionKey) => (await api.linkSubmit({ params, body: { submissionKey } })).submitted,
    };
  }
  const params = { intakeId: access.intakeId };
  return {
    load: async () => (await api.ownIntake({ params })).intake,
    save: async (body, onHide) =>
      (await (onHide ? api.ownSaveDraftOnHide : api.ownSaveDraft)({ params, body, keepalive: onHide })).saved,
    submit: async (submissionKey) => (await api.ownSubmit({ params, body: { submissionKey } })).submitted,
  };
}

/** The server's own words when it answered with some, else what this screen says in their place. */
export function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.status !== 0 && error.message !== FALLBACK_MESSAGE
    ? error.message
    : fallback;
}
