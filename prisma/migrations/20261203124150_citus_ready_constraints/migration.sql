-- DropForeignKey
ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_therapistId_fkey";

-- DropForeignKey
ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_patientId_fkey";

-- DropForeignKey
ALTER TABLE "ExerciseMedia" DROP CONSTRAINT "ExerciseMedia_exerciseId_fkey";

-- DropForeignKey
ALTER TABLE "Program" DROP CONSTRAINT "Program_patientId_fkey";

-- DropForeignKey
ALTER TABLE "ExerciseLog" DROP CONSTRAINT "ExerciseLog_patientId_fkey";

-- DropForeignKey
ALTER TABLE "Intake" DROP CONSTRAINT "Intake_patientId_fkey";

-- DropIndex
DROP INDEX "BookingRequest_userId_key_key";

-- DropIndex
DROP INDEX "OutboxMessage_dedupeKey_key";

-- DropIndex
DROP INDEX "ExerciseMedia_storageKey_key";

-- DropIndex
DROP INDEX "ExerciseLog_patientId_clientKey_key";

-- CreateIndex
CREATE UNIQUE INDEX "BookingRequest_clinicId_userId_key_key" ON "BookingRequest"("clinicId", "userId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "User_id_clinicId_key" ON "User"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_id_clinicId_key" ON "Patient"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_clinicId_dedupeKey_key" ON "OutboxMessage"("clinicId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "Exercise_id_clinicId_key" ON "Exercise"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseMedia_clinicId_storageKey_key" ON "ExerciseMedia"("clinicId", "storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseLog_clinicId_patientId_clientKey_key" ON "ExerciseLog"("clinicId", "patientId", "clientKey");

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_therapistId_clinicId_fkey" FOREIGN KEY ("therapistId", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseMedia" ADD CONSTRAINT "ExerciseMedia_exerciseId_clinicId_fkey" FOREIGN KEY ("exerciseId", "clinicId") REFERENCES "Exercise"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: every unique rule on a clinic-owned table leads with clinicId, so
-- it can stay a database guarantee once tables are distributed by clinicId
-- (docs/decisions/066-growing-past-one-database.md). Each rule below keys on a
-- therapist, patient or exercise whose rows are now tied to their own clinic by
-- the (id, clinicId) foreign keys above, so adding clinicId refuses exactly what
-- the old rule refused. Names are kept: lib/booking/booking-errors.ts maps them.
-- The whole script runs as one transaction, so no write sees a table without its rule.

ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_therapist_no_overlap";
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_therapist_no_overlap"
  EXCLUDE USING gist ("clinicId" WITH =, "therapistId" WITH =, tstzrange("startsAt", "blockedUntil", '[)') WITH &&)
  WHERE ("status" IN ('booked', 'checked_in', 'completed'));

ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_patient_no_overlap";
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patient_no_overlap"
  EXCLUDE USING gist ("clinicId" WITH =, "patientId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("status" IN ('booked', 'checked_in', 'completed'));

DROP INDEX "Program_one_active_per_patient";
CREATE UNIQUE INDEX "Program_one_active_per_patient" ON "Program" ("clinicId", "patientId") WHERE "status" = 'active';

DROP INDEX "ExerciseMedia_one_current_per_exercise";
CREATE UNIQUE INDEX "ExerciseMedia_one_current_per_exercise" ON "ExerciseMedia" ("clinicId", "exerciseId") WHERE "replacedAt" IS NULL;

DROP INDEX "Intake_one_draft_per_patient_kind";
CREATE UNIQUE INDEX "Intake_one_draft_per_patient_kind" ON "Intake" ("clinicId", "patientId", "kind") WHERE "status" = 'draft';

-- A media file's key starts with its clinic's id (lib/exercises/upload-exercise-media.ts):
-- with this, unique per (clinicId, storageKey) still means no two rows share one file.
ALTER TABLE "ExerciseMedia" ADD CONSTRAINT "ExerciseMedia_storage_key_in_clinic"
  CHECK (starts_with("storageKey", "clinicId"::text || '/'));
