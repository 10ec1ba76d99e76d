import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { inviteStaff } from "@/lib/accounts/invite-staff";
import { sendPortalInvitation } from "@/lib/accounts/send-portal-invitation";
import { listStaffInvitations, resendStaffInvitation, revokeStaffInvitation } from "@/lib/accounts/staff-invitations";
import { auditChainCounts, listAuditEvents, listClinicUsers } from "@/lib/audit/list-audit-events";
import { assertCan, can } from "@/lib/auth/authorize";
import { changeEmail } from "@/lib/auth/change-email";
import { changePassword } from "@/lib/auth/change-password";
import { confirmIdentity, hasRecentReauth, regenerateRecoveryCodes, requireRecentReauth } from "@/lib/auth/mfa";
import { listAppointmentTypes, saveAppointmentType } from "@/lib/booking/appointment-types";
import { bookAppointment, freshSlotsAround } from "@/lib/booking/book-appointment";
import { bookSeries } from "@/lib/booking/book-series";
import {
  assertMayBook,
  assertNoEmergencyFlag,
  bookingPatientId,
  ownOrRequestedPatient,
} from "@/lib/booking/booking-access";
import { getAttendanceReport } from "@/lib/booking/attendance-report";
import { DEFAULT_BOOKING_SETTINGS, getBookingSettings, updateBookingSettings } from "@/lib/booking/booking-settings";
import { getReminderSchedule, updateReminderSchedule } from "@/lib/booking/reminder-schedule";
import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from "@/lib/booking/calendar-feed";
import { cancelAppointment } from "@/lib/booking/cancel-appointment";
import { changeAppointmentStatus } from "@/lib/booking/change-appointment-status";
import { assertBookableStart, checkBookableStart } from "@/lib/booking/check-start";
import { loadSchedules } from "@/lib/booking/load-availability";
import { addDays, localDateOf, todayIn } from "@/lib/time/calendar-rules";
import { refillShare } from "@/lib/waitlist/refill-share";
import { getWaitlistSettings, updateWaitlistSettings } from "@/lib/waitlist/waitlist-settings";
import { bookableType, findSlots } from "@/lib/booking/find-slots";
import { previousResult } from "@/lib/booking/idempotency";
import { listCalendar } from "@/lib/booking/list-calendar";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { updateClinicSettings } from "@/lib/clinics/update-clinic-settings";
import { listMyAppointments } from "@/lib/booking/list-my-appointments";
import { findVisibleAppointment, visibleAppointments } from "@/lib/booking/load-appointment";
import { moveAppointment } from "@/lib/booking/move-appointment";
import {
  addScheduleOverride,
  listTherapistSchedules,
  removeScheduleOverride,
  setWeeklyHours,
} from "@/lib/booking/therapist-schedules";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { exportEpisodeFhir, exportOwnFhirRecord } from "@/lib/episodes/export-fhir-record";
import { getMonitoringDays } from "@/lib/episodes/get-monitoring-days";
import { listMonitoringThresholds, saveMonitoringThreshold } from "@/lib/episodes/monitoring-thresholds";
import { getExercise } from "@/lib/exercises/get-exercise";
import { listExercises, listLibraryMuscles } from "@/lib/exercises/list-exercises";
import { openExerciseMedia } from "@/lib/exercises/open-exercise-media";
import { createExercise, setExerciseArchived, updateExercise } from "@/lib/exercises/save-exercise";
import { removeExerciseMedia, uploadExerciseMedia } from "@/lib/exercises/upload-exercise-media";
import { acknowledgeRedFlag } from "@/lib/intake/acknowledge-red-flag";
import { exportIntakeFhir } from "@/lib/intake/export-intake-fhir";
import { getIntakeForFilling } from "@/lib/intake/get-intake-for-filling";
import { getIntakeForReview, loadIntakeForReview } from "@/lib/intake/get-intake-for-review";
import { getIntakeStatus } from "@/lib/intake/get-intake-status";
import { getEpisodeStanding } from "@/lib/episodes/get-episode-standing";
import { getPatientProgress } from "@/lib/intake/get-patient-progress";
import { getDischargeSummary } from "@/lib/episodes/get-discharge-summary";
import { getOutcomeReport } from "@/lib/outcomes/get-outcome-report";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createOutcomeEpisode } from "../../../prisma/seed/outcome-episode";
import { auditWho, isLinkActor, type IntakeActor } from "@/lib/intake/intake-actor";
import { fillableIntakeWhere, intakeOutOfReach } from "@/lib/intake/intake-scope";
import { listClinicIntakes } from "@/lib/intake/list-clinic-intakes";
import { listOwnIntakes } from "@/lib/intake/list-own-intakes";
import { listRedFlagAlerts } from "@/lib/intake/list-red-flag-alerts";
import { revokeIntakeLinks } from "@/lib/intake/revoke-intake-links";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";
import { sendIntakeLink } from "@/lib/intake/send-intake-link";
import { submitIntake } from "@/lib/intake/submit-intake";
import { completeFrontDeskTask, listOpenFrontDeskTasks } from "@/lib/front-desk/front-desk-tasks";
import { getEpisodeSettings, updateEpisodeSettings } from "@/lib/episodes/episode-settings";
import { listFollowUps } from "@/lib/episodes/list-follow-ups";
import { remindFollowUp } from "@/lib/episodes/remind-follow-up";
import { listMailbox } from "@/lib/notifications/list-mailbox";
import { listTexts } from "@/lib/notifications/list-texts";
import { retryFailedMessage } from "@/lib/notifications/retry-message";
import { getPatient } from "@/lib/patients/get-patient";
import { getMessagePreferences, setMessagePreferences } from "@/lib/patients/message-preferences";
import { patientOutOfReach, visiblePatients } from "@/lib/patients/patient-access";
import { registerPatient } from "@/lib/patients/register-patient";
import { listCaseload } from "@/lib/patients/list-caseload";
import { searchPatients } from "@/lib/patients/search-patients";
import { setPatientActive } from "@/lib/patients/set-patient-active";
import { updatePatient } from "@/lib/patients/update-patient";
import { endProgram } from "@/lib/programs/end-program";
import { getExerciseHistory } from "@/lib/programs/get-exercise-history";
import { getPatientProgram, loadPatientProgram } from "@/lib/programs/get-patient-program";
import { getProgramFollowUp } from "@/lib/programs/get-program-follow-up";
import { getProgramHandout } from "@/lib/programs/get-program-handout";
import { getToday } from "@/lib/programs/get-today";
import { listLowAdherence } from "@/lib/programs/list-low-adherence";
import { logExerciseSessions } from "@/lib/programs/log-exercise-sessions";
import { programPatient } from "@/lib/programs/program-access";
import {
  archiveProgramTemplate,
  listProgramTemplates,
  saveProgramTemplate,
  setTemplateMatchedRisk,
} from "@/lib/programs/program-templates";
import { saveProgram } from "@/lib/programs/save-program";
import { listStaff } from "@/lib/staff/list-staff";
import { resetStaffMfa } from "@/lib/staff/reset-staff-mfa";
import { setUserActive } from "@/lib/staff/set-user-active";
import { listInboundTexts, simulateInboundText } from "@/lib/text-replies/text-reply-log";
import { addWaitlistEntry } from "@/lib/waitlist/add-waitlist-entry";
import { listFreedTimes } from "@/lib/waitlist/list-freed-times";
import { listWaitlistEntries } from "@/lib/waitlist/list-waitlist-entries";
import { findVisibleEntry } from "@/lib/waitlist/load-entry";
import { removeWaitlistEntry } from "@/lib/waitlist/remove-waitlist-entry";
import { setEntryPriority } from "@/lib/waitlist/set-entry-priority";
import { assertMayUseWaitlist } from "@/lib/waitlist/waitlist-access";
import { createPatient } from "../../factories";
import { createWaitlistEntry } from "../../factories/waitlist";
import { createEpisode, dischargeOpenEpisodes } from "../../factories/episodes";
import { addAuthorization, removeAuthorization, updateAuthorization } from "@/lib/episodes/authorizations";
import { changeEpisodeStatus } from "@/lib/episodes/change-episode-status";
import { findEpisodeRow } from "@/lib/episodes/episode-view";
import { getEpisode, listPatientEpisodes } from "@/lib/episodes/get-episode";
import { openEpisode } from "@/lib/episodes/open-episode";
import { updateEpisodePlan } from "@/lib/episodes/update-episode-plan";
import { itemInput } from "../../factories/exercises";
import { exerciseInput, PNG, TIME_ZONE, type Persona, type UserPersona, type World } from "./world";

/**
 * The data-access authorization matrix: every exported function under lib/
 * that takes an Actor (the meta-test, tests/unit/security/authz-inventory
 * .test.ts, lists them from the source and fails on any missing here), called
 * as each persona against patient B's records, with the outcome each must
 * get. "ok" calls are also checked for text the persona must never receive
 * (data-access-matrix.test.ts). Helpers without a check of their own (scoping
 * filters, pure functions) are called too: they must scope by the actor.
 */
export type Outcome = "ok" | "forbidden" | "not_found" | "validation" | "conflict" | "unauthenticated";

export type Case = {
  label?: string;
  run: (w: World, actor: Actor, persona: Persona) => Promise<unknown>;
  expect: Record<UserPersona, Outcome> & { linkHolder?: Outcome };
  /** Runs once before each persona's call (e.g. clears the step-up window). */
  before?: (w: World, actor: Actor) => Promise<unknown>;
  /** Further checks on a call that succeeded. */
  verify?: (w: World, actor: Actor, persona: Persona, result: unknown) => Promise<void> | void;
};

/** patient A, patient B, front desk, therapist, admin, other clinic's therapist, other clinic's admin */
const E = (
  patientA: Outcome,
  patientB: Outcome,
  frontDesk: Outcome,
  therapist: Outcome,
  admin: Outcome,
  otherClinicTherapist: Outcome,
  otherClinicAdmin: Outcome,
  linkHolder?: Outcome,
): Case["expect"] => ({
  patientA,
  patientB,
  frontDesk,
  therapist,
  admin,
  otherClinicTherapist,
  otherClinicAdmin,
  ...(linkHolder ? { linkHolder } : {}),
});
const all = (o: Outcome) => E(o, o, o, o, o, o, o);
const asIntakeActor = (actor: Actor) => actor as unknown as IntakeActor;
const key = () => randomUUID();

/** Read cases: B's records. */
const own = E("not_found", "ok", "ok", "ok", "ok", "not_found", "not_found");
const clinicalOwn = E("not_found", "ok", "forbidden", "ok", "ok", "not_found", "not_found");
const clinicianOnly = E("forbidden", "forbidden", "forbidden", "ok", "ok", "not_found", "not_found");
const clinicList = E("forbidden", "forbidden", "ok", "ok", "ok", "ok", "ok");
const prescriberList = E("forbidden", "forbidden", "forbidden", "ok", "ok", "ok", "ok");
const patientsOnly = E("ok", "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden");
const fillOwn = E("not_found", "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "not_found");
const adminOfClinic = E("forbidden", "forbidden", "forbidden", "forbidden", "ok", "forbidden", "not_found");
const adminList = E("forbidden", "forbidden", "forbidden", "forbidden", "ok", "forbidden", "ok");
/** Booking writes on B's appointments: B, the front desk and admins; therapists read the schedule only. */
const bookingWrite = E("not_found", "ok", "ok", "forbidden", "ok", "forbidden", "not_found");
const libraryWrite = E("forbidden", "forbidden", "forbidden", "ok", "ok", "not_found", "not_found");

/** Episodes: the front desk and clinicians of B's clinic read it, clinicians change it, the front desk also authorises. */
const episodeSchedule = E("forbidden", "forbidden", "ok", "ok", "ok", "not_found", "not_found");
const episodeWrite = E("forbidden", "forbidden", "forbidden", "ok", "ok", "not_found", "not_found");
const episodeAuthorize = E("forbidden", "forbidden", "ok", "ok", "ok", "not_found", "not_found");
/** A fresh active episode of B's whose reason is the clinical canary the front desk must never receive. */
const bEpisode = (w: World, reason?: string, authorized?: number) =>
  createEpisode(w.home.clinic.id, w.B.patient.id, w.home.therapist.userId, {
    reason: reason ?? w.forbidden.frontDesk[0]!,
    ...(authorized ? { authorized } : {}),
  });
/** A fresh open episode of B's, started long ago with no visits: dropped out (any earlier open one is discharged). */
async function openEpisodeOfB(w: World): Promise<string> {
  return (await createEpisode(w.home.clinic.id, w.B.patient.id, w.home.therapist.userId, { startDate: "2026-01-05" }))
    .id;
}
/** A discharged episode of patient B, made once per world, for the discharge-summary case. */
const dischargedEpisodes = new WeakMap<World, Promise<string>>();
const dischargedEpisodeOfB = (w: World) => {
  if (!dischargedEpisodes.has(w))
    dischargedEpisodes.set(
      w,
      createOutcomeEpisode(db as unknown as PrismaClient, {
        clinicId: w.home.clinic.id,
        patientId: w.B.patient.id,
        therapistId: w.home.therapist.userId,
        risk: "medium",
        startDate: "2026-01-05",
        dischargedOn: "2026-02-13",
        baseline: { odi: 40, nprs: 6, psfs: 3 },
        followUp: { odi: 22, nprs: 3, psfs: 6 },
        visits: 1,
        appointmentTypeId: w.homeType.id,
      }).then((r) => r.episode.id),
    );
  return dischargedEpisodes.get(w)!;
};

/** A pending staff invitation of the home clinic, made by its admin, for a resend or revoke case to act on. */
const freshInvitation = async (w: World) =>
  (
    await inviteStaff(w.actors.admin, {
      name: "Invited colleague",
      email: `invitee-${randomUUID()}@test.example`,
      role: "therapist",
    })
  ).id;

/** An episode of patient B's, made on first use (one per world; later cases may discharge it). */
const episodesOfB = new WeakMap<World, Promise<string>>();
const episodeOfB = (w: World) => {
  let id = episodesOfB.get(w);
  if (!id) {
    // Through the shared factory: it discharges any open episode of B's first (one open episode per patient).
    id = createEpisode(w.home.clinic.id, w.B.patient.id, w.home.therapist.userId, { startDate: w.today }).then(
      (e) => e.id,
    );
    episodesOfB.set(w, id);
  }
  return id;
};

export const DATA_ACCESS_MATRIX: Record<string, Case[]> = {
  "lib/audit/list-audit-events.ts#listAuditEvents": [
    { run: (w, a) => listAuditEvents(a, {}, TIME_ZONE), expect: adminList },
  ],
  "lib/audit/list-audit-events.ts#listClinicUsers": [{ run: (w, a) => listClinicUsers(a), expect: adminList }],
  "lib/audit/list-audit-events.ts#auditChainCounts": [
    {
      run: (w, a) => auditChainCounts(a),
      expect: adminList,
      // Another clinic's activity is not this admin's business: the counts are of their clinic's rows.
      verify: async (w, a, p, result) => {
        const total = await db.auditEvent.count({ where: { clinicId: a.clinicId } });
        const { sealed, unsealed } = result as { sealed: number; unsealed: number };
        expect(sealed + unsealed).toBe(total);
      },
    },
  ],

  // After the audit cases: refusals of another clinic's patient are audited in the asker's clinic.
  // --- accounts: emailed invitation links (decision 050)
  "lib/accounts/invite-staff.ts#inviteStaff": [
    {
      run: (w, a) =>
        inviteStaff(a, { name: "New colleague", email: `colleague-${randomUUID()}@test.example`, role: "front_desk" }),
      expect: adminList,
      verify: async (w, a, p, invitation) => {
        const row = await db.accountToken.findUniqueOrThrow({ where: { id: (invitation as { id: string }).id } });
        expect(row.clinicId).toBe(a.clinicId);
      },
    },
  ],
  "lib/accounts/staff-invitations.ts#listStaffInvitations": [
    {
      run: (w, a) => listStaffInvitations(a),
      expect: adminList,
      verify: async (w, a, p, rows) => {
        const ids = (rows as Array<{ id: string }>).map((r) => r.id);
        const clinics = await db.accountToken.findMany({ where: { id: { in: ids } }, select: { clinicId: true } });
        for (const c of clinics) expect(c.clinicId).toBe(a.clinicId);
      },
    },
  ],
  "lib/accounts/staff-invitations.ts#resendStaffInvitation": [
    {
      run: async (w, a) => resendStaffInvitation(a, { invitationId: await freshInvitation(w) }),
      expect: adminOfClinic,
    },
  ],
  "lib/accounts/staff-invitations.ts#revokeStaffInvitation": [
    {
      run: async (w, a) => revokeStaffInvitation(a, { invitationId: await freshInvitation(w) }),
      expect: adminOfClinic,
    },
  ],
  "lib/accounts/send-portal-invitation.ts#sendPortalInvitation": [
    {
      label: "a registered patient without an account",
      run: async (w, a) => sendPortalInvitation(a, (await createPatient(w.home.clinic.id)).id),
      expect: E("forbidden", "forbidden", "ok", "forbidden", "ok", "forbidden", "not_found"),
    },
    {
      label: "patient B, who already has one",
      run: (w, a) => sendPortalInvitation(a, w.B.patient.id),
      expect: E("forbidden", "forbidden", "conflict", "forbidden", "conflict", "forbidden", "not_found"),
    },
  ],

  // --- auth: identity-bound (the actor's own user and session; there is no id to swap)
  "lib/auth/authorize.ts#assertCan": [
    {
      run: (w, a) => assertCan(a, "patient:read:clinical"),
      expect: E("forbidden", "forbidden", "forbidden", "ok", "ok", "ok", "ok"),
    },
  ],
  "lib/auth/authorize.ts#can": [
    {
      run: async (w, a) => {
        if (!can(a, "patient:read:clinical")) throw forbidden();
      },
      expect: E("forbidden", "forbidden", "forbidden", "ok", "ok", "ok", "ok"),
    },
  ],
  "lib/auth/change-email.ts#changeEmail": [
    {
      label: "without a fresh step-up",
      before: (w, a) => w.clearReauth(a),
      run: (w, a) => changeEmail(a, { newEmail: `changed-${randomUUID()}@test.example` }),
      expect: all("forbidden"),
    },
    {
      label: "after the step-up: only the actor's own email changes",
      before: (w, a) => w.reauth(a),
      run: async (w, a) => {
        const newEmail = `changed-${randomUUID()}@test.example`;
        const before = await db.user.count({ where: { email: { startsWith: "changed-" } } });
        await changeEmail(a, { newEmail });
        expect((await db.user.findUniqueOrThrow({ where: { id: a.userId } })).email).toBe(newEmail);
        expect(await db.user.count({ where: { email: { startsWith: "changed-" } } })).toBeLessThanOrEqual(before + 1);
      },
      expect: all("ok"),
    },
  ],
  "lib/auth/change-password.ts#changePassword": [
    {
      label: "without a fresh step-up",
      before: (w, a) => w.clearReauth(a),
      run: (w, a) => changePassword(a, { newPassword: "correct horse battery" }),
      expect: all("forbidden"),
    },
    {
      label: "after the step-up",
      before: (w, a) => w.reauth(a),
      // The same password again, so later cases still confirm with it.
      run: (w, a) => changePassword(a, { newPassword: "correct horse battery" }),
      expect: all("ok"),
    },
  ],
  "lib/auth/mfa.ts#confirmIdentity": [
    {
      before: (w, a) => w.clearReauth(a),
      run: (w, a) => confirmIdentity(a, { password: "correct horse battery" }),
      expect: all("ok"),
      verify: async (w, a) => {
        const s = await db.authSession.findUniqueOrThrow({ where: { id: a.sessionId } });
        expect(s.reauthAt).not.toBeNull();
      },
    },
  ],
  "lib/auth/mfa.ts#hasRecentReauth": [{ run: (w, a) => hasRecentReauth(a), expect: all("ok") }],
  "lib/auth/mfa.ts#requireRecentReauth": [
    { before: (w, a) => w.clearReauth(a), run: (w, a) => requireRecentReauth(a), expect: all("forbidden") },
  ],
  "lib/auth/mfa.ts#regenerateRecoveryCodes": [
    {
      label: "after the step-up, with two-step sign-in set up: codes for the actor's own user only",
      before: async (w, a) => {
        await w.reauth(a);
        await db.user.update({ where: { id: a.userId }, data: { mfaEnabledAt: new Date() } });
      },
      run: (w, a) => regenerateRecoveryCodes(a),
      expect: all("ok"),
      verify: async (w, a, p, codes) => {
        expect(await db.mfaRecoveryCode.count({ where: { userId: a.userId } })).toBe((codes as string[]).length);
      },
    },
  ],

  // --- booking
  "lib/booking/appointment-types.ts#listAppointmentTypes": [
    { run: (w, a) => listAppointmentTypes(a), expect: all("ok") },
    {
      label: "with inactive types (setup)",
      run: (w, a) => listAppointmentTypes(a, { includeInactive: true }),
      expect: E("ok", "ok", "forbidden", "forbidden", "ok", "forbidden", "ok"),
    },
  ],
  "lib/booking/appointment-types.ts#saveAppointmentType": [
    {
      run: (w, a) =>
        saveAppointmentType(a, {
          id: w.homeType.id,
          name: w.homeType.name,
          durationMinutes: 45,
          bufferAfterMinutes: 0,
          colour: "#0f766e",
          onlineBookable: true,
          active: true,
        }),
      expect: adminOfClinic,
    },
  ],
  "lib/booking/book-appointment.ts#bookAppointment": [
    {
      run: (w, a) =>
        bookAppointment(
          a,
          {
            appointmentTypeId: w.homeType.id,
            therapistId: w.home.therapist.userId,
            patientId: w.B.patient.id,
            startsAt: w.slot().at.toISOString(),
          },
          key(),
        ),
      expect: bookingWrite,
    },
  ],
  "lib/booking/book-appointment.ts#freshSlotsAround": [
    {
      run: (w, a) =>
        freshSlotsAround(a, {
          clinicTimeZone: TIME_ZONE,
          settings: { ...DEFAULT_BOOKING_SETTINGS },
          type: { durationMinutes: 45, bufferAfterMinutes: 0 },
          patientId: w.B.patient.id,
          start: w.slot().at.getTime(),
          now: Date.now(),
        }),
      expect: all("ok"),
      verify: async (w, a, p, slots) => {
        const ours = new Set((await db.user.findMany({ where: { clinicId: a.clinicId } })).map((u) => u.id));
        for (const s of slots as Array<{ therapistIds: string[] }>)
          for (const id of s.therapistIds) expect(ours.has(id)).toBe(true);
      },
    },
  ],
  "lib/booking/book-series.ts#bookSeries": [
    {
      run: (w, a) => {
        const s = w.slot();
        return bookSeries(
          a,
          {
            appointmentTypeId: w.homeType.id,
            therapistId: w.home.therapist.userId,
            patientId: w.B.patient.id,
            firstDate: s.date,
            weekdays: [s.weekday],
            time: s.time,
            weeks: 1,
          },
          key(),
        );
      },
      expect: E("forbidden", "forbidden", "ok", "forbidden", "ok", "forbidden", "not_found"),
    },
  ],
  "lib/booking/booking-access.ts#assertMayBook": [
    { run: (w, a) => assertMayBook(a), expect: E("ok", "ok", "ok", "forbidden", "ok", "forbidden", "ok") },
  ],
  "lib/booking/booking-access.ts#bookingPatientId": [
    { run: (w, a) => bookingPatientId(a, w.B.patient.id), expect: own },
  ],
  "lib/booking/booking-access.ts#ownOrRequestedPatient": [
    {
      // Pure: a patient is always themself; staff get the id they asked for, and the callers
      // (bookingPatientId, the one-query loaders) scope it to the actor's clinic.
      // (It echoes the caller's own input, so the result is checked here rather than returned to the no-leak check.)
      run: async (w, a) => {
        expect(ownOrRequestedPatient(a, w.B.patient.id)).toBe(w.B.patient.id);
      },
      expect: E("not_found", "ok", "ok", "ok", "ok", "ok", "ok"),
    },
  ],
  "lib/booking/booking-access.ts#assertNoEmergencyFlag": [
    { run: (w, a) => assertNoEmergencyFlag(a, w.B.patient.id), expect: all("ok") },
  ],
  "lib/booking/attendance-report.ts#getAttendanceReport": [
    { run: (w, a) => getAttendanceReport(a), expect: adminList },
  ],
  "lib/booking/booking-settings.ts#getBookingSettings": [{ run: (w, a) => getBookingSettings(a), expect: adminList }],
  "lib/waitlist/refill-share.ts#refillShare": [
    {
      run: (w, a) => refillShare(a, { days: 30 }),
      expect: adminList,
      // Aggregates of the admin's own clinic only: the other clinic's freed times never count.
      verify: async (w, a, p, result) => {
        const own = await db.freedTime.count({ where: { clinicId: a.clinicId, startsAt: { lt: new Date() } } });
        expect((result as { freed: number }).freed).toBeLessThanOrEqual(own);
      },
    },
  ],
  "lib/booking/booking-settings.ts#updateBookingSettings": [
    {
      run: (w, a) => updateBookingSettings(a, { ...DEFAULT_BOOKING_SETTINGS }),
      expect: adminList,
      verify: async (w, a) => {
        const rows = await db.bookingSettings.findMany({ where: { clinicId: { not: a.clinicId } } });
        for (const r of rows) expect([w.home.clinic.id, w.away.clinic.id]).toContain(r.clinicId);
        expect(await db.bookingSettings.count({ where: { clinicId: a.clinicId } })).toBe(1);
      },
    },
  ],
  "lib/waitlist/waitlist-settings.ts#getWaitlistSettings": [
    { run: (w, a) => getWaitlistSettings(a), expect: adminList },
  ],
  "lib/waitlist/waitlist-settings.ts#updateWaitlistSettings": [
    {
      run: (w, a) => updateWaitlistSettings(a, { offersAtOnce: 4, holdMinutes: 20 }),
      expect: adminList,
      verify: async (w, a) => {
        // The admin's own clinic's settings changed, and no clinic outside the two admins' ones.
        const changed = await db.bookingSettings.findMany({
          where: { waitlistOffersAtOnce: 4 },
          select: { clinicId: true },
        });
        expect(changed.map((c) => c.clinicId)).toContain(a.clinicId);
        for (const c of changed) expect([w.home.clinic.id, w.away.clinic.id]).toContain(c.clinicId);
      },
    },
  ],
  "lib/booking/reminder-schedule.ts#getReminderSchedule": [
    { run: (w, a) => getReminderSchedule(a), expect: adminList },
  ],
  "lib/booking/reminder-schedule.ts#updateReminderSchedule": [
    {
      run: (w, a) => updateReminderSchedule(a, { rules: [{ channel: "email", hoursBefore: 24 }] }),
      expect: adminList,
      verify: async (w, a) => {
        // Only the admin's own clinic got rules.
        const clinics = await db.reminderRule.findMany({ distinct: ["clinicId"], select: { clinicId: true } });
        expect(clinics.map((c) => c.clinicId)).toContain(a.clinicId);
        for (const c of clinics) expect([w.home.clinic.id, w.away.clinic.id]).toContain(c.clinicId);
      },
    },
  ],
  "lib/booking/calendar-feed.ts#calendarFeedStatus": [{ run: (w, a) => calendarFeedStatus(a), expect: patientsOnly }],
  "lib/booking/calendar-feed.ts#createCalendarFeed": [
    {
      run: (w, a) => createCalendarFeed(a),
      expect: patientsOnly,
      verify: async (w, a) => {
        const feeds = await db.calendarFeed.findMany({ where: { patientId: a.patientId!, revokedAt: null } });
        expect(feeds).toHaveLength(1);
      },
    },
  ],
  "lib/booking/calendar-feed.ts#revokeCalendarFeed": [{ run: (w, a) => revokeCalendarFeed(a), expect: patientsOnly }],
  "lib/booking/cancel-appointment.ts#cancelAppointment": [
    {
      run: async (w, a) => {
        const appt = await w.appointmentFor(w.B.patient.id, w.slot().at);
        return cancelAppointment(a, appt.id, { expectedVersion: 1, reason: "Matrix cancellation" });
      },
      expect: bookingWrite,
    },
  ],
  "lib/booking/change-appointment-status.ts#changeAppointmentStatus": [
    {
      run: async (w, a) => {
        const appt = await w.appointmentFor(w.B.patient.id, w.soon());
        return changeAppointmentStatus(a, appt.id, { expectedVersion: 1, action: "check_in" });
      },
      expect: E("forbidden", "forbidden", "ok", "forbidden", "ok", "forbidden", "not_found"),
    },
  ],
  "lib/booking/check-start.ts#assertBookableStart": [
    {
      // Scoped by the actor's clinic: another clinic's actor finds no working hours for this therapist.
      run: (w, a) =>
        assertBookableStart(a, {
          therapistId: w.home.therapist.userId,
          start: w.slot().at.getTime(),
          durationMinutes: 45,
          timeZone: TIME_ZONE,
          settings: { ...DEFAULT_BOOKING_SETTINGS },
          now: Date.now(),
        }),
      expect: E("ok", "ok", "ok", "ok", "ok", "validation", "validation"),
    },
  ],
  "lib/booking/check-start.ts#checkBookableStart": [
    {
      // Pure over hours the caller loaded for its own clinic; only the rules differ by role.
      run: async (w, a) => {
        const start = w.slot().at.getTime();
        const date = localDateOf(start, TIME_ZONE);
        const [schedule] = await loadSchedules(
          w.home.clinic.id,
          [w.home.therapist.userId],
          { fromMs: start, toMs: start + 45 * 60_000, fromDate: date, toDate: date },
          undefined,
          { withBusy: false },
        );
        checkBookableStart(a, schedule!, {
          start,
          durationMinutes: 45,
          timeZone: TIME_ZONE,
          settings: { ...DEFAULT_BOOKING_SETTINGS },
          now: Date.now(),
        });
      },
      expect: all("ok"),
    },
  ],
  "lib/booking/find-slots.ts#bookableType": [
    {
      run: (w, a) => bookableType(a, w.homeType.id),
      expect: E("ok", "ok", "ok", "ok", "ok", "not_found", "not_found"),
    },
  ],
  "lib/booking/find-slots.ts#findSlots": [
    {
      run: (w, a) =>
        findSlots(a, {
          appointmentTypeId: w.homeType.id,
          from: w.monday,
          to: w.monday,
          patientId: w.B.patient.id,
        }),
      expect: bookingWrite,
    },
  ],
  "lib/booking/idempotency.ts#previousResult": [
    {
      // Keys belong to the user who sent them: anyone else's lookup finds nothing.
      run: (w, a) => previousResult(a, w.idempotencyKey, "matrix"),
      expect: all("ok"),
      verify: (w, a, p, result) => expect(result === null).toBe(p !== "patientB"),
    },
  ],
  "lib/booking/list-calendar.ts#listCalendar": [
    { run: (w, a) => listCalendar(a, { date: w.monday, view: "week" }), expect: clinicList },
  ],
  "lib/booking/list-my-appointments.ts#listMyAppointments": [
    { run: (w, a) => listMyAppointments(a), expect: patientsOnly },
  ],
  "lib/booking/load-appointment.ts#visibleAppointments": [
    {
      run: (w, a) => db.appointment.findMany({ where: visibleAppointments(a), select: { id: true } }),
      expect: all("ok"),
      verify: (w, a, p, rows) => {
        const ids = (rows as Array<{ id: string }>).map((r) => r.id);
        expect(ids.includes(w.appointmentB.id)).toBe(["patientB", "frontDesk", "therapist", "admin"].includes(p));
      },
    },
  ],
  "lib/booking/load-appointment.ts#findVisibleAppointment": [
    { run: (w, a) => findVisibleAppointment(a, w.appointmentB.id, { id: true }), expect: own },
  ],
  "lib/booking/move-appointment.ts#moveAppointment": [
    {
      run: async (w, a) => {
        const appt = await w.appointmentFor(w.B.patient.id, w.slot().at);
        return moveAppointment(a, appt.id, { expectedVersion: 1, startsAt: w.slot().at.toISOString() });
      },
      expect: bookingWrite,
    },
  ],
  "lib/booking/therapist-schedules.ts#listTherapistSchedules": [
    { run: (w, a) => listTherapistSchedules(a, w.today), expect: adminList },
  ],
  "lib/booking/therapist-schedules.ts#setWeeklyHours": [
    {
      run: (w, a) =>
        setWeeklyHours(a, {
          therapistId: w.therapist2.id,
          days: [{ weekday: 1, work: [{ start: "09:00", end: "17:00" }], breaks: [] }],
        }),
      expect: adminOfClinic,
    },
  ],
  "lib/booking/therapist-schedules.ts#addScheduleOverride": [
    {
      run: (w, a) =>
        addScheduleOverride(a, { therapistId: w.therapist2.id, date: w.monday, kind: "time_off", note: "Matrix" }),
      expect: adminOfClinic,
    },
  ],
  "lib/booking/therapist-schedules.ts#removeScheduleOverride": [
    { run: async (w, a) => removeScheduleOverride(a, await w.freshOverride()), expect: adminOfClinic },
  ],

  // --- clinic
  "lib/clinics/get-clinic.ts#getOwnClinic": [
    {
      run: (w, a) => getOwnClinic(a),
      expect: all("ok"),
      verify: (w, a, p, clinic) => expect((clinic as { id: string }).id).toBe(a.clinicId),
    },
  ],
  "lib/clinics/get-clinic-settings.ts#getClinicSettings": [
    {
      run: (w, a) => getClinicSettings(a),
      expect: adminList,
      verify: async (w, a, p, result) => {
        const own = await db.clinic.findUniqueOrThrow({ where: { id: a.clinicId } });
        expect((result as { name: string }).name).toBe(own.name);
      },
    },
  ],
  "lib/clinics/update-clinic-settings.ts#updateClinicSettings": [
    {
      // The input names no clinic: an admin can only ever change their own, so the other one keeps its phone.
      run: async (w, a, p) => {
        const c = await db.clinic.findUniqueOrThrow({ where: { id: a.clinicId } });
        const phone = `(207) 555-0${p === "admin" ? "111" : "222"}`;
        const email = c.email ?? "clinic@test.example";
        return updateClinicSettings(a, { name: c.name, address: c.address, phone, email, timeZone: c.timeZone });
      },
      expect: adminList,
      verify: async (w, a, p) => {
        const other = a.clinicId === w.home.clinic.id ? w.away.clinic.id : w.home.clinic.id;
        const phone = `(207) 555-0${p === "admin" ? "111" : "222"}`;
        expect((await db.clinic.findUniqueOrThrow({ where: { id: a.clinicId } })).phone).toBe(phone);
        expect((await db.clinic.findUniqueOrThrow({ where: { id: other } })).phone).not.toBe(phone);
      },
    },
  ],

  // --- exercise library
  "lib/exercises/get-exercise.ts#getExercise": [{ run: (w, a) => getExercise(a, w.e1.id), expect: libraryWrite }],
  "lib/exercises/list-exercises.ts#listExercises": [{ run: (w, a) => listExercises(a, {}), expect: prescriberList }],
  "lib/exercises/list-exercises.ts#listLibraryMuscles": [
    { run: (w, a) => listLibraryMuscles(a), expect: prescriberList },
  ],
  "lib/exercises/open-exercise-media.ts#openExerciseMedia": [
    {
      // Prescribers of the clinic, and the patient whose program has the exercise; a 404 for everyone else.
      run: (w, a) => openExerciseMedia(a, w.mediaId),
      expect: E("not_found", "ok", "not_found", "ok", "ok", "not_found", "not_found"),
    },
  ],
  "lib/exercises/save-exercise.ts#createExercise": [
    {
      run: (w, a) => createExercise(a, exerciseInput(`Matrix ${randomUUID()}`)),
      expect: prescriberList,
      verify: async (w, a, p, created) => {
        const row = await db.exercise.findUniqueOrThrow({ where: { id: (created as { id: string }).id } });
        expect(row.clinicId).toBe(a.clinicId);
      },
    },
  ],
  "lib/exercises/save-exercise.ts#updateExercise": [
    { run: (w, a) => updateExercise(a, w.e2.id, exerciseInput(w.e2.name)), expect: libraryWrite },
  ],
  "lib/exercises/save-exercise.ts#setExerciseArchived": [
    { run: (w, a) => setExerciseArchived(a, w.e2.id, false), expect: libraryWrite },
  ],
  "lib/exercises/upload-exercise-media.ts#uploadExerciseMedia": [
    { run: (w, a) => uploadExerciseMedia(a, w.e2.id, { name: "x.png", bytes: PNG }), expect: libraryWrite },
  ],
  "lib/exercises/upload-exercise-media.ts#removeExerciseMedia": [
    { run: (w, a) => removeExerciseMedia(a, w.e2.id), expect: libraryWrite },
  ],

  // --- intake
  "lib/intake/acknowledge-red-flag.ts#acknowledgeRedFlag": [
    {
      run: async (w, a) => acknowledgeRedFlag(a, await w.freshFlagB(), { note: "Called the patient" }),
      expect: clinicianOnly,
    },
  ],
  "lib/intake/export-intake-fhir.ts#exportIntakeFhir": [
    { run: (w, a) => exportIntakeFhir(a, w.intakeB.submittedId), expect: clinicalOwn },
  ],
  "lib/intake/get-intake-for-filling.ts#getIntakeForFilling": [
    { run: async (w, a) => getIntakeForFilling(asIntakeActor(a), await w.draftB()), expect: fillOwn },
  ],
  "lib/intake/get-intake-for-review.ts#getIntakeForReview": [
    { run: (w, a) => getIntakeForReview(a, w.intakeB.submittedId), expect: clinicalOwn },
  ],
  "lib/intake/get-intake-for-review.ts#loadIntakeForReview": [
    { run: (w, a) => loadIntakeForReview(a, w.intakeB.submittedId), expect: clinicalOwn },
  ],
  "lib/episodes/get-episode-standing.ts#getEpisodeStanding": [
    { run: (w, a) => getEpisodeStanding(a, w.B.patient.id), expect: own },
  ],
  "lib/intake/get-intake-status.ts#getIntakeStatus": [
    {
      run: (w, a) => getIntakeStatus(a, w.B.patient.id),
      expect: E("forbidden", "forbidden", "ok", "ok", "ok", "not_found", "not_found"),
    },
  ],
  "lib/episodes/get-discharge-summary.ts#getDischargeSummary": [
    { run: async (w, a) => getDischargeSummary(a, await dischargedEpisodeOfB(w)), expect: clinicianOnly },
  ],
  "lib/outcomes/get-outcome-report.ts#getOutcomeReport": [
    {
      // Aggregates of the actor's own clinic; the away clinic's staff get their own (empty) report.
      run: async (w, a) => {
        await dischargedEpisodeOfB(w);
        return getOutcomeReport(a, { from: "2026-01-01", to: "2026-12-31" });
      },
      expect: prescriberList,
    },
    {
      label: "dates out of order",
      run: (w, a) => getOutcomeReport(a, { from: "2026-03-02", to: "2026-03-01" }),
      expect: E("forbidden", "forbidden", "forbidden", "validation", "validation", "validation", "validation"),
    },
  ],
  "lib/intake/get-patient-progress.ts#getPatientProgress": [
    { run: (w, a) => getPatientProgress(a, w.B.patient.id), expect: clinicianOnly },
  ],
  "lib/intake/intake-actor.ts#isLinkActor": [
    {
      run: async (w, a, p) => {
        expect(isLinkActor(asIntakeActor(a))).toBe(p === "linkHolder");
      },
      expect: { ...all("ok"), linkHolder: "ok" },
    },
  ],
  "lib/intake/intake-actor.ts#auditWho": [
    {
      // Who the audit row names: the signed-in user, or for a link its clinic and nobody else.
      run: async (w, a) => auditWho(asIntakeActor(a)),
      expect: { ...all("ok"), linkHolder: "ok" },
      verify: (w, a, p, who) => expect((who as { clinicId: string }).clinicId).toBe(a.clinicId),
    },
  ],
  "lib/intake/intake-scope.ts#fillableIntakeWhere": [
    {
      // Patients get a filter that finds only their own intakes: B's draft for B, nothing for A.
      run: async (w, a) =>
        db.intake.findFirst({
          where: await fillableIntakeWhere(asIntakeActor(a), await w.draftB()),
          select: { id: true },
        }),
      expect: { ...fillOwn, patientA: "ok" },
      verify: (w, a, p, found) => expect(found !== null).toBe(p === "patientB"),
    },
  ],
  "lib/intake/intake-scope.ts#intakeOutOfReach": [
    {
      // The denial itself: a 404 for everyone, whoever asks and whatever the id.
      run: async (w, a) => intakeOutOfReach(asIntakeActor(a), await w.draftB()),
      expect: { ...all("not_found"), linkHolder: "not_found" },
    },
  ],
  "lib/intake/list-clinic-intakes.ts#listClinicIntakes": [{ run: (w, a) => listClinicIntakes(a), expect: clinicList }],
  "lib/intake/list-own-intakes.ts#listOwnIntakes": [{ run: (w, a) => listOwnIntakes(a), expect: patientsOnly }],
  "lib/intake/list-red-flag-alerts.ts#listRedFlagAlerts": [{ run: (w, a) => listRedFlagAlerts(a), expect: clinicList }],
  "lib/intake/revoke-intake-links.ts#revokeIntakeLinks": [
    {
      run: async (w, a) => revokeIntakeLinks(a, await w.draftB()),
      expect: E("forbidden", "forbidden", "ok", "forbidden", "ok", "forbidden", "not_found"),
    },
  ],
  "lib/intake/save-intake-draft.ts#saveIntakeDraft": [
    {
      run: async (w, a) => {
        const id = await w.draftB();
        const { revision } = await db.intake.findUniqueOrThrow({ where: { id }, select: { revision: true } });
        return saveIntakeDraft(asIntakeActor(a), id, { answers: {}, baseRevision: revision });
      },
      expect: fillOwn,
    },
  ],
  "lib/intake/send-intake-link.ts#sendIntakeLink": [
    {
      run: (w, a) => sendIntakeLink(a, w.B.patient.id, { kind: "follow_up" }),
      expect: E("forbidden", "forbidden", "ok", "forbidden", "ok", "forbidden", "not_found"),
    },
  ],
  "lib/intake/submit-intake.ts#submitIntake": [
    {
      run: async (w, a) => submitIntake(asIntakeActor(a), await w.completeDraftB(), { submissionKey: randomUUID() }),
      expect: fillOwn,
    },
  ],

  // --- notifications
  "lib/notifications/list-mailbox.ts#listMailbox": [{ run: (w, a) => listMailbox(a), expect: adminList }],
  "lib/notifications/list-texts.ts#listTexts": [{ run: (w, a) => listTexts(a), expect: adminList }],
  "lib/notifications/retry-message.ts#retryFailedMessage": [
    { run: async (w, a) => retryFailedMessage(a, await w.freshFailedMessage()), expect: adminOfClinic },
    {
      label: "an id that is not a UUID",
      run: (w, a) => retryFailedMessage(a, "not-a-uuid"),
      expect: E("forbidden", "forbidden", "forbidden", "forbidden", "not_found", "forbidden", "not_found"),
    },
  ],

  // --- text replies and the front desk's call-back tasks
  "lib/front-desk/front-desk-tasks.ts#listOpenFrontDeskTasks": [
    {
      run: (w, a) => listOpenFrontDeskTasks(a),
      expect: E("forbidden", "forbidden", "ok", "forbidden", "ok", "forbidden", "ok"),
      verify: async (w, a, p, rows) => {
        const ids = (rows as Array<{ id: string }>).map((r) => r.id);
        const clinics = await db.frontDeskTask.findMany({ where: { id: { in: ids } }, select: { clinicId: true } });
        for (const c of clinics) expect(c.clinicId).toBe(a.clinicId);
      },
    },
  ],
  "lib/front-desk/front-desk-tasks.ts#completeFrontDeskTask": [
    {
      label: "an open call-back task about patient B",
      run: async (w, a) => {
        const task = await db.frontDeskTask.create({
          data: { clinicId: w.home.clinic.id, kind: "call_back", patientId: w.B.patient.id, reason: "Matrix task" },
          select: { id: true },
        });
        return completeFrontDeskTask(a, { taskId: task.id });
      },
      expect: E("forbidden", "forbidden", "ok", "forbidden", "ok", "forbidden", "not_found"),
    },
  ],

  // --- episodes of care: the follow-up list, its reminders and the clinic's re-evaluation rule
  "lib/episodes/list-follow-ups.ts#listFollowUps": [
    {
      run: async (w, a) => {
        await openEpisodeOfB(w);
        return listFollowUps(a);
      },
      expect: clinicList,
      verify: async (w, a, p, result) => {
        const rows = (result as { rows: Array<{ episodeId: string; findings: unknown[] }> }).rows;
        const clinics = await db.episode.findMany({
          where: { id: { in: rows.map((r) => r.episodeId) } },
          select: { clinicId: true },
        });
        for (const c of clinics) expect(c.clinicId).toBe(a.clinicId);
        // Schedule facts only: nothing of the episode's reason reaches the list.
        expect(JSON.stringify(result)).not.toContain("Low back pain");
        if (a.clinicId === w.home.clinic.id) expect(rows.length).toBeGreaterThan(0);
      },
    },
  ],
  "lib/episodes/remind-follow-up.ts#remindFollowUp": [
    {
      label: "patient B's dropped-out episode, not reminded this week",
      run: async (w, a) => {
        const episodeId = await openEpisodeOfB(w);
        await db.episode.update({ where: { id: episodeId }, data: { lastNudgedAt: null } });
        return remindFollowUp(a, { episodeId });
      },
      expect: E("forbidden", "forbidden", "ok", "ok", "ok", "not_found", "not_found"),
    },
    {
      label: "an id that is not a UUID",
      run: (w, a) => remindFollowUp(a, { episodeId: "not-a-uuid" }),
      expect: E("forbidden", "forbidden", "validation", "validation", "validation", "validation", "validation"),
    },
  ],
  "lib/episodes/episode-settings.ts#getEpisodeSettings": [{ run: (w, a) => getEpisodeSettings(a), expect: adminList }],
  "lib/episodes/episode-settings.ts#updateEpisodeSettings": [
    {
      run: (w, a) => updateEpisodeSettings(a, { reevalEveryVisits: 12, reevalEveryDays: 28 }),
      expect: adminList,
      verify: async (w, a) => {
        const changed = await db.episodeSettings.findMany({
          where: { reevalEveryVisits: 12 },
          select: { clinicId: true },
        });
        expect(changed.map((c) => c.clinicId)).toContain(a.clinicId);
        for (const c of changed) expect([w.home.clinic.id, w.away.clinic.id]).toContain(c.clinicId);
      },
    },
  ],
  "lib/text-replies/text-reply-log.ts#listInboundTexts": [{ run: (w, a) => listInboundTexts(a), expect: adminList }],
  "lib/text-replies/text-reply-log.ts#simulateInboundText": [
    {
      label: "HELP from patient B's number: another clinic's admin reaches no patient of this clinic",
      run: async (w, a) => {
        await db.patient.update({ where: { id: w.B.patient.id }, data: { phone: "+15550109999" } });
        return simulateInboundText(a, { from: "+15550109999", body: "HELP" });
      },
      expect: adminList,
      verify: (w, a, p, result) => {
        expect((result as { outcome: string }).outcome).toBe(p === "otherClinicAdmin" ? "unknown_sender" : "helped");
      },
    },
  ],

  // --- patients
  "lib/patients/get-patient.ts#getPatient": [{ run: (w, a) => getPatient(a, w.B.patient.id), expect: own }],
  "lib/patients/message-preferences.ts#getMessagePreferences": [
    { run: (w, a) => getMessagePreferences(a, w.B.patient.id), expect: own },
  ],
  "lib/patients/message-preferences.ts#setMessagePreferences": [
    {
      // Email only, as B already is: writes no consent and nothing another case relies on.
      run: (w, a) => setMessagePreferences(a, w.B.patient.id, { channels: "email" }),
      expect: own,
      verify: (w, a, p, result) => expect((result as { channels: string }).channels).toBe("email"),
    },
    {
      label: "texts without the consent box ticked: refused before anything is written",
      run: (w, a) => setMessagePreferences(a, w.B.patient.id, { channels: "text", phone: "(201) 555-0123" }),
      expect: E("not_found", "validation", "validation", "validation", "validation", "not_found", "not_found"),
    },
  ],
  "lib/patients/patient-access.ts#visiblePatients": [
    {
      run: (w, a) => db.patient.findMany({ where: visiblePatients(a), select: { id: true } }),
      expect: all("ok"),
      verify: (w, a, p, rows) => {
        const ids = (rows as Array<{ id: string }>).map((r) => r.id);
        expect(ids.includes(w.B.patient.id)).toBe(["patientB", "frontDesk", "therapist", "admin"].includes(p));
        if (p === "patientA") expect(ids).toEqual([w.A.patient.id]);
      },
    },
  ],
  "lib/patients/patient-access.ts#patientOutOfReach": [
    { run: (w, a) => patientOutOfReach(a, w.B.patient.id), expect: all("not_found") },
  ],
  "lib/patients/register-patient.ts#registerPatient": [
    {
      run: (w, a) =>
        registerPatient(a, {
          firstName: "New",
          lastName: `Patient${randomUUID().slice(0, 6)}`,
          dateOfBirth: "1990-01-01",
        }),
      expect: E("forbidden", "forbidden", "ok", "forbidden", "ok", "forbidden", "ok"),
      verify: async (w, a, p, created) => {
        const row = await db.patient.findUniqueOrThrow({ where: { id: (created as { id: string }).id } });
        expect(row.clinicId).toBe(a.clinicId);
      },
    },
  ],
  "lib/patients/list-caseload.ts#listCaseload": [
    {
      label: "the whole clinic",
      run: (w, a) => listCaseload(a, { view: "clinic" }),
      expect: prescriberList,
      verify: async (w, a, p, result) => {
        const ids = (result as { rows: Array<{ patientId: string }> }).rows.map((r) => r.patientId);
        const theirs = await db.patient.count({ where: { id: { in: ids }, clinicId: a.clinicId } });
        expect(theirs).toBe(ids.length);
      },
    },
    {
      label: "my patients",
      run: (w, a) => listCaseload(a, { view: "mine" }),
      expect: prescriberList,
      verify: async (w, a, p, result) => {
        const ids = (result as { rows: Array<{ patientId: string }> }).rows.map((r) => r.patientId);
        const mine = await db.patient.count({ where: { id: { in: ids }, primaryTherapistId: a.userId } });
        expect(mine).toBe(ids.length);
      },
    },
  ],
  "lib/patients/set-patient-active.ts#setPatientActive": [
    {
      // A throwaway patient of the home clinic each time, so no other case sees an inactive patient.
      run: async (w, a) => setPatientActive(a, (await createPatient(w.home.clinic.id)).id, { active: false }),
      expect: E("forbidden", "forbidden", "ok", "ok", "ok", "not_found", "not_found"),
      verify: (w, a, p, result) => expect((result as { patient: { active: boolean } }).patient.active).toBe(false),
    },
  ],
  "lib/patients/update-patient.ts#updatePatient": [
    {
      run: async (w, a) =>
        updatePatient(a, (await createPatient(w.home.clinic.id)).id, {
          expectedVersion: 0,
          phone: "2075550142",
        }),
      expect: E("forbidden", "forbidden", "ok", "ok", "ok", "not_found", "not_found"),
      verify: (w, a, p, result) => expect((result as { changed: string[] }).changed).toEqual(["phone"]),
    },
    {
      label: "B's record, with a stale version: refused before anything is written",
      run: (w, a) => updatePatient(a, w.B.patient.id, { expectedVersion: 999_999, phone: "2075550142" }),
      expect: E("forbidden", "forbidden", "conflict", "conflict", "conflict", "not_found", "not_found"),
    },
  ],
  "lib/patients/search-patients.ts#searchPatients": [
    {
      run: (w, a) => searchPatients(a, { q: w.B.patient.lastName }),
      expect: clinicList,
      verify: (w, a, p, rows) =>
        expect((rows as Array<{ id: string }>).some((r) => r.id === w.B.patient.id)).toBe(
          a.clinicId === w.home.clinic.id,
        ),
    },
  ],

  // --- programs
  "lib/programs/end-program.ts#endProgram": [
    { run: async (w, a) => endProgram(a, await w.freshPatientProgram(), { baseVersion: 1 }), expect: clinicianOnly },
  ],
  "lib/programs/get-exercise-history.ts#getExerciseHistory": [
    { run: (w, a) => getExerciseHistory(a, w.B.patient.id), expect: clinicalOwn },
  ],
  "lib/programs/get-patient-program.ts#getPatientProgram": [
    { run: (w, a) => getPatientProgram(a, w.B.patient.id), expect: clinicalOwn },
  ],
  "lib/programs/get-patient-program.ts#loadPatientProgram": [
    { run: (w, a) => loadPatientProgram(a, w.B.patient.id), expect: clinicalOwn },
  ],
  "lib/programs/get-program-follow-up.ts#getProgramFollowUp": [
    { run: (w, a) => getProgramFollowUp(a, w.B.patient.id), expect: clinicianOnly },
  ],
  "lib/programs/get-program-handout.ts#getProgramHandout": [
    { run: (w, a) => getProgramHandout(a, w.B.patient.id), expect: clinicalOwn },
  ],
  "lib/programs/get-today.ts#getToday": [{ run: (w, a) => getToday(a), expect: patientsOnly }],
  "lib/programs/list-low-adherence.ts#listLowAdherence": [
    { run: (w, a) => listLowAdherence(a), expect: prescriberList },
  ],
  "lib/programs/log-exercise-sessions.ts#logExerciseSessions": [
    {
      // Another patient's program item is "not in your program" (422), never a log on their program.
      run: (w, a) =>
        logExerciseSessions(a, {
          logs: [
            {
              clientKey: randomUUID(),
              itemId: w.program.itemId,
              completed: true,
              performedAt: new Date().toISOString(),
            },
          ],
        }),
      expect: E("validation", "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden"),
    },
  ],
  "lib/programs/program-access.ts#programPatient": [
    { label: "to read", run: (w, a) => programPatient(a, w.B.patient.id, "read"), expect: clinicalOwn },
    { label: "to write", run: (w, a) => programPatient(a, w.B.patient.id, "write"), expect: clinicianOnly },
  ],
  "lib/programs/program-templates.ts#listProgramTemplates": [
    { run: (w, a) => listProgramTemplates(a), expect: prescriberList },
  ],
  "lib/programs/program-templates.ts#saveProgramTemplate": [
    {
      // Another clinic's staff cannot put this clinic's exercises in their template.
      run: (w, a) => saveProgramTemplate(a, { name: `Matrix ${randomUUID()}`, items: [itemInput(w.e1.id)] }),
      expect: E("forbidden", "forbidden", "forbidden", "ok", "ok", "validation", "validation"),
    },
  ],
  "lib/programs/program-templates.ts#archiveProgramTemplate": [
    { run: async (w, a) => archiveProgramTemplate(a, await w.freshTemplate()), expect: clinicianOnly },
  ],
  "lib/programs/program-templates.ts#setTemplateMatchedRisk": [
    {
      run: async (w, a) => setTemplateMatchedRisk(a, await w.freshTemplate(), { matchedRisk: "high" }),
      expect: clinicianOnly,
    },
    {
      label: "an unknown group",
      // The body is checked before the template is looked up: the other clinic learns nothing from a 422.
      run: async (w, a) => setTemplateMatchedRisk(a, await w.freshTemplate(), { matchedRisk: "severe" }),
      expect: E("forbidden", "forbidden", "forbidden", "validation", "validation", "validation", "validation"),
    },
  ],
  "lib/programs/save-program.ts#saveProgram": [
    {
      run: async (w, a) => {
        const current = await db.program.findUniqueOrThrow({ where: { id: w.program.id } });
        return saveProgram(a, w.B.patient.id, {
          baseVersion: current.currentVersion,
          title: "Matrix edit",
          startDate: w.today,
          items: [itemInput(w.e1.id)],
        });
      },
      expect: clinicianOnly,
    },
    {
      // Provenance must not point into another clinic: its template is "not in your clinic's library".
      label: "naming another clinic's template",
      run: async (w, a) => {
        const current = await db.program.findUniqueOrThrow({ where: { id: w.program.id } });
        return saveProgram(a, w.B.patient.id, {
          baseVersion: current.currentVersion,
          title: "Matrix edit",
          startDate: w.today,
          templateId: w.awayTemplate.id,
          items: [itemInput(w.e1.id)],
        });
      },
      expect: E("forbidden", "forbidden", "forbidden", "validation", "validation", "not_found", "not_found"),
    },
  ],

  // --- waitlist: B's entries; patients reach their own only, staff their clinic's, urgent is a clinician's call.
  "lib/waitlist/waitlist-access.ts#assertMayUseWaitlist": [
    { run: (w, a) => assertMayUseWaitlist(a), expect: all("ok") },
  ],
  "lib/waitlist/add-waitlist-entry.ts#addWaitlistEntry": [
    {
      label: "for patient B",
      // One open entry per patient and type: each persona starts from none.
      before: () => db.waitlistEntry.updateMany({ where: { status: "waiting" }, data: { status: "removed" } }),
      run: (w, a) => {
        const today = todayIn(TIME_ZONE, new Date());
        return addWaitlistEntry(a, {
          patientId: w.B.patient.id,
          appointmentTypeId: w.homeType.id,
          therapistId: "any",
          weekdays: [1, 2, 3],
          windows: [{ start: "08:00", end: "12:00" }],
          earliestDate: addDays(today, 1),
          latestDate: addDays(today, 20),
        });
      },
      expect: E("not_found", "ok", "ok", "ok", "ok", "not_found", "not_found"),
      verify: async (w, a, p, result) => {
        const row = await db.waitlistEntry.findUniqueOrThrow({ where: { id: (result as { id: string }).id } });
        expect(row.clinicId).toBe(a.clinicId);
        expect(row.patientId).toBe(w.B.patient.id);
        expect(row.createdVia).toBe(a.role === "patient" ? "portal" : "front_desk");
      },
    },
  ],
  "lib/waitlist/list-waitlist-entries.ts#listWaitlistEntries": [
    {
      before: (w) => createWaitlistEntry(w.home.clinic.id, w.B.patient.id, w.homeType.id, w.home.frontDesk.userId),
      run: (w, a) => listWaitlistEntries(a),
      expect: all("ok"),
      verify: async (w, a, p, result) => {
        const { entries } = result as { entries: Array<{ id: string; patient: { id: string } }> };
        if (a.role === "patient") for (const e of entries) expect(e.patient.id).toBe(a.patientId);
        const rows = await db.waitlistEntry.findMany({ where: { id: { in: entries.map((e) => e.id) } } });
        for (const r of rows) expect(r.clinicId).toBe(a.clinicId);
        if (a.clinicId === w.home.clinic.id && a.role !== "patient") expect(entries.length).toBeGreaterThan(0);
      },
    },
  ],
  "lib/waitlist/load-entry.ts#findVisibleEntry": [
    {
      run: async (w, a) =>
        findVisibleEntry(
          a,
          (await createWaitlistEntry(w.home.clinic.id, w.B.patient.id, w.homeType.id, w.home.frontDesk.userId)).id,
        ),
      expect: own,
    },
  ],
  "lib/waitlist/remove-waitlist-entry.ts#removeWaitlistEntry": [
    {
      run: async (w, a) =>
        removeWaitlistEntry(
          a,
          (await createWaitlistEntry(w.home.clinic.id, w.B.patient.id, w.homeType.id, w.home.frontDesk.userId)).id,
        ),
      expect: own,
    },
  ],
  "lib/waitlist/set-entry-priority.ts#setEntryPriority": [
    {
      run: async (w, a) =>
        setEntryPriority(
          a,
          (await createWaitlistEntry(w.home.clinic.id, w.B.patient.id, w.homeType.id, w.home.frontDesk.userId)).id,
          { priority: "urgent" },
        ),
      expect: clinicianOnly,
    },
  ],
  "lib/waitlist/list-freed-times.ts#listFreedTimes": [
    {
      run: (w, a) => listFreedTimes(a),
      expect: clinicList,
      verify: async (w, a, p, result) => {
        const { freedTimes } = result as { freedTimes: Array<{ id: string }> };
        const rows = await db.freedTime.findMany({ where: { id: { in: freedTimes.map((f) => f.id) } } });
        for (const r of rows) expect(r.clinicId).toBe(a.clinicId);
      },
    },
  ],

  // --- episodes of care: B's; the front desk reads schedule facts (never the reason) and records authorisations.
  "lib/episodes/episode-view.ts#findEpisodeRow": [
    {
      run: async (w, a) => findEpisodeRow(a, (await bEpisode(w, "Plain reason")).id),
      expect: E("not_found", "not_found", "ok", "ok", "ok", "not_found", "not_found"),
    },
  ],
  "lib/episodes/get-episode.ts#getEpisode": [
    {
      run: async (w, a) => getEpisode(a, (await bEpisode(w)).id),
      expect: episodeSchedule,
      verify: (w, a, p, result) => {
        // The clinical part is for clinicians only; the front desk's copy has none (and no canary, checked above).
        expect((result as { clinical: unknown }).clinical === null).toBe(p === "frontDesk");
      },
    },
  ],
  "lib/episodes/get-episode.ts#listPatientEpisodes": [
    {
      before: (w) => bEpisode(w),
      run: (w, a) => listPatientEpisodes(a, w.B.patient.id),
      expect: episodeSchedule,
    },
  ],
  "lib/episodes/open-episode.ts#openEpisode": [
    {
      before: (w) => dischargeOpenEpisodes(w.home.clinic.id, w.B.patient.id),
      run: (w, a) =>
        openEpisode(a, {
          patientId: w.B.patient.id,
          intakeId: w.intakeB.submittedId,
          reason: "Back pain",
          visitsPerWeek: 2,
          weeks: 6,
          startDate: w.today,
        }),
      expect: episodeWrite,
      verify: async (w, a, p, result) => {
        const row = await db.episode.findUniqueOrThrow({ where: { id: (result as { id: string }).id } });
        expect(row.openedFromIntakeId).toBe(w.intakeB.submittedId);
        expect(row.clinicId).toBe(w.home.clinic.id);
      },
    },
  ],
  "lib/episodes/update-episode-plan.ts#updateEpisodePlan": [
    {
      run: async (w, a) =>
        updateEpisodePlan(a, (await bEpisode(w)).id, {
          expectedVersion: 1,
          reason: "Back pain, edited",
          goals: ["Lift the grandchildren"],
          visitsPerWeek: 1,
          weeks: 4,
          startDate: w.today,
        }),
      expect: episodeWrite,
    },
  ],
  "lib/episodes/change-episode-status.ts#changeEpisodeStatus": [
    {
      run: async (w, a) => changeEpisodeStatus(a, (await bEpisode(w)).id, { action: "hold" }),
      expect: episodeWrite,
    },
  ],
  "lib/episodes/authorizations.ts#addAuthorization": [
    {
      run: async (w, a) =>
        addAuthorization(a, (await bEpisode(w)).id, {
          payerName: "Matrix Payer",
          visitsAuthorized: 6,
          validFrom: w.today,
          validUntil: addDays(w.today, 30),
        }),
      expect: episodeAuthorize,
    },
  ],
  "lib/episodes/authorizations.ts#updateAuthorization": [
    {
      run: async (w, a) => {
        const episode = await bEpisode(w, undefined, 12);
        return updateAuthorization(a, episode.id, episode.authorizations[0]!.id, {
          payerName: "Matrix Payer",
          visitsAuthorized: 8,
          validFrom: w.today,
          validUntil: addDays(w.today, 30),
        });
      },
      expect: episodeAuthorize,
    },
  ],
  "lib/episodes/authorizations.ts#removeAuthorization": [
    {
      run: async (w, a) => {
        const episode = await bEpisode(w, undefined, 12);
        return removeAuthorization(a, episode.id, episode.authorizations[0]!.id);
      },
      expect: episodeAuthorize,
    },
  ],

  // --- staff
  "lib/staff/list-staff.ts#listStaff": [{ run: (w, a) => listStaff(a), expect: adminList }],
  "lib/staff/reset-staff-mfa.ts#resetStaffMfa": [
    {
      before: (w, a) => w.reauth(a),
      run: (w, a) => resetStaffMfa(a, { userId: w.therapist2.id }),
      expect: adminOfClinic,
    },
  ],
  "lib/staff/set-user-active.ts#setUserActive": [
    { run: (w, a) => setUserActive(a, { userId: w.therapist2.id, active: true }), expect: adminOfClinic },
    {
      // "Staff accounts" (domain.md): a patient's portal account is not the admin's to switch off.
      label: "a patient's account",
      run: (w, a) => setUserActive(a, { userId: w.B.user.id, active: false }),
      expect: E("forbidden", "forbidden", "forbidden", "forbidden", "not_found", "forbidden", "not_found"),
    },
  ],
  // Episodes: FHIR export and remote monitoring (after the audit-log cases: a cross-clinic 404 is audited).
  "lib/episodes/export-fhir-record.ts#exportEpisodeFhir": [
    { run: async (w, a) => exportEpisodeFhir(a, await episodeOfB(w)), expect: clinicianOnly },
  ],
  "lib/episodes/export-fhir-record.ts#exportOwnFhirRecord": [
    { run: (_w, a) => exportOwnFhirRecord(a), expect: patientsOnly },
  ],
  "lib/episodes/get-monitoring-days.ts#getMonitoringDays": [
    { label: "by patient", run: (w, a) => getMonitoringDays(a, { patientId: w.B.patient.id }), expect: clinicianOnly },
    {
      label: "by episode",
      run: async (w, a) => getMonitoringDays(a, { episodeId: await episodeOfB(w) }),
      expect: clinicianOnly,
    },
  ],
  "lib/episodes/monitoring-thresholds.ts#listMonitoringThresholds": [
    { run: (_w, a) => listMonitoringThresholds(a), expect: adminList },
  ],
  "lib/episodes/monitoring-thresholds.ts#saveMonitoringThreshold": [
    {
      run: (_w, a) =>
        saveMonitoringThreshold(a, { label: `Matrix ${randomUUID()}`, minDays: 2, periodDays: 7, source: "Matrix" }),
      expect: adminList,
    },
  ],
  // --- audit
};

/**
 * Server actions are thin (requireActor or requireMfaPending, then one domain
 * call): each maps to the data-access functions it calls. The meta-test reads
 * each action's body and checks this mapping against it.
 */
export const SERVER_ACTIONS: Record<string, { calls: string[] } | { identityBound: string }> = {
  "app/(staff)/clinic/admin/actions.ts#inviteStaffAction": { calls: ["lib/accounts/invite-staff.ts#inviteStaff"] },
  "app/(staff)/clinic/admin/actions.ts#resendInvitationAction": {
    calls: ["lib/accounts/staff-invitations.ts#resendStaffInvitation"],
  },
  "app/(staff)/clinic/admin/actions.ts#revokeInvitationAction": {
    calls: ["lib/accounts/staff-invitations.ts#revokeStaffInvitation"],
  },
  "app/(staff)/clinic/admin/actions.ts#setUserActiveAction": { calls: ["lib/staff/set-user-active.ts#setUserActive"] },
  "app/(staff)/clinic/admin/actions.ts#retryMessageAction": {
    calls: ["lib/notifications/retry-message.ts#retryFailedMessage"],
  },
  "app/(staff)/clinic/admin/actions.ts#resetStaffMfaAction": { calls: ["lib/staff/reset-staff-mfa.ts#resetStaffMfa"] },
  "app/(staff)/clinic/admin/text-replies/actions.ts#simulateTextReplyAction": {
    calls: ["lib/text-replies/text-reply-log.ts#simulateInboundText"],
  },
  "app/(staff)/clinic/front-desk/actions.ts#completeFrontDeskTaskAction": {
    calls: ["lib/front-desk/front-desk-tasks.ts#completeFrontDeskTask"],
  },
  "app/(staff)/clinic/admin/monitoring/actions.ts#saveMonitoringThresholdAction": {
    calls: ["lib/episodes/monitoring-thresholds.ts#saveMonitoringThreshold"],
  },
  "app/(staff)/clinic/admin/booking/actions.ts#saveBookingSettingsAction": {
    calls: ["lib/booking/booking-settings.ts#updateBookingSettings"],
  },
  "app/(staff)/clinic/admin/booking/actions.ts#saveReminderScheduleAction": {
    calls: ["lib/booking/reminder-schedule.ts#updateReminderSchedule"],
  },
  "app/(staff)/clinic/admin/booking/actions.ts#saveWaitlistSettingsAction": {
    calls: ["lib/waitlist/waitlist-settings.ts#updateWaitlistSettings"],
  },
  "app/(staff)/clinic/admin/booking/actions.ts#saveEpisodeSettingsAction": {
    calls: ["lib/episodes/episode-settings.ts#updateEpisodeSettings"],
  },
  "app/(staff)/clinic/front-desk/follow-up/actions.ts#remindFollowUpAction": {
    calls: ["lib/episodes/remind-follow-up.ts#remindFollowUp"],
  },
  "app/(staff)/clinic/admin/booking/actions.ts#saveAppointmentTypeAction": {
    calls: ["lib/booking/appointment-types.ts#saveAppointmentType"],
  },
  "app/(staff)/clinic/admin/booking/actions.ts#setWeeklyHoursAction": {
    calls: ["lib/booking/therapist-schedules.ts#setWeeklyHours"],
  },
  "app/(staff)/clinic/admin/booking/actions.ts#addOverrideAction": {
    calls: ["lib/booking/therapist-schedules.ts#addScheduleOverride"],
  },
  "app/(staff)/clinic/admin/booking/actions.ts#removeOverrideAction": {
    calls: ["lib/booking/therapist-schedules.ts#removeScheduleOverride"],
  },
  "app/(staff)/clinic/admin/settings/actions.ts#saveClinicSettingsAction": {
    calls: ["lib/clinics/update-clinic-settings.ts#updateClinicSettings"],
  },
  "app/account/security/actions.ts#confirmIdentityAction": { calls: ["lib/auth/mfa.ts#confirmIdentity"] },
  "app/account/security/actions.ts#changePasswordAction": { calls: ["lib/auth/change-password.ts#changePassword"] },
  "app/account/security/actions.ts#changeEmailAction": { calls: ["lib/auth/change-email.ts#changeEmail"] },
  "app/account/security/actions.ts#regenerateRecoveryCodesAction": {
    calls: ["lib/auth/mfa.ts#regenerateRecoveryCodes"],
  },
  // The second sign-in step acts only on the half-signed-in session's own user: there is no id to swap.
  "app/sign-in/verify/actions.ts#verifyCodeAction": {
    identityBound: "verifySecondFactor(requireMfaPending(), ...): tests/integration/mfa.test.ts",
  },
  "app/sign-in/verify/actions.ts#completeEnrolmentAction": {
    identityBound: "completeEnrolment(requireMfaPending(), ...): tests/integration/mfa.test.ts",
  },
};
