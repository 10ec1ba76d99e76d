import type { MatrixIds } from "./http-matrix-table";

/**
 * Every page (app/**\/page.tsx) with its ids filled, for the check that no GET
 * changes state. The meta-test fails when a page is missing here.
 */
export const PAGE_PATHS: Record<string, (ids: MatrixIds) => string> = {
  "app/page.tsx": () => "/",
  "app/sign-in/page.tsx": () => "/sign-in",
  "app/sign-in/verify/page.tsx": () => "/sign-in/verify",
  "app/forgot-password/page.tsx": () => "/forgot-password",
  // An unknown token: the "we could not find this link" page, a read only.
  "app/reset-password/[token]/page.tsx": () => `/reset-password/${"A".repeat(43)}`,
  "app/invitation/[token]/page.tsx": () => `/invitation/${"A".repeat(43)}`,
  "app/waitlist/offer/[token]/page.tsx": () => `/waitlist/offer/${"A".repeat(43)}`,
  "app/account/password/page.tsx": () => "/account/password",
  "app/account/security/page.tsx": () => "/account/security",
  "app/intake/[token]/page.tsx": (ids) => `/intake/${ids.probe.intakeToken}`,
  "app/(patient)/portal/page.tsx": () => "/portal",
  "app/(patient)/portal/appointments/page.tsx": () => "/portal/appointments",
  "app/(patient)/portal/waitlist/page.tsx": () => "/portal/waitlist",
  "app/(patient)/portal/exercises/page.tsx": () => "/portal/exercises",
  "app/(patient)/portal/messages/page.tsx": () => "/portal/messages",
  "app/(patient)/portal/exercises/history/page.tsx": () => "/portal/exercises/history",
  "app/(patient)/portal/exercises/handout/page.tsx": () => "/portal/exercises/handout",
  "app/(patient)/portal/intake/[intakeId]/page.tsx": (ids) => `/portal/intake/${ids.jordan.draftIntakeId}`,
  "app/(patient)/portal/intakes/[intakeId]/page.tsx": (ids) => `/portal/intakes/${ids.alex.intakeId}`,
  "app/(staff)/clinic/admin/page.tsx": () => "/clinic/admin",
  "app/(staff)/clinic/admin/attendance/page.tsx": () => "/clinic/admin/attendance",
  "app/(staff)/clinic/admin/audit/page.tsx": () => "/clinic/admin/audit",
  "app/(staff)/clinic/admin/booking/page.tsx": () => "/clinic/admin/booking",
  "app/(staff)/clinic/admin/mailbox/page.tsx": () => "/clinic/admin/mailbox",
  "app/(staff)/clinic/admin/text-replies/page.tsx": () => "/clinic/admin/text-replies",
  "app/(staff)/clinic/admin/texts/page.tsx": () => "/clinic/admin/texts",
  "app/(staff)/clinic/admin/settings/page.tsx": () => "/clinic/admin/settings",
  "app/(staff)/clinic/admin/monitoring/page.tsx": () => "/clinic/admin/monitoring",
  "app/(staff)/clinic/calendar/page.tsx": () => "/clinic/calendar",
  "app/(staff)/clinic/exercises/page.tsx": () => "/clinic/exercises",
  "app/(staff)/clinic/exercises/[exerciseId]/page.tsx": (ids) => `/clinic/exercises/${ids.exerciseId}`,
  "app/(staff)/clinic/exercises/adherence/page.tsx": () => "/clinic/exercises/adherence",
  "app/(staff)/clinic/exercises/new/page.tsx": () => "/clinic/exercises/new",
  "app/(staff)/clinic/exercises/templates/page.tsx": () => "/clinic/exercises/templates",
  "app/(staff)/clinic/front-desk/page.tsx": () => "/clinic/front-desk",
  "app/(staff)/clinic/front-desk/waitlist/page.tsx": () => "/clinic/front-desk/waitlist",
  "app/(staff)/clinic/front-desk/follow-up/page.tsx": () => "/clinic/front-desk/follow-up",
  "app/(staff)/clinic/therapist/page.tsx": () => "/clinic/therapist",
  "app/(staff)/clinic/patients/page.tsx": () => "/clinic/patients",
  "app/(staff)/clinic/patients/[patientId]/page.tsx": (ids) => `/clinic/patients/${ids.alex.patientId}`,
  "app/(staff)/clinic/patients/[patientId]/progress/page.tsx": (ids) =>
    `/clinic/patients/${ids.alex.patientId}/progress`,
  "app/(staff)/clinic/patients/[patientId]/exercises/page.tsx": (ids) =>
    `/clinic/patients/${ids.alex.patientId}/exercises`,
  "app/(staff)/clinic/patients/[patientId]/exercises/edit/page.tsx": (ids) =>
    `/clinic/patients/${ids.alex.patientId}/exercises/edit`,
  "app/(staff)/clinic/patients/[patientId]/exercises/handout/page.tsx": (ids) =>
    `/clinic/patients/${ids.alex.patientId}/exercises/handout`,
  "app/(staff)/clinic/outcomes/page.tsx": () => "/clinic/outcomes",
  "app/(staff)/clinic/patients/[patientId]/episodes/[episodeId]/summary/page.tsx": (ids) =>
    `/clinic/patients/${ids.alex.patientId}/episodes/${ids.alex.episodeId ?? "00000000-0000-4000-8000-000000000000"}/summary`,
  "app/(staff)/clinic/patients/[patientId]/intakes/[intakeId]/page.tsx": (ids) =>
    `/clinic/patients/${ids.alex.patientId}/intakes/${ids.alex.intakeId}`,
  "app/(staff)/clinic/patients/[patientId]/episodes/[episodeId]/page.tsx": (ids) =>
    `/clinic/patients/${ids.alex.patientId}/episodes/${ids.alex.episodeId}`,
};
