-- CreateEnum
CREATE TYPE "BodyArea" AS ENUM ('lower_back', 'hips', 'core', 'upper_back', 'neck_shoulders', 'whole_body');

-- CreateEnum
CREATE TYPE "ExercisePosition" AS ENUM ('standing', 'sitting', 'kneeling', 'hands_and_knees', 'lying_on_back', 'lying_on_stomach', 'lying_on_side');

-- CreateEnum
CREATE TYPE "ExerciseEquipment" AS ENUM ('mat', 'ball', 'foam_roller', 'wall', 'chair', 'cushion', 'band');

-- CreateEnum
CREATE TYPE "DosageKind" AS ENUM ('reps', 'hold', 'duration');

-- CreateEnum
CREATE TYPE "ExerciseSide" AS ENUM ('both', 'left', 'right');

-- CreateEnum
CREATE TYPE "ExerciseMediaKind" AS ENUM ('image', 'video');

-- CreateEnum
CREATE TYPE "ProgramStatus" AS ENUM ('active', 'ended');

-- CreateEnum
CREATE TYPE "LogDifficulty" AS ENUM ('easy', 'about_right', 'hard');

-- CreateTable
CREATE TABLE "Exercise" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "bodyArea" "BodyArea" NOT NULL,
    "targetMuscles" TEXT[],
    "position" "ExercisePosition" NOT NULL,
    "equipment" "ExerciseEquipment"[],
    "steps" TEXT[],
    "cues" TEXT[],
    "cautions" TEXT[],
    "figureKey" TEXT,
    "defaultKind" "DosageKind" NOT NULL,
    "defaultSets" INTEGER,
    "defaultReps" INTEGER,
    "defaultHoldSeconds" INTEGER,
    "defaultMinutes" INTEGER,
    "defaultTimesPerDay" INTEGER NOT NULL DEFAULT 1,
    "defaultDaysPerWeek" INTEGER NOT NULL DEFAULT 7,
    "defaultSide" "ExerciseSide",
    "defaultLoad" TEXT,
    "starter" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Exercise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExerciseMedia" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "exerciseId" UUID NOT NULL,
    "kind" "ExerciseMediaKind" NOT NULL,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "replacedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExerciseMedia_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramTemplate" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "archivedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProgramTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramTemplateItem" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "exerciseId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "DosageKind" NOT NULL,
    "sets" INTEGER,
    "reps" INTEGER,
    "holdSeconds" INTEGER,
    "minutes" INTEGER,
    "timesPerDay" INTEGER NOT NULL,
    "daysPerWeek" INTEGER NOT NULL,
    "side" "ExerciseSide",
    "load" TEXT,
    "notes" TEXT,

    CONSTRAINT "ProgramTemplateItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "status" "ProgramStatus" NOT NULL DEFAULT 'active',
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "endedOn" DATE,
    "endedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramVersion" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "effectiveFrom" DATE NOT NULL,
    "changeNote" TEXT,
    "templateId" UUID,
    "createdById" UUID,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramItem" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "exerciseId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "DosageKind" NOT NULL,
    "sets" INTEGER,
    "reps" INTEGER,
    "holdSeconds" INTEGER,
    "minutes" INTEGER,
    "timesPerDay" INTEGER NOT NULL,
    "daysPerWeek" INTEGER NOT NULL,
    "side" "ExerciseSide",
    "load" TEXT,
    "notes" TEXT,

    CONSTRAINT "ProgramItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExerciseLog" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "exerciseId" UUID NOT NULL,
    "clientKey" UUID NOT NULL,
    "completed" BOOLEAN NOT NULL,
    "performedAt" TIMESTAMPTZ(3) NOT NULL,
    "localDate" DATE NOT NULL,
    "setsDone" INTEGER,
    "repsDone" INTEGER,
    "holdSecondsDone" INTEGER,
    "minutesDone" INTEGER,
    "painBefore" INTEGER,
    "painAfter" INTEGER,
    "difficulty" "LogDifficulty",
    "note" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExerciseLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Exercise_clinicId_archivedAt_name_idx" ON "Exercise"("clinicId", "archivedAt", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Exercise_clinicId_name_key" ON "Exercise"("clinicId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseMedia_storageKey_key" ON "ExerciseMedia"("storageKey");

-- CreateIndex
CREATE INDEX "ExerciseMedia_exerciseId_replacedAt_idx" ON "ExerciseMedia"("exerciseId", "replacedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramTemplate_clinicId_name_key" ON "ProgramTemplate"("clinicId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramTemplateItem_templateId_position_key" ON "ProgramTemplateItem"("templateId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramTemplateItem_templateId_exerciseId_key" ON "ProgramTemplateItem"("templateId", "exerciseId");

-- CreateIndex
CREATE INDEX "Program_clinicId_status_idx" ON "Program"("clinicId", "status");

-- CreateIndex
CREATE INDEX "Program_patientId_status_idx" ON "Program"("patientId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramVersion_programId_version_key" ON "ProgramVersion"("programId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramItem_versionId_position_key" ON "ProgramItem"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramItem_versionId_exerciseId_key" ON "ProgramItem"("versionId", "exerciseId");

-- CreateIndex
CREATE INDEX "ExerciseLog_patientId_localDate_idx" ON "ExerciseLog"("patientId", "localDate");

-- CreateIndex
CREATE INDEX "ExerciseLog_programId_localDate_idx" ON "ExerciseLog"("programId", "localDate");

-- CreateIndex
CREATE INDEX "ExerciseLog_clinicId_localDate_idx" ON "ExerciseLog"("clinicId", "localDate");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseLog_patientId_clientKey_key" ON "ExerciseLog"("patientId", "clientKey");

-- AddForeignKey
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseMedia" ADD CONSTRAINT "ExerciseMedia_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramTemplate" ADD CONSTRAINT "ProgramTemplate_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramTemplateItem" ADD CONSTRAINT "ProgramTemplateItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ProgramTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramTemplateItem" ADD CONSTRAINT "ProgramTemplateItem_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramVersion" ADD CONSTRAINT "ProgramVersion_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramItem" ADD CONSTRAINT "ProgramItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProgramVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramItem" ADD CONSTRAINT "ProgramItem_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProgramVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ProgramItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: rules Prisma cannot express. The app checks all of these
-- first (lib/exercises/dosage-rules.ts) and answers with field messages; these
-- make sure no other path (a script, a bug) can store nonsense.

-- A dosage names exactly the amounts its kind uses, within the limits.
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_default_dosage_check" CHECK (
  "defaultTimesPerDay" BETWEEN 1 AND 6 AND "defaultDaysPerWeek" BETWEEN 1 AND 7
  AND ("defaultSets" IS NULL OR "defaultSets" BETWEEN 1 AND 10)
  AND ("defaultReps" IS NULL OR "defaultReps" BETWEEN 1 AND 100)
  AND ("defaultHoldSeconds" IS NULL OR "defaultHoldSeconds" BETWEEN 5 AND 300)
  AND ("defaultMinutes" IS NULL OR "defaultMinutes" BETWEEN 1 AND 120)
  AND CASE "defaultKind"
    WHEN 'reps' THEN "defaultSets" IS NOT NULL AND "defaultReps" IS NOT NULL AND "defaultHoldSeconds" IS NULL AND "defaultMinutes" IS NULL
    WHEN 'hold' THEN "defaultSets" IS NOT NULL AND "defaultHoldSeconds" IS NOT NULL AND "defaultReps" IS NULL AND "defaultMinutes" IS NULL
    WHEN 'duration' THEN "defaultMinutes" IS NOT NULL AND "defaultSets" IS NULL AND "defaultReps" IS NULL AND "defaultHoldSeconds" IS NULL
  END
);

ALTER TABLE "ProgramItem" ADD CONSTRAINT "ProgramItem_dosage_check" CHECK (
  "timesPerDay" BETWEEN 1 AND 6 AND "daysPerWeek" BETWEEN 1 AND 7 AND "position" >= 0
  AND ("sets" IS NULL OR "sets" BETWEEN 1 AND 10)
  AND ("reps" IS NULL OR "reps" BETWEEN 1 AND 100)
  AND ("holdSeconds" IS NULL OR "holdSeconds" BETWEEN 5 AND 300)
  AND ("minutes" IS NULL OR "minutes" BETWEEN 1 AND 120)
  AND CASE "kind"
    WHEN 'reps' THEN "sets" IS NOT NULL AND "reps" IS NOT NULL AND "holdSeconds" IS NULL AND "minutes" IS NULL
    WHEN 'hold' THEN "sets" IS NOT NULL AND "holdSeconds" IS NOT NULL AND "reps" IS NULL AND "minutes" IS NULL
    WHEN 'duration' THEN "minutes" IS NOT NULL AND "sets" IS NULL AND "reps" IS NULL AND "holdSeconds" IS NULL
  END
);

ALTER TABLE "ProgramTemplateItem" ADD CONSTRAINT "ProgramTemplateItem_dosage_check" CHECK (
  "timesPerDay" BETWEEN 1 AND 6 AND "daysPerWeek" BETWEEN 1 AND 7 AND "position" >= 0
  AND ("sets" IS NULL OR "sets" BETWEEN 1 AND 10)
  AND ("reps" IS NULL OR "reps" BETWEEN 1 AND 100)
  AND ("holdSeconds" IS NULL OR "holdSeconds" BETWEEN 5 AND 300)
  AND ("minutes" IS NULL OR "minutes" BETWEEN 1 AND 120)
  AND CASE "kind"
    WHEN 'reps' THEN "sets" IS NOT NULL AND "reps" IS NOT NULL AND "holdSeconds" IS NULL AND "minutes" IS NULL
    WHEN 'hold' THEN "sets" IS NOT NULL AND "holdSeconds" IS NOT NULL AND "reps" IS NULL AND "minutes" IS NULL
    WHEN 'duration' THEN "minutes" IS NOT NULL AND "sets" IS NULL AND "reps" IS NULL AND "holdSeconds" IS NULL
  END
);

-- Pain is 0-10 (NPRS); amounts done are never negative.
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_values_check" CHECK (
  ("painBefore" IS NULL OR "painBefore" BETWEEN 0 AND 10)
  AND ("painAfter" IS NULL OR "painAfter" BETWEEN 0 AND 10)
  AND ("setsDone" IS NULL OR "setsDone" BETWEEN 0 AND 20)
  AND ("repsDone" IS NULL OR "repsDone" BETWEEN 0 AND 200)
  AND ("holdSecondsDone" IS NULL OR "holdSecondsDone" BETWEEN 0 AND 600)
  AND ("minutesDone" IS NULL OR "minutesDone" BETWEEN 0 AND 240)
);

ALTER TABLE "Program" ADD CONSTRAINT "Program_version_check" CHECK ("currentVersion" >= 1);
ALTER TABLE "ProgramVersion" ADD CONSTRAINT "ProgramVersion_dates_check" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");

-- At most one active program per patient: a second "assign" racing the first
-- fails here even if both passed the check in code.
CREATE UNIQUE INDEX "Program_one_active_per_patient" ON "Program" ("patientId") WHERE "status" = 'active';

-- At most one current upload per exercise.
CREATE UNIQUE INDEX "ExerciseMedia_one_current_per_exercise" ON "ExerciseMedia" ("exerciseId") WHERE "replacedAt" IS NULL;

-- Versions and their items never change once saved: logs point at them.
CREATE FUNCTION "program_version_is_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ProgramVersion_immutable"
  BEFORE UPDATE OR DELETE ON "ProgramVersion"
  FOR EACH ROW EXECUTE FUNCTION "program_version_is_immutable"();

CREATE TRIGGER "ProgramItem_immutable"
  BEFORE UPDATE OR DELETE ON "ProgramItem"
  FOR EACH ROW EXECUTE FUNCTION "program_version_is_immutable"();
