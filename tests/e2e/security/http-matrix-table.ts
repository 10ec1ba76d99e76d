/**
 * The HTTP authorization matrix: one row per route handler method (some
 * methods have a second row for the patient's own records, or for another
 * clinic's patient), the request with ids filled from real seeded records, and
 * the status each persona must get. Plain data and functions, no Playwright:
 * the meta-test (tests/unit/security/authz-inventory.test.ts) imports it to
 * check that every exported method of every app/**\/route.ts has a row.
 *
 * Ids are chosen per persona so that every request is an IDOR probe where one
 * makes sense: a patient asks for the OTHER patient's records (Alex Rivera's
 * for Jordan Lee and Jordan's for Alex), the other clinic's therapist and the
 * demo clinic's staff ask for Alex's (the demo patient with the most clinical
 * data: submitted intakes, a program, appointments), so the front desk is
 * asking for clinical records it must not read.
 *
 * Writes: a persona that may write gets a request that passes authorization
 * and then stops without changing anything (a stale version, a date in the
 * past, an intake already submitted, an invalid body checked after the
 * permission) or acts on throwaway records made for the matrix. Nothing here
 * may change the demo data other tests rely on.
 */

export const PERSONAS = [
  "anonymous",
  "patientA",
  "patientB",
  "frontDesk",
  "therapist",
  "otherClinicTherapist",
  "admin",
] as const;
export type Persona = (typeof PERSONAS)[number];

/** The records of one demo patient the matrix aims at. */
export type PatientRecords = {
  patientId: string;
  /** The first submitted intake, or the open draft when none is submitted. */
  intakeId: string;
  draftIntakeId: string | null;
  appointmentId: string;
  programId: string | null;
  programItemId: string | null;
  /** The open (else latest) episode of care; the demo gives Alex one, Jordan none. */
  episodeId: string | null;
};

export type MatrixIds = {
  alex: PatientRecords;
  jordan: PatientRecords;
  otherClinicPatientId: string;
  exerciseId: string;
  templateId: string;
  onlineTypeId: string;
  therapistId: string;
  acknowledgedFlagId: string;
  /** Throwaway records made for the matrix by its fixture. */
  probe: {
    /** Archived; PUT, PATCH, media upload and removal act on it. */
    exerciseId: string;
    /** A picture uploaded to another archived probe exercise. */
    mediaId: string;
    /** A live intake link of a throwaway patient. */
    intakeToken: string;
  };
  dates: { today: string; yesterday: string; yesterdayWeekday: number; inTwoWeeks: string };
};

export type RowContext = {
  ids: MatrixIds;
  persona: Persona;
  /** Records the persona must not reach when it is a patient or of another clinic: the other patient's, else Alex's. */
  target: PatientRecords;
  /** The persona's own records when it is a patient (Alex for patient A, Jordan for patient B), else Alex's. */
  self: PatientRecords;
  /** Set by `prepare` for this one request. */
  prepared?: string;
};

export type Expected = number | readonly number[] | { skip: string };

export type Body =
  { json: unknown } | { multipart: Record<string, { name: string; mimeType: string; buffer: Buffer }> };

export type MatrixRow = {
  route: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** What is special about this row (own records, another clinic), when a method has several. */
  variant?: string;
  path: (c: RowContext) => string;
  body?: (c: RowContext) => Body;
  headers?: () => Record<string, string>;
  expect: Record<Persona, Expected>;
  /**
   * Made just before the request for the personas it names, with the
   * persona's own session (e.g. a fresh template to archive).
   */
  prepare?: { for: readonly Persona[]; run: (c: RowContext, api: PrepareApi) => Promise<string> };
};

export type PrepareApi = { post(path: string, data: unknown): Promise<{ status: number; json: unknown }> };

const NOWHERE = "00000000-0000-4000-8000-000000000000";
const STALE = 999_999;
const json = (value: unknown): Body => ({ json: value });
/** anonymous, patient A, patient B, front desk, therapist, other clinic's therapist, admin */
const E = (
  anonymous: Expected,
  patientA: Expected,
  patientB: Expected,
  frontDesk: Expected,
  therapist: Expected,
  otherClinicTherapist: Expected,
  admin: Expected,
): Record<Persona, Expected> => ({
  anonymous,
  patientA,
  patientB,
  frontDesk,
  therapist,
  otherClinicTherapist,
  admin,
});
const all = (status: Expected) => E(status, status, status, status, status, status, status);
const newKey = () => ({ "Idempotency-Key": crypto.randomUUID() });
const feedSkip = { skip: "would replace the patient's live calendar-feed URL that other tests use" };
const credentialSkip = (why: string) => ({ skip: why });
const logSkip = { skip: "would add an exercise log to the patient's adherence that other tests read" };

// A 1x1 PNG is not needed: the sniffer reads the signature only.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

export const PROBE_EXERCISE_BODY = (name: string) => ({
  name,
  summary: "Throwaway exercise for the authorization matrix.",
  bodyArea: "core",
  position: "lying_on_side",
  equipment: ["mat"],
  targetMuscles: "obliques",
  steps: "Lie on your side.",
  cues: "",
  cautions: "",
  figureKey: "",
  defaultDosage: { kind: "hold", sets: "3", holdSeconds: "15", side: "both" },
});

const dosage = { kind: "reps", sets: 2, reps: 10, timesPerDay: 1, daysPerWeek: 7 };

export const HTTP_MATRIX: readonly MatrixRow[] = [
  // --- accounts: the emailed link's token is the credential, whoever holds it; an unknown one is a 410.
  {
    route: "app/api/account/invitation/route.ts",
    method: "POST",
    path: () => "/api/account/invitation",
    body: () => json({ token: "B".repeat(43), password: "a long enough passphrase" }),
    expect: all(410),
  },
  {
    // An invalid address is refused before the throttle counts it, so the matrix spends none of the per-IP allowance.
    route: "app/api/account/password-reset/route.ts",
    method: "POST",
    path: () => "/api/account/password-reset",
    body: () => json({ email: "not an email address" }),
    expect: all(422),
  },
  {
    route: "app/api/account/password-reset/complete/route.ts",
    method: "POST",
    path: () => "/api/account/password-reset/complete",
    body: () => json({ token: "B".repeat(43), password: "a long enough passphrase" }),
    expect: all(410),
  },

  // --- next-auth: public by design; its own CSRF token guards the POSTs.
  {
    route: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    path: () => "/api/auth/session",
    expect: all(200),
  },
  {
    // Without next-auth's CSRF token the sign-out is refused (redirect back); the session must survive.
    route: "app/api/auth/[...nextauth]/route.ts",
    method: "POST",
    path: () => "/api/auth/signout",
    body: () => json({}),
    expect: all(302),
  },

  // --- booking
  {
    route: "app/api/booking/appointment-types/route.ts",
    method: "GET",
    path: () => "/api/booking/appointment-types",
    expect: E(401, 200, 200, 200, 200, 200, 200),
  },
  {
    route: "app/api/booking/appointments/[appointmentId]/cancel/route.ts",
    method: "POST",
    path: (c) => `/api/booking/appointments/${c.target.appointmentId}/cancel`,
    body: () => json({ expectedVersion: STALE, reason: "Authorization matrix probe" }),
    expect: E(401, 404, 404, 409, 403, 403, 409),
  },
  {
    route: "app/api/booking/appointments/[appointmentId]/cancel/route.ts",
    method: "POST",
    variant: "own appointment",
    path: (c) => `/api/booking/appointments/${c.self.appointmentId}/cancel`,
    body: () => json({ expectedVersion: STALE, reason: "Authorization matrix probe" }),
    expect: E(401, 409, 409, 409, 403, 403, 409),
  },
  {
    route: "app/api/booking/appointments/[appointmentId]/route.ts",
    method: "PATCH",
    path: (c) => `/api/booking/appointments/${c.target.appointmentId}`,
    body: (c) => json({ expectedVersion: STALE, startsAt: `${c.ids.dates.inTwoWeeks}T14:00:00.000Z` }),
    expect: E(401, 404, 404, [409, 422], 403, 403, [409, 422]),
  },
  {
    route: "app/api/booking/appointments/[appointmentId]/route.ts",
    method: "PATCH",
    variant: "own appointment",
    path: (c) => `/api/booking/appointments/${c.self.appointmentId}`,
    body: (c) => json({ expectedVersion: STALE, startsAt: `${c.ids.dates.inTwoWeeks}T14:00:00.000Z` }),
    expect: E(401, [409, 422], [409, 422], [409, 422], 403, 403, [409, 422]),
  },
  {
    route: "app/api/booking/appointments/[appointmentId]/status/route.ts",
    method: "POST",
    path: (c) => `/api/booking/appointments/${c.target.appointmentId}/status`,
    body: () => json({ expectedVersion: STALE, action: "check_in" }),
    expect: E(401, 403, 403, 409, 403, 403, 409),
  },
  {
    route: "app/api/booking/appointments/mine/route.ts",
    method: "GET",
    path: () => "/api/booking/appointments/mine",
    expect: E(401, 200, 200, 403, 403, 403, 403),
  },
  {
    // A time yesterday: allowed personas are refused by the time checks, after authorization, before any write.
    route: "app/api/booking/appointments/route.ts",
    method: "POST",
    path: () => "/api/booking/appointments",
    headers: newKey,
    body: (c) =>
      json({
        appointmentTypeId: c.ids.onlineTypeId,
        therapistId: c.ids.therapistId,
        patientId: c.target.patientId,
        startsAt: `${c.ids.dates.yesterday}T15:00:00.000Z`,
      }),
    expect: E(401, 404, 404, 422, 403, 403, 422),
  },
  {
    route: "app/api/booking/appointments/route.ts",
    method: "POST",
    variant: "own booking",
    path: () => "/api/booking/appointments",
    headers: newKey,
    body: (c) =>
      json({
        appointmentTypeId: c.ids.onlineTypeId,
        therapistId: c.ids.therapistId,
        startsAt: `${c.ids.dates.yesterday}T15:00:00.000Z`,
      }),
    expect: E(401, 422, 422, 422, 403, 403, 422),
  },
  {
    route: "app/api/booking/calendar-feed/route.ts",
    method: "GET",
    path: () => "/api/booking/calendar-feed",
    expect: E(401, 200, 200, 403, 403, 403, 403),
  },
  {
    route: "app/api/booking/calendar-feed/route.ts",
    method: "POST",
    path: () => "/api/booking/calendar-feed",
    expect: E(401, feedSkip, feedSkip, 403, 403, 403, 403),
  },
  {
    route: "app/api/booking/calendar-feed/route.ts",
    method: "DELETE",
    path: () => "/api/booking/calendar-feed",
    expect: E(401, feedSkip, feedSkip, 403, 403, 403, 403),
  },
  {
    route: "app/api/booking/calendar/route.ts",
    method: "GET",
    path: (c) => `/api/booking/calendar?date=${c.ids.dates.today}&view=week`,
    expect: E(401, 403, 403, 200, 200, 200, 200),
  },
  {
    // Yesterday: every occurrence conflicts (in the past), so an allowed persona gets 409 and nothing is booked.
    route: "app/api/booking/series/route.ts",
    method: "POST",
    path: () => "/api/booking/series",
    headers: newKey,
    body: (c) =>
      json({
        appointmentTypeId: c.ids.onlineTypeId,
        therapistId: c.ids.therapistId,
        patientId: c.target.patientId,
        firstDate: c.ids.dates.yesterday,
        weekdays: [c.ids.dates.yesterdayWeekday],
        time: "10:00",
        weeks: 1,
      }),
    expect: E(401, 403, 403, 409, 403, 403, 409),
  },
  {
    route: "app/api/booking/slots/route.ts",
    method: "GET",
    path: (c) =>
      `/api/booking/slots?appointmentTypeId=${c.ids.onlineTypeId}&from=${c.ids.dates.inTwoWeeks}&to=${c.ids.dates.inTwoWeeks}&patientId=${c.target.patientId}`,
    expect: E(401, 404, 404, 200, 403, 403, 200),
  },
  {
    route: "app/api/booking/slots/route.ts",
    method: "GET",
    variant: "own slots",
    path: (c) =>
      `/api/booking/slots?appointmentTypeId=${c.ids.onlineTypeId}&from=${c.ids.dates.inTwoWeeks}&to=${c.ids.dates.inTwoWeeks}`,
    expect: E(401, 200, 200, 200, 403, 403, 200),
  },
  {
    // The token is the credential: an unknown one is a 404 whoever asks.
    route: "app/api/calendar-feed/[token]/route.ts",
    method: "GET",
    path: () => `/api/calendar-feed/${"A".repeat(43)}.ics`,
    expect: all(404),
  },

  // --- waitlist: no demo entries exist, so writes aim at a missing entry or stop at validation; nothing is written.
  {
    route: "app/api/waitlist/entries/route.ts",
    method: "GET",
    path: () => "/api/waitlist/entries",
    expect: E(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // Dates in the past: refused by the schema after authorization, before any lookup or write.
    route: "app/api/waitlist/entries/route.ts",
    method: "POST",
    path: () => "/api/waitlist/entries",
    body: (c) =>
      json({
        patientId: c.target.patientId,
        appointmentTypeId: c.ids.onlineTypeId,
        therapistId: "any",
        weekdays: [1, 2, 3, 4, 5],
        windows: [{ start: "08:00", end: "12:00" }],
        earliestDate: c.ids.dates.yesterday,
        latestDate: c.ids.dates.yesterday,
      }),
    expect: E(401, 422, 422, 422, 422, 422, 422),
  },
  {
    // A valid body for another patient with an unknown type: a patient or another clinic's therapist never
    // learns the patient exists (404); the demo clinic's staff reach the type check (422) and nothing is written.
    route: "app/api/waitlist/entries/route.ts",
    method: "POST",
    variant: "another patient, unknown type",
    path: () => "/api/waitlist/entries",
    body: (c) =>
      json({
        patientId: c.target.patientId,
        appointmentTypeId: NOWHERE,
        therapistId: "any",
        weekdays: [1, 2, 3, 4, 5],
        windows: [{ start: "08:00", end: "12:00" }],
        earliestDate: c.ids.dates.inTwoWeeks,
        latestDate: c.ids.dates.inTwoWeeks,
      }),
    expect: E(401, 404, 404, 422, 422, 404, 422),
  },
  {
    route: "app/api/waitlist/entries/[entryId]/route.ts",
    method: "DELETE",
    path: () => `/api/waitlist/entries/${NOWHERE}`,
    expect: E(401, 404, 404, 404, 404, 404, 404),
  },
  {
    // Not an id: refused by the schema after authorization, so the cross-site check has a write that gets that far.
    route: "app/api/waitlist/entries/[entryId]/route.ts",
    method: "DELETE",
    variant: "malformed id",
    path: () => "/api/waitlist/entries/not-an-id",
    expect: E(401, 422, 422, 422, 422, 422, 422),
  },
  {
    // Urgent is a clinician's call: patients and the front desk are refused before any lookup.
    route: "app/api/waitlist/entries/[entryId]/route.ts",
    method: "PATCH",
    path: () => `/api/waitlist/entries/${NOWHERE}`,
    body: () => json({ priority: "urgent" }),
    expect: E(401, 403, 403, 403, 404, 404, 404),
  },
  {
    route: "app/api/waitlist/entries/[entryId]/route.ts",
    method: "PATCH",
    variant: "malformed id",
    path: () => "/api/waitlist/entries/not-an-id",
    body: () => json({ priority: "urgent" }),
    expect: E(401, 403, 403, 403, 422, 422, 422),
  },
  {
    route: "app/api/waitlist/freed-times/route.ts",
    method: "GET",
    path: () => "/api/waitlist/freed-times",
    expect: E(401, 403, 403, 200, 200, 200, 200),
  },

  // --- exercises and programs
  {
    route: "app/api/clinic/low-adherence/route.ts",
    method: "GET",
    path: () => "/api/clinic/low-adherence",
    expect: E(401, 403, 403, 403, 200, 200, 200),
  },
  {
    route: "app/api/exercise-media/[mediaId]/route.ts",
    method: "GET",
    path: (c) => `/api/exercise-media/${c.ids.probe.mediaId}`,
    expect: E(401, 404, 404, 404, 200, 404, 200),
  },
  {
    route: "app/api/exercises/[exerciseId]/media/route.ts",
    method: "POST",
    path: (c) => `/api/exercises/${c.ids.probe.exerciseId}/media`,
    body: () => ({ multipart: { file: { name: "probe.png", mimeType: "image/png", buffer: PNG } } }),
    expect: E(401, 403, 403, 403, 201, 404, 201),
  },
  {
    route: "app/api/exercises/[exerciseId]/media/route.ts",
    method: "DELETE",
    path: (c) => `/api/exercises/${c.ids.probe.exerciseId}/media`,
    expect: E(401, 403, 403, 403, 200, 404, 200),
  },
  {
    route: "app/api/exercises/[exerciseId]/route.ts",
    method: "GET",
    path: (c) => `/api/exercises/${c.ids.exerciseId}`,
    expect: E(401, 403, 403, 403, 200, 404, 200),
  },
  {
    route: "app/api/exercises/[exerciseId]/route.ts",
    method: "PUT",
    path: (c) => `/api/exercises/${c.ids.probe.exerciseId}`,
    body: (c) => json(PROBE_EXERCISE_BODY(`Matrix probe ${c.ids.probe.exerciseId.slice(-8)}`)),
    expect: E(401, 403, 403, 403, 200, 404, 200),
  },
  {
    route: "app/api/exercises/[exerciseId]/route.ts",
    method: "PATCH",
    path: (c) => `/api/exercises/${c.ids.probe.exerciseId}`,
    body: () => json({ archived: true }),
    expect: E(401, 403, 403, 403, 200, 404, 200),
  },
  {
    route: "app/api/exercises/route.ts",
    method: "GET",
    path: () => "/api/exercises",
    expect: E(401, 403, 403, 403, 200, 200, 200),
  },
  {
    // An empty body: the permission is checked first, so allowed roles get 422 and nothing is created.
    route: "app/api/exercises/route.ts",
    method: "POST",
    path: () => "/api/exercises",
    body: () => json({}),
    expect: E(401, 403, 403, 403, 422, 422, 422),
  },
  {
    // The provider's webhook: the signature is the credential, so an unsigned call is refused whoever sends it.
    route: "app/api/sms/inbound/route.ts",
    method: "POST",
    path: () => "/api/sms/inbound",
    body: () => json({ MessageSid: `SM${"0".repeat(32)}`, From: "+15550000000", To: "+15550000001", Body: "C" }),
    expect: all(403),
  },
  {
    // A signed call is the provider, not a persona: the matrix leaves it to tests/e2e/text-replies.spec.ts, and
    // the cross-site check still sends it with a hostile Origin (refused before the signature is read).
    route: "app/api/sms/inbound/route.ts",
    method: "POST",
    variant: "as the provider",
    path: () => "/api/sms/inbound",
    body: () => json({ MessageSid: `SM${"1".repeat(32)}`, From: "+15550000000", To: "+15550000001", Body: "C" }),
    expect: all(credentialSkip("a signed call acts on a patient's visit (tests/e2e/text-replies.spec.ts)")),
  },
  {
    route: "app/api/health/route.ts",
    method: "GET",
    path: () => "/api/health",
    expect: all(200),
  },
  {
    route: "app/api/health/live/route.ts",
    method: "GET",
    path: () => "/api/health/live",
    expect: all(200),
  },
  {
    route: "app/api/health/ready/route.ts",
    method: "GET",
    path: () => "/api/health/ready",
    expect: all(200),
  },

  // --- intake through a link: the token is the credential, whoever holds it (a throwaway patient's link).
  {
    route: "app/api/intake/[token]/draft/route.ts",
    method: "PUT",
    path: (c) => `/api/intake/${c.ids.probe.intakeToken}/draft`,
    body: () => json({ answers: {}, baseRevision: STALE }),
    expect: all(409),
  },
  {
    route: "app/api/intake/[token]/draft/route.ts",
    method: "POST",
    path: (c) => `/api/intake/${c.ids.probe.intakeToken}/draft`,
    body: () => json({ answers: {}, baseRevision: STALE }),
    expect: all(409),
  },
  {
    route: "app/api/intake/[token]/route.ts",
    method: "GET",
    path: (c) => `/api/intake/${c.ids.probe.intakeToken}`,
    expect: all(200),
  },
  {
    // The draft is incomplete: refused with the missing steps, never submitted.
    route: "app/api/intake/[token]/submit/route.ts",
    method: "POST",
    path: (c) => `/api/intake/${c.ids.probe.intakeToken}/submit`,
    body: () => json({ submissionKey: crypto.randomUUID() }),
    expect: all(422),
  },
  // --- episodes of care: Alex's demo episode; writes stop at validation, a stale version or a missing record.
  {
    route: "app/api/patients/[patientId]/episodes/route.ts",
    method: "GET",
    path: (c) => `/api/patients/${c.target.patientId}/episodes`,
    expect: E(401, 403, 403, 200, 200, 404, 200),
  },
  {
    // weeks 0: refused by the schema after authorization, before any lookup or write.
    route: "app/api/patients/[patientId]/episodes/route.ts",
    method: "POST",
    path: (c) => `/api/patients/${c.target.patientId}/episodes`,
    body: (c) => json({ reason: "Matrix", visitsPerWeek: 2, weeks: 0, startDate: c.ids.dates.today }),
    expect: E(401, 403, 403, 403, 422, 422, 422),
  },
  {
    route: "app/api/episodes/[episodeId]/route.ts",
    method: "GET",
    path: (c) => `/api/episodes/${c.target.episodeId ?? NOWHERE}`,
    expect: E(401, 403, 403, 200, 200, 404, 200),
  },
  {
    // A stale version: clinicians reach the compare-and-set (409) and nothing is written.
    route: "app/api/episodes/[episodeId]/route.ts",
    method: "PATCH",
    path: (c) => `/api/episodes/${c.target.episodeId ?? NOWHERE}`,
    body: (c) =>
      json({
        expectedVersion: STALE,
        reason: "Matrix",
        goals: [],
        visitsPerWeek: 2,
        weeks: 6,
        startDate: c.ids.dates.today,
      }),
    expect: E(401, 403, 403, 403, 409, 404, 409),
  },
  {
    route: "app/api/episodes/[episodeId]/route.ts",
    method: "PATCH",
    variant: "malformed id",
    path: () => "/api/episodes/not-an-id",
    body: () => json({ expectedVersion: 1 }),
    expect: E(401, 403, 403, 403, 422, 422, 422),
  },
  {
    // A discharge without reason or date: a field error after the lookup, nothing written.
    route: "app/api/episodes/[episodeId]/status/route.ts",
    method: "POST",
    path: (c) => `/api/episodes/${c.target.episodeId ?? NOWHERE}/status`,
    body: () => json({ action: "discharge" }),
    expect: E(401, 403, 403, 403, 422, 404, 422),
  },
  {
    // An authorisation ending before it starts: the front desk may record one, and reaches the schema.
    route: "app/api/episodes/[episodeId]/authorizations/route.ts",
    method: "POST",
    path: (c) => `/api/episodes/${c.target.episodeId ?? NOWHERE}/authorizations`,
    body: (c) =>
      json({
        payerName: "Matrix Payer",
        visitsAuthorized: 4,
        validFrom: c.ids.dates.today,
        validUntil: c.ids.dates.yesterday,
      }),
    expect: E(401, 403, 403, 422, 422, 404, 422),
  },
  {
    route: "app/api/episodes/[episodeId]/authorizations/[authorizationId]/route.ts",
    method: "PATCH",
    path: (c) => `/api/episodes/${c.target.episodeId ?? NOWHERE}/authorizations/${NOWHERE}`,
    body: (c) =>
      json({ payerName: "Matrix", visitsAuthorized: 4, validFrom: c.ids.dates.today, validUntil: c.ids.dates.today }),
    expect: E(401, 403, 403, 404, 404, 404, 404),
  },
  {
    route: "app/api/episodes/[episodeId]/authorizations/[authorizationId]/route.ts",
    method: "PATCH",
    variant: "malformed id",
    path: () => "/api/episodes/not-an-id/authorizations/not-an-id",
    body: () => json({}),
    expect: E(401, 403, 403, 422, 422, 422, 422),
  },
  {
    route: "app/api/episodes/[episodeId]/authorizations/[authorizationId]/route.ts",
    method: "DELETE",
    path: (c) => `/api/episodes/${c.target.episodeId ?? NOWHERE}/authorizations/${NOWHERE}`,
    expect: E(401, 403, 403, 404, 404, 404, 404),
  },
  {
    route: "app/api/episodes/[episodeId]/authorizations/[authorizationId]/route.ts",
    method: "DELETE",
    variant: "malformed id",
    path: () => "/api/episodes/not-an-id/authorizations/not-an-id",
    expect: E(401, 403, 403, 422, 422, 422, 422),
  },

  // --- waitlist offer links: the token is the credential; an unknown one is a 404 for everyone.
  {
    route: "app/api/waitlist/offers/[token]/accept/route.ts",
    method: "POST",
    path: () => `/api/waitlist/offers/${"A".repeat(43)}/accept`,
    expect: all(404),
  },
  {
    // A live offer's link books or declines for the patient it was sent to: the matrix leaves it to
    // tests/e2e/waitlist-offer.spec.ts; the cross-site check still sends it with a hostile Origin.
    route: "app/api/waitlist/offers/[token]/accept/route.ts",
    method: "POST",
    variant: "a live offer",
    path: () => `/api/waitlist/offers/${"B".repeat(43)}/accept`,
    expect: all(credentialSkip("a live offer link would accept for its patient (tests/e2e/waitlist-offer.spec.ts)")),
  },
  {
    route: "app/api/waitlist/offers/[token]/decline/route.ts",
    method: "POST",
    path: () => `/api/waitlist/offers/${"A".repeat(43)}/decline`,
    expect: all(404),
  },
  {
    // A live offer's link books or declines for the patient it was sent to: the matrix leaves it to
    // tests/e2e/waitlist-offer.spec.ts; the cross-site check still sends it with a hostile Origin.
    route: "app/api/waitlist/offers/[token]/decline/route.ts",
    method: "POST",
    variant: "a live offer",
    path: () => `/api/waitlist/offers/${"B".repeat(43)}/decline`,
    expect: all(credentialSkip("a live offer link would decline for its patient (tests/e2e/waitlist-offer.spec.ts)")),
  },
  {
    route: "app/api/intake/account/route.ts",
    method: "POST",
    path: () => "/api/intake/account",
    body: () =>
      json({ setupToken: "B".repeat(43), email: "matrix.probe@example.com", password: "a long enough passphrase" }),
    expect: all(410),
  },

  // --- intake for signed-in patients and clinicians
  {
    route: "app/api/intakes/[intakeId]/draft/route.ts",
    method: "PUT",
    path: (c) => `/api/intakes/${c.target.draftIntakeId ?? c.target.intakeId}/draft`,
    body: () => json({ answers: {}, baseRevision: STALE }),
    expect: E(401, 404, 404, 403, 403, 403, 403),
  },
  {
    route: "app/api/intakes/[intakeId]/draft/route.ts",
    method: "PUT",
    variant: "own intake",
    path: (c) => `/api/intakes/${c.self.draftIntakeId ?? c.self.intakeId}/draft`,
    body: () => json({ answers: {}, baseRevision: STALE }),
    expect: E(401, 409, 409, 403, 403, 403, 403),
  },
  {
    route: "app/api/intakes/[intakeId]/draft/route.ts",
    method: "POST",
    path: (c) => `/api/intakes/${c.target.draftIntakeId ?? c.target.intakeId}/draft`,
    body: () => json({ answers: {}, baseRevision: STALE }),
    expect: E(401, 404, 404, 403, 403, 403, 403),
  },
  {
    route: "app/api/intakes/[intakeId]/draft/route.ts",
    method: "POST",
    variant: "own intake",
    path: (c) => `/api/intakes/${c.self.draftIntakeId ?? c.self.intakeId}/draft`,
    body: () => json({ answers: {}, baseRevision: STALE }),
    expect: E(401, 409, 409, 403, 403, 403, 403),
  },
  {
    route: "app/api/intakes/[intakeId]/fhir/route.ts",
    method: "GET",
    path: (c) => `/api/intakes/${c.target.intakeId}/fhir`,
    expect: E(401, 404, 404, 403, 200, 404, 200),
  },
  {
    // Patients read their own intake once submitted; Jordan's is still a draft.
    route: "app/api/intakes/[intakeId]/fhir/route.ts",
    method: "GET",
    variant: "own intake",
    path: (c) => `/api/intakes/${c.self.intakeId}/fhir`,
    expect: E(401, 200, 404, 403, 200, 404, 200),
  },
  {
    // Aggregates of the asker's own clinic: the other clinic's therapist gets their own clinic's report.
    route: "app/api/outcomes/report.csv/route.ts",
    method: "GET",
    path: (c) => `/api/outcomes/report.csv?from=${c.ids.dates.yesterday}&to=${c.ids.dates.today}`,
    expect: E(401, 403, 403, 403, 200, 200, 200),
  },
  {
    route: "app/api/outcomes/report.csv/route.ts",
    method: "GET",
    variant: "dates out of order",
    path: (c) => `/api/outcomes/report.csv?from=${c.ids.dates.today}&to=${c.ids.dates.yesterday}`,
    expect: E(401, 403, 403, 403, 422, 422, 422),
  },
  {
    // Staff and patient B aim at Alex's episode; patient A at Jordan's (none: a made-up id).
    route: "app/api/episodes/[episodeId]/fhir/route.ts",
    method: "GET",
    path: (c) => `/api/episodes/${c.target.episodeId ?? NOWHERE}/fhir`,
    expect: E(401, 403, 403, 403, 200, 404, 200),
  },
  {
    // Only a patient downloads their own record here; staff export an episode.
    route: "app/api/me/fhir/route.ts",
    method: "GET",
    path: () => "/api/me/fhir",
    expect: E(401, 200, 200, 403, 403, 403, 403),
  },
  {
    // Alex's intake is submitted: an allowed role is told so (409) and no link changes.
    route: "app/api/intakes/[intakeId]/links/route.ts",
    method: "DELETE",
    path: (c) => `/api/intakes/${c.target.intakeId}/links`,
    expect: E(401, 403, 403, 409, 403, 403, 409),
  },
  {
    route: "app/api/intakes/[intakeId]/route.ts",
    method: "GET",
    path: (c) => `/api/intakes/${c.target.draftIntakeId ?? c.target.intakeId}`,
    expect: E(401, 404, 404, 403, 403, 403, 403),
  },
  {
    route: "app/api/intakes/[intakeId]/route.ts",
    method: "GET",
    variant: "own intake",
    path: (c) => `/api/intakes/${c.self.draftIntakeId ?? c.self.intakeId}`,
    expect: E(401, 409, 200, 403, 403, 403, 403),
  },
  {
    route: "app/api/intakes/[intakeId]/submit/route.ts",
    method: "POST",
    path: (c) => `/api/intakes/${c.target.draftIntakeId ?? c.target.intakeId}/submit`,
    body: () => json({ submissionKey: crypto.randomUUID() }),
    expect: E(401, 404, 404, 403, 403, 403, 403),
  },
  {
    // Alex's is already submitted (409); Jordan's draft is incomplete (422): both stop before any write.
    route: "app/api/intakes/[intakeId]/submit/route.ts",
    method: "POST",
    variant: "own intake",
    path: (c) => `/api/intakes/${c.self.draftIntakeId ?? c.self.intakeId}/submit`,
    body: () => json({ submissionKey: crypto.randomUUID() }),
    expect: E(401, 409, 422, 403, 403, 403, 403),
  },

  // --- the patient's own exercise API
  {
    // Another patient's program item: refused as "not in your program", nothing stored.
    route: "app/api/me/exercise-logs/route.ts",
    method: "POST",
    path: () => "/api/me/exercise-logs",
    body: (c) =>
      json({
        logs: [
          {
            clientKey: crypto.randomUUID(),
            itemId: c.target.programItemId ?? NOWHERE,
            completed: true,
            performedAt: new Date().toISOString(),
          },
        ],
      }),
    expect: E(401, 422, 422, 403, 403, 403, 403),
  },
  {
    route: "app/api/me/exercise-logs/route.ts",
    method: "POST",
    variant: "own program item",
    path: () => "/api/me/exercise-logs",
    body: (c) =>
      json({
        logs: [
          {
            clientKey: crypto.randomUUID(),
            itemId: c.self.programItemId ?? NOWHERE,
            completed: true,
            performedAt: new Date().toISOString(),
          },
        ],
      }),
    expect: E(401, logSkip, logSkip, 403, 403, 403, 403),
  },
  {
    route: "app/api/me/exercises/history/route.ts",
    method: "GET",
    path: () => "/api/me/exercises/history",
    expect: E(401, 200, 200, 403, 403, 403, 403),
  },
  {
    route: "app/api/me/exercises/today/route.ts",
    method: "GET",
    path: () => "/api/me/exercises/today",
    expect: E(401, 200, 200, 403, 403, 403, 403),
  },
  {
    route: "app/api/openapi.json/route.ts",
    method: "GET",
    path: () => "/api/openapi.json",
    expect: all(200),
  },

  // --- patients
  {
    // Alex has submitted the initial intake: an allowed role is told so (409) and no link is made.
    route: "app/api/patients/[patientId]/intake-links/route.ts",
    method: "POST",
    path: (c) => `/api/patients/${c.target.patientId}/intake-links`,
    body: () => json({ kind: "initial" }),
    expect: E(401, 403, 403, 409, 403, 403, 409),
  },
  {
    // Alex already has a portal account: an allowed role is told so (409) and nothing is sent.
    route: "app/api/patients/[patientId]/portal-invitation/route.ts",
    method: "POST",
    path: (c) => `/api/patients/${c.target.patientId}/portal-invitation`,
    expect: E(401, 403, 403, 409, 403, 403, 409),
  },
  {
    route: "app/api/patients/[patientId]/intake-status/route.ts",
    method: "GET",
    path: (c) => `/api/patients/${c.target.patientId}/intake-status`,
    expect: E(401, 403, 403, 200, 200, 404, 200),
  },
  {
    route: "app/api/patients/[patientId]/episode-standing/route.ts",
    method: "GET",
    path: (c) => `/api/patients/${c.target.patientId}/episode-standing`,
    expect: E(401, 404, 404, 200, 200, 404, 200),
  },
  {
    // A patient's own standing (episode:read:own), with a day to check.
    route: "app/api/patients/[patientId]/episode-standing/route.ts",
    method: "GET",
    variant: "own, with a date",
    path: (c) => `/api/patients/${c.self.patientId}/episode-standing?date=${c.ids.dates.inTwoWeeks}`,
    expect: E(401, 200, 200, 200, 200, 404, 200),
  },
  {
    route: "app/api/patients/[patientId]/program/follow-up/route.ts",
    method: "GET",
    path: (c) => `/api/patients/${c.target.patientId}/program/follow-up`,
    expect: E(401, 403, 403, 403, 200, 404, 200),
  },
  {
    route: "app/api/patients/[patientId]/program/handout/route.ts",
    method: "GET",
    path: (c) => `/api/patients/${c.target.patientId}/program/handout`,
    expect: E(401, 404, 404, 403, 200, 404, 200),
  },
  {
    // Jordan may or may not have a program yet (another test builds one): 404 "no program" or the PDF.
    route: "app/api/patients/[patientId]/program/handout/route.ts",
    method: "GET",
    variant: "own program",
    path: (c) => `/api/patients/${c.self.patientId}/program/handout`,
    expect: E(401, 200, [200, 404], 403, 200, 404, 200),
  },
  {
    route: "app/api/patients/[patientId]/program/route.ts",
    method: "GET",
    path: (c) => `/api/patients/${c.target.patientId}/program`,
    expect: E(401, 404, 404, 403, 200, 404, 200),
  },
  {
    route: "app/api/patients/[patientId]/program/route.ts",
    method: "GET",
    variant: "own program",
    path: (c) => `/api/patients/${c.self.patientId}/program`,
    expect: E(401, 200, 200, 403, 200, 404, 200),
  },
  {
    // A stale base version: an allowed role gets 409 and no version is written.
    route: "app/api/patients/[patientId]/program/route.ts",
    method: "PUT",
    path: (c) => `/api/patients/${c.target.patientId}/program`,
    body: (c) =>
      json({
        baseVersion: STALE,
        title: "Authorization matrix probe",
        startDate: c.ids.dates.today,
        items: [{ exerciseId: c.ids.exerciseId, dosage }],
      }),
    expect: E(401, 403, 403, 403, 409, 404, 409),
  },
  {
    route: "app/api/patients/[patientId]/route.ts",
    method: "GET",
    path: (c) => `/api/patients/${c.target.patientId}`,
    expect: E(401, 404, 404, 200, 200, 404, 200),
  },
  {
    route: "app/api/patients/[patientId]/route.ts",
    method: "GET",
    variant: "own record",
    path: (c) => `/api/patients/${c.self.patientId}`,
    expect: E(401, 200, 200, 200, 200, 404, 200),
  },
  {
    // A stale version: an allowed role gets 409 with the current details and nothing is written.
    route: "app/api/patients/[patientId]/route.ts",
    method: "PATCH",
    path: (c) => `/api/patients/${c.target.patientId}`,
    body: () => json({ expectedVersion: STALE, phone: "2075550999" }),
    expect: E(401, 403, 403, 409, 409, 404, 409),
  },
  {
    route: "app/api/patients/[patientId]/message-preferences/route.ts",
    method: "GET",
    path: (c) => `/api/patients/${c.target.patientId}/message-preferences`,
    expect: E(401, 404, 404, 200, 200, 404, 200),
  },
  {
    route: "app/api/patients/[patientId]/message-preferences/route.ts",
    method: "GET",
    variant: "own record",
    path: (c) => `/api/patients/${c.self.patientId}/message-preferences`,
    expect: E(401, 200, 200, 200, 200, 404, 200),
  },
  {
    // An unknown channel is refused after the permission and the patient lookup: nothing is written.
    route: "app/api/patients/[patientId]/message-preferences/route.ts",
    method: "PUT",
    path: (c) => `/api/patients/${c.target.patientId}/message-preferences`,
    body: () => json({ channels: "pigeon" }),
    expect: E(401, 404, 404, 422, 422, 404, 422),
  },
  {
    route: "app/api/patients/[patientId]/message-preferences/route.ts",
    method: "PUT",
    variant: "own record",
    path: (c) => `/api/patients/${c.self.patientId}/message-preferences`,
    body: () => json({ channels: "pigeon" }),
    expect: E(401, 422, 422, 422, 422, 404, 422),
  },
  {
    // Asking for the state the patient is already in (active) changes nothing and writes no audit row.
    route: "app/api/patients/[patientId]/status/route.ts",
    method: "POST",
    path: (c) => `/api/patients/${c.target.patientId}/status`,
    body: () => json({ active: true }),
    expect: E(401, 403, 403, 200, 200, 404, 200),
  },
  {
    route: "app/api/patients/[patientId]/route.ts",
    method: "GET",
    variant: "the other clinic's patient",
    path: (c) => `/api/patients/${c.ids.otherClinicPatientId}`,
    expect: E(401, 404, 404, 404, 404, 200, 404),
  },
  {
    route: "app/api/patients/route.ts",
    method: "GET",
    path: () => "/api/patients?q=",
    expect: E(401, 403, 403, 200, 200, 200, 200),
  },
  {
    route: "app/api/patients/route.ts",
    method: "POST",
    path: () => "/api/patients",
    body: () => json({}),
    expect: E(401, 403, 403, 422, 403, 403, 422),
  },
  {
    // The search text travels in the body (decision 046); staff get their own clinic's patients only.
    route: "app/api/patients/search/route.ts",
    method: "POST",
    path: () => "/api/patients/search",
    body: () => json({ q: "" }),
    expect: E(401, 403, 403, 200, 200, 200, 200),
  },
  {
    route: "app/api/patients/search/route.ts",
    method: "POST",
    variant: "invalid body",
    path: () => "/api/patients/search",
    body: () => json({ q: 5, take: -1 }),
    expect: E(401, 403, 403, 422, 422, 422, 422),
  },

  // --- templates, programs, red flags
  {
    // Allowed roles archive a template they just made; everyone else aims at the demo template.
    route: "app/api/program-templates/[templateId]/route.ts",
    method: "DELETE",
    path: (c) => `/api/program-templates/${c.prepared ?? c.ids.templateId}`,
    prepare: {
      for: ["therapist", "admin"],
      run: async (c, api) => {
        const res = await api.post("/api/program-templates", {
          name: `Matrix probe ${crypto.randomUUID().slice(0, 8)}`,
          items: [{ exerciseId: c.ids.exerciseId, dosage }],
        });
        if (res.status !== 201) throw new Error(`could not make a template to archive: ${res.status}`);
        return (res.json as { template: { id: string } }).template.id;
      },
    },
    expect: E(401, 403, 403, 403, 200, 404, 200),
  },
  {
    // Setting the group on a fresh template of the persona's clinic; the other clinic's therapist aims at the demo one.
    route: "app/api/program-templates/[templateId]/route.ts",
    method: "PATCH",
    path: (c) => `/api/program-templates/${c.prepared ?? c.ids.templateId}`,
    body: () => json({ matchedRisk: "medium" }),
    prepare: {
      for: ["therapist", "admin"],
      run: async (c, api) => {
        const res = await api.post("/api/program-templates", {
          name: `Matrix probe ${crypto.randomUUID().slice(0, 8)}`,
          items: [{ exerciseId: c.ids.exerciseId, dosage }],
        });
        if (res.status !== 201) throw new Error(`could not make a template to mark: ${res.status}`);
        return (res.json as { template: { id: string } }).template.id;
      },
    },
    expect: E(401, 403, 403, 403, 200, 404, 200),
  },
  {
    route: "app/api/program-templates/[templateId]/route.ts",
    method: "PATCH",
    variant: "an unknown group",
    path: (c) => `/api/program-templates/${c.ids.templateId}`,
    body: () => json({ matchedRisk: "severe" }),
    expect: E(401, 403, 403, 403, 422, 422, 422),
  },
  {
    route: "app/api/program-templates/route.ts",
    method: "GET",
    path: () => "/api/program-templates",
    expect: E(401, 403, 403, 403, 200, 200, 200),
  },
  {
    route: "app/api/program-templates/route.ts",
    method: "POST",
    path: () => "/api/program-templates",
    body: () => json({}),
    expect: E(401, 403, 403, 403, 422, 422, 422),
  },
  {
    route: "app/api/programs/[programId]/end/route.ts",
    method: "POST",
    path: (c) => `/api/programs/${c.target.programId ?? NOWHERE}/end`,
    body: () => json({ baseVersion: STALE }),
    expect: E(401, 403, 403, 403, 409, 404, 409),
  },
  {
    // Alex's flag was acknowledged in the demo data: an allowed role is told so (409).
    route: "app/api/red-flags/[flagId]/acknowledge/route.ts",
    method: "POST",
    path: (c) => `/api/red-flags/${c.ids.acknowledgedFlagId}/acknowledge`,
    body: () => json({ note: "Authorization matrix probe" }),
    expect: E(401, 403, 403, 403, 409, 404, 409),
  },
  {
    route: "app/api/red-flags/route.ts",
    method: "GET",
    path: () => "/api/red-flags",
    expect: E(401, 403, 403, 200, 200, 200, 200),
  },
];

/** Whom each persona asks about: the other patient for patients, else Alex. */
export function targetsFor(persona: Persona, ids: MatrixIds): { target: PatientRecords; self: PatientRecords } {
  if (persona === "patientA") return { target: ids.jordan, self: ids.alex };
  if (persona === "patientB") return { target: ids.alex, self: ids.jordan };
  return { target: ids.alex, self: ids.alex };
}

export function expectedStatuses(e: Expected): number[] | null {
  if (typeof e === "number") return [e];
  if (Array.isArray(e)) return [...(e as readonly number[])];
  return null;
}
