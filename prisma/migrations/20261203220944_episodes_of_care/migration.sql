-- CreateEnum
CREATE TYPE "EpisodeStatus" AS ENUM ('active', 'on_hold', 'discharged');

-- CreateEnum
CREATE TYPE "DischargeReason" AS ENUM ('goals_met', 'plan_completed', 'patient_stopped', 'dropped_out', 'referred_on', 'other');

-- CreateEnum
CREATE TYPE "StartBackRiskGroup" AS ENUM ('low', 'medium', 'high');

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "episodeId" UUID,
ADD COLUMN     "overAuthorizationReason" TEXT;

-- AlterTable
ALTER TABLE "ProgramTemplate" ADD COLUMN     "matchedRisk" "StartBackRiskGroup";

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "episodeId" UUID;

-- AlterTable
ALTER TABLE "Intake" ADD COLUMN     "episodeId" UUID;

-- CreateTable
CREATE TABLE "Episode" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "therapistId" UUID,
    "openedFromIntakeId" UUID,
    "reason" TEXT NOT NULL,
    "icd10Code" TEXT,
    "goals" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "visitsPerWeek" INTEGER NOT NULL,
    "weeks" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "plannedEndDate" DATE NOT NULL,
    "status" "EpisodeStatus" NOT NULL DEFAULT 'active',
    "startBackRisk" "StartBackRiskGroup",
    "lastReevaluatedOn" DATE,
    "dischargedOn" DATE,
    "dischargedAt" TIMESTAMPTZ(3),
    "dischargeReason" "DischargeReason",
    "dischargeNote" TEXT,
    "dischargedById" UUID,
    "lastNudgedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Episode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayerAuthorization" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "episodeId" UUID NOT NULL,
    "payerName" TEXT NOT NULL,
    "reference" TEXT,
    "visitsAuthorized" INTEGER NOT NULL,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PayerAuthorization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeSettings" (
    "clinicId" UUID NOT NULL,
    "reevalEveryVisits" INTEGER NOT NULL DEFAULT 10,
    "reevalEveryDays" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EpisodeSettings_pkey" PRIMARY KEY ("clinicId")
);

-- CreateTable
CREATE TABLE "MonitoringThreshold" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "minDays" INTEGER NOT NULL,
    "periodDays" INTEGER NOT NULL DEFAULT 30,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Episode_clinicId_status_idx" ON "Episode"("clinicId", "status");

-- CreateIndex
CREATE INDEX "Episode_patientId_idx" ON "Episode"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "Episode_id_clinicId_key" ON "Episode"("id", "clinicId");

-- CreateIndex
CREATE INDEX "PayerAuthorization_clinicId_episodeId_idx" ON "PayerAuthorization"("clinicId", "episodeId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringThreshold_clinicId_label_key" ON "MonitoringThreshold"("clinicId", "label");

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_episodeId_clinicId_fkey" FOREIGN KEY ("episodeId", "clinicId") REFERENCES "Episode"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_therapistId_clinicId_fkey" FOREIGN KEY ("therapistId", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayerAuthorization" ADD CONSTRAINT "PayerAuthorization_episodeId_clinicId_fkey" FOREIGN KEY ("episodeId", "clinicId") REFERENCES "Episode"("id", "clinicId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeSettings" ADD CONSTRAINT "EpisodeSettings_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringThreshold" ADD CONSTRAINT "MonitoringThreshold_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_episodeId_clinicId_fkey" FOREIGN KEY ("episodeId", "clinicId") REFERENCES "Episode"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_episodeId_clinicId_fkey" FOREIGN KEY ("episodeId", "clinicId") REFERENCES "Episode"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: rules Prisma cannot express.
-- One open (active or on hold) episode per patient: every visit, intake and
-- program has one obvious home (docs/decisions/089).
CREATE UNIQUE INDEX "Episode_one_open_per_patient" ON "Episode" ("clinicId", "patientId") WHERE "status" <> 'discharged';

ALTER TABLE "Episode" ADD CONSTRAINT "Episode_plan_sane"
  CHECK ("visitsPerWeek" BETWEEN 1 AND 14 AND "weeks" BETWEEN 1 AND 104 AND "plannedEndDate" >= "startDate");
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_discharge_complete"
  CHECK (("status" = 'discharged') = ("dischargedOn" IS NOT NULL AND "dischargeReason" IS NOT NULL AND "dischargedAt" IS NOT NULL));
ALTER TABLE "PayerAuthorization" ADD CONSTRAINT "PayerAuthorization_sane"
  CHECK ("visitsAuthorized" BETWEEN 1 AND 999 AND "validUntil" >= "validFrom");
ALTER TABLE "EpisodeSettings" ADD CONSTRAINT "EpisodeSettings_sane"
  CHECK ("reevalEveryVisits" BETWEEN 1 AND 100 AND "reevalEveryDays" BETWEEN 1 AND 365);
ALTER TABLE "MonitoringThreshold" ADD CONSTRAINT "MonitoringThreshold_sane"
  CHECK ("minDays" BETWEEN 1 AND 366 AND "periodDays" BETWEEN 1 AND 366 AND "minDays" <= "periodDays");

-- Counting an episode's visits and finding its intakes and programs.
CREATE INDEX "Appointment_episode_idx" ON "Appointment" ("clinicId", "episodeId") WHERE "episodeId" IS NOT NULL;
CREATE INDEX "Intake_episode_idx" ON "Intake" ("clinicId", "episodeId") WHERE "episodeId" IS NOT NULL;
CREATE INDEX "Program_episode_idx" ON "Program" ("clinicId", "episodeId") WHERE "episodeId" IS NOT NULL;
