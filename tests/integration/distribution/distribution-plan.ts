/**
 * How each table would live on a distributed Postgres (Citus) sharded by
 * clinicId: docs/decisions/066-growing-past-one-database.md. The test beside
 * this file reads the real catalog and fails by name when a table, unique
 * rule or foreign key does not fit the plan and is not excused here.
 *
 * Keep an excuse only with a reason and the follow-up (F1, F2...) in the
 * decision that removes it; the test also fails when an excuse outlives its rule.
 */

/** Tables without a clinicId column: each needs a stated place (a table with clinicId is distributed by it). */
export const NOT_DISTRIBUTED_BY_CLINIC: Record<string, string> = {
  Clinic: "reference table: one small row per clinic, joined by nearly every query, written rarely",
  MfaRecoveryCode: "F2: gets clinicId with the user it belongs to when User is distributed; keyed by userId today",
  RateLimit: "local table on the coordinator: keys are an email or an IP, never a clinic (F6)",
};

/**
 * A single-column primary key on `id` (a UUIDv7 or identity made by the
 * application, unique by construction) is excused as one rule: every table
 * moves to (clinicId, id) in the same step, when the code finds rows by
 * (id, clinicId) instead of id alone (F1).
 */
export const PRIMARY_KEY_ON_ID_ALONE = "F1: primary keys become (clinicId, id) in one step with the lookups by id";

/** Unique indexes and exclusion constraints on tables with clinicId that do not contain it yet. */
export const UNIQUE_RULES_WITHOUT_CLINIC_ID: Record<string, string> = {
  User_email_key:
    "F2: the email is the sign-in identity across all clinics; it moves to a global sign-in directory (reference table) before User is distributed",
  CalendarFeed_tokenHash_key:
    "F3: the feed URL holds only the token; a token must find its clinic without a clinicId (routing prefix or global token directory)",
  IntakeLink_tokenHash_key:
    "F3: the intake link holds only the token; a token must find its clinic without a clinicId (routing prefix or global token directory)",
  AccountToken_tokenHash_key:
    "F3: an emailed invitation or reset link holds only the token; it must find its clinic without a clinicId, like the intake link",
  WaitlistOffer_tokenHash_key:
    "F3: the offer link in a text or email holds only the token; it must find its clinic without a clinicId, like the intake link",
  IntakeLink_accountSetupHash_key: "F3: the account-setup token arrives without a clinicId, like the link token",
  InboundText_providerMessageId_key:
    "F3: the provider's webhook names only its message id and two phone numbers, never a clinic; redeliveries must meet one row before any clinic is known (global inbound directory)",
  Patient_userId_key:
    "F5: one patient record per portal account; needs the user foreign key on (userId, clinicId), which waits for SET NULL (userId)",
  AuditEvent_chainSeq_key:
    "F4: one hash chain for the whole database; becomes one chain per clinic (clinicId, chainSeq) with the sealer and verifier",
};

/** Foreign keys between two clinic-owned tables that do not carry clinicId on both sides yet. */
export const FOREIGN_KEYS_WITHOUT_CLINIC_ID: Record<string, string> = {
  Appointment_seriesId_fkey:
    "F5: ON DELETE SET NULL on (seriesId, clinicId) would null clinicId too; needs SET NULL (seriesId), which Prisma cannot express",
  Patient_userId_fkey:
    "F5: ON DELETE SET NULL on (userId, clinicId) would null clinicId too; needs SET NULL (userId), which Prisma cannot express",
};

/** Tables with a clinicId column that may be NULL (Citus refuses a row whose distribution column is NULL). */
export const NULLABLE_CLINIC_ID: Record<string, string> = {
  InboundText:
    "F3: a text from an unknown number belongs to no clinic; with the global inbound directory it becomes a local table on the coordinator, like RateLimit",
  AuditEvent:
    "F4: sign-in failures for unknown emails and setup actions have no clinic; they go to a platform chain or table",
};
