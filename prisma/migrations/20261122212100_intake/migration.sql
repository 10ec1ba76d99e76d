-- CreateEnum
CREATE TYPE "IntakeKind" AS ENUM ('initial', 'follow_up');

-- CreateEnum
CREATE TYPE "IntakeStatus" AS ENUM ('draft', 'submitted');

-- CreateEnum
CREATE TYPE "PainRole" AS ENUM ('origin', 'spread');

-- CreateEnum
CREATE TYPE "RedFlagTier" AS ENUM ('emergency', 'same_day', 'routine');

-- CreateTable
CREATE TABLE "Intake" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "kind" "IntakeKind" NOT NULL,
    "status" "IntakeStatus" NOT NULL DEFAULT 'draft',
    "answers" JSONB NOT NULL DEFAULT '{}',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "currentStep" TEXT,
    "formVersion" TEXT NOT NULL,
    "requestedById" UUID,
    "psfsActivities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "startedAt" TIMESTAMPTZ(3),
    "lastSavedAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3),
    "submissionKey" UUID,
    "scores" JSONB,
    "painSummary" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Intake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeLink" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "intakeId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,
    "createdById" UUID,
    "sentTo" TEXT,
    "lastUsedAt" TIMESTAMPTZ(3),
    "accountSetupHash" TEXT,
    "accountSetupExpiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntakeLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PainMark" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "intakeId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "regionCode" SMALLINT NOT NULL,
    "intensity" SMALLINT NOT NULL,
    "qualities" TEXT[],
    "role" "PainRole" NOT NULL,
    "spreadFrom" SMALLINT,

    CONSTRAINT "PainMark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RedFlag" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "intakeId" UUID NOT NULL,
    "ruleId" TEXT NOT NULL,
    "tier" "RedFlagTier" NOT NULL,
    "label" TEXT NOT NULL,
    "ruleVersion" TEXT NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,
    "acknowledgedByName" TEXT,
    "acknowledgementNote" TEXT,

    CONSTRAINT "RedFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Intake_clinicId_patientId_createdAt_idx" ON "Intake"("clinicId", "patientId", "createdAt");

-- CreateIndex
CREATE INDEX "Intake_clinicId_status_updatedAt_idx" ON "Intake"("clinicId", "status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeLink_tokenHash_key" ON "IntakeLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeLink_accountSetupHash_key" ON "IntakeLink"("accountSetupHash");

-- CreateIndex
CREATE INDEX "IntakeLink_intakeId_idx" ON "IntakeLink"("intakeId");

-- CreateIndex
CREATE INDEX "PainMark_patientId_idx" ON "PainMark"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "PainMark_intakeId_regionCode_key" ON "PainMark"("intakeId", "regionCode");

-- CreateIndex
CREATE INDEX "RedFlag_clinicId_acknowledgedAt_tier_idx" ON "RedFlag"("clinicId", "acknowledgedAt", "tier");

-- CreateIndex
CREATE INDEX "RedFlag_patientId_tier_acknowledgedAt_idx" ON "RedFlag"("patientId", "tier", "acknowledgedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RedFlag_intakeId_ruleId_key" ON "RedFlag"("intakeId", "ruleId");

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeLink" ADD CONSTRAINT "IntakeLink_intakeId_fkey" FOREIGN KEY ("intakeId") REFERENCES "Intake"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PainMark" ADD CONSTRAINT "PainMark_intakeId_fkey" FOREIGN KEY ("intakeId") REFERENCES "Intake"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedFlag" ADD CONSTRAINT "RedFlag_intakeId_fkey" FOREIGN KEY ("intakeId") REFERENCES "Intake"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: rules Prisma cannot express ----

-- One open draft per patient and kind: two "send link" clicks (or two staff
-- members) share the same intake instead of splitting the patient's answers.
CREATE UNIQUE INDEX "Intake_one_draft_per_patient_kind" ON "Intake"("patientId", "kind") WHERE "status" = 'draft';

ALTER TABLE "Intake" ADD CONSTRAINT "Intake_submitted_has_time"
  CHECK (("status" = 'submitted') = ("submittedAt" IS NOT NULL));

-- A submitted intake is a clinical record: its answers and status never change again.
CREATE FUNCTION "intake_submitted_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'submitted' AND (NEW."status" <> OLD."status" OR NEW."answers" IS DISTINCT FROM OLD."answers") THEN
    RAISE EXCEPTION 'Intake % is submitted and cannot be changed', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Intake_submitted_is_final" BEFORE UPDATE ON "Intake"
  FOR EACH ROW EXECUTE FUNCTION "intake_submitted_is_final"();

-- CHOIR body map codes: 101-136 front, 201-238 back.
ALTER TABLE "PainMark" ADD CONSTRAINT "PainMark_region_is_choir"
  CHECK ("regionCode" BETWEEN 101 AND 136 OR "regionCode" BETWEEN 201 AND 238);
ALTER TABLE "PainMark" ADD CONSTRAINT "PainMark_intensity_0_10" CHECK ("intensity" BETWEEN 0 AND 10);
ALTER TABLE "PainMark" ADD CONSTRAINT "PainMark_spread_has_origin"
  CHECK (("role" = 'spread') = ("spreadFrom" IS NOT NULL)
    AND ("spreadFrom" IS NULL OR "spreadFrom" BETWEEN 101 AND 136 OR "spreadFrom" BETWEEN 201 AND 238));

-- A flag is acknowledged with a note, by someone, at a time: all or nothing.
ALTER TABLE "RedFlag" ADD CONSTRAINT "RedFlag_acknowledged_with_note"
  CHECK (("acknowledgedAt" IS NULL) = ("acknowledgementNote" IS NULL)
     AND ("acknowledgedAt" IS NULL) = ("acknowledgedById" IS NULL));
