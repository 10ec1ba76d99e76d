-- Ready for a database distributed by clinicId (docs/decisions/066-growing-past-one-database.md):
-- foreign keys between clinic-owned tables join on (id, clinicId) (all but the two ON DELETE SET NULL
-- keys, follow-up F5), so a child row always carries its parent's clinic; with that, adding clinicId
-- to a unique rule refuses exactly what it refused before.
-- Adding these keys fails, and the migration rolls back, if any existing row disagrees with its parent's clinic.

-- DropForeignKey
ALTER TABLE "WeeklyScheduleBlock" DROP CONSTRAINT "WeeklyScheduleBlock_therapistId_fkey";

-- DropForeignKey
ALTER TABLE "ScheduleOverride" DROP CONSTRAINT "ScheduleOverride_therapistId_fkey";

-- DropForeignKey
ALTER TABLE "AppointmentSeries" DROP CONSTRAINT "AppointmentSeries_patientId_fkey";

-- DropForeignKey
ALTER TABLE "AppointmentSeries" DROP CONSTRAINT "AppointmentSeries_appointmentTypeId_fkey";

-- DropForeignKey
ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_therapistId_fkey";

-- DropForeignKey
ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_patientId_fkey";

-- DropForeignKey
ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_appointmentTypeId_fkey";

-- DropForeignKey
ALTER TABLE "CalendarFeed" DROP CONSTRAINT "CalendarFeed_patientId_fkey";

-- DropForeignKey
ALTER TABLE "AuthSession" DROP CONSTRAINT "AuthSession_userId_fkey";

-- DropForeignKey
ALTER TABLE "DevMailboxMessage" DROP CONSTRAINT "DevMailboxMessage_outboxId_fkey";

-- DropForeignKey
ALTER TABLE "ExerciseMedia" DROP CONSTRAINT "ExerciseMedia_exerciseId_fkey";

-- DropForeignKey
ALTER TABLE "ProgramTemplateItem" DROP CONSTRAINT "ProgramTemplateItem_templateId_fkey";

-- DropForeignKey
ALTER TABLE "ProgramTemplateItem" DROP CONSTRAINT "ProgramTemplateItem_exerciseId_fkey";

-- DropForeignKey
ALTER TABLE "Program" DROP CONSTRAINT "Program_patientId_fkey";

-- DropForeignKey
ALTER TABLE "ProgramVersion" DROP CONSTRAINT "ProgramVersion_programId_fkey";

-- DropForeignKey
ALTER TABLE "ProgramItem" DROP CONSTRAINT "ProgramItem_versionId_fkey";

-- DropForeignKey
ALTER TABLE "ProgramItem" DROP CONSTRAINT "ProgramItem_exerciseId_fkey";

-- DropForeignKey
ALTER TABLE "ExerciseLog" DROP CONSTRAINT "ExerciseLog_patientId_fkey";

-- DropForeignKey
ALTER TABLE "ExerciseLog" DROP CONSTRAINT "ExerciseLog_programId_fkey";

-- DropForeignKey
ALTER TABLE "ExerciseLog" DROP CONSTRAINT "ExerciseLog_versionId_fkey";

-- DropForeignKey
ALTER TABLE "ExerciseLog" DROP CONSTRAINT "ExerciseLog_itemId_fkey";

-- DropForeignKey
ALTER TABLE "ExerciseLog" DROP CONSTRAINT "ExerciseLog_exerciseId_fkey";

-- DropForeignKey
ALTER TABLE "Intake" DROP CONSTRAINT "Intake_patientId_fkey";

-- DropForeignKey
ALTER TABLE "IntakeLink" DROP CONSTRAINT "IntakeLink_intakeId_fkey";

-- DropForeignKey
ALTER TABLE "PainMark" DROP CONSTRAINT "PainMark_intakeId_fkey";

-- DropForeignKey
ALTER TABLE "RedFlag" DROP CONSTRAINT "RedFlag_intakeId_fkey";

-- DropIndex
DROP INDEX "BookingRequest_userId_key_key";

-- DropIndex
DROP INDEX "OutboxMessage_dedupeKey_key";

-- DropIndex
DROP INDEX "DevMailboxMessage_outboxId_key";

-- DropIndex
DROP INDEX "ExerciseMedia_storageKey_key";

-- DropIndex
DROP INDEX "ProgramTemplateItem_templateId_position_key";

-- DropIndex
DROP INDEX "ProgramTemplateItem_templateId_exerciseId_key";

-- DropIndex
DROP INDEX "ProgramVersion_programId_version_key";

-- DropIndex
DROP INDEX "ProgramItem_versionId_position_key";

-- DropIndex
DROP INDEX "ProgramItem_versionId_exerciseId_key";

-- DropIndex
DROP INDEX "ExerciseLog_patientId_clientKey_key";

-- DropIndex
DROP INDEX "PainMark_intakeId_regionCode_key";

-- DropIndex
DROP INDEX "RedFlag_intakeId_ruleId_key";

-- CreateIndex
CREATE UNIQUE INDEX "AppointmentType_id_clinicId_key" ON "AppointmentType"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "BookingRequest_clinicId_userId_key_key" ON "BookingRequest"("clinicId", "userId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "User_id_clinicId_key" ON "User"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_id_clinicId_key" ON "Patient"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_clinicId_dedupeKey_key" ON "OutboxMessage"("clinicId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_id_clinicId_key" ON "OutboxMessage"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "DevMailboxMessage_outboxId_clinicId_key" ON "DevMailboxMessage"("outboxId", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "Exercise_id_clinicId_key" ON "Exercise"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseMedia_clinicId_storageKey_key" ON "ExerciseMedia"("clinicId", "storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramTemplate_id_clinicId_key" ON "ProgramTemplate"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramTemplateItem_clinicId_templateId_position_key" ON "ProgramTemplateItem"("clinicId", "templateId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramTemplateItem_clinicId_templateId_exerciseId_key" ON "ProgramTemplateItem"("clinicId", "templateId", "exerciseId");

-- CreateIndex
CREATE UNIQUE INDEX "Program_id_clinicId_key" ON "Program"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramVersion_clinicId_programId_version_key" ON "ProgramVersion"("clinicId", "programId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramVersion_id_clinicId_key" ON "ProgramVersion"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramItem_clinicId_versionId_position_key" ON "ProgramItem"("clinicId", "versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramItem_clinicId_versionId_exerciseId_key" ON "ProgramItem"("clinicId", "versionId", "exerciseId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramItem_id_clinicId_key" ON "ProgramItem"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseLog_clinicId_patientId_clientKey_key" ON "ExerciseLog"("clinicId", "patientId", "clientKey");

-- CreateIndex
CREATE UNIQUE INDEX "Intake_id_clinicId_key" ON "Intake"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "PainMark_clinicId_intakeId_regionCode_key" ON "PainMark"("clinicId", "intakeId", "regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "RedFlag_clinicId_intakeId_ruleId_key" ON "RedFlag"("clinicId", "intakeId", "ruleId");

-- AddForeignKey
ALTER TABLE "WeeklyScheduleBlock" ADD CONSTRAINT "WeeklyScheduleBlock_therapistId_clinicId_fkey" FOREIGN KEY ("therapistId", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleOverride" ADD CONSTRAINT "ScheduleOverride_therapistId_clinicId_fkey" FOREIGN KEY ("therapistId", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentSeries" ADD CONSTRAINT "AppointmentSeries_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentSeries" ADD CONSTRAINT "AppointmentSeries_appointmentTypeId_clinicId_fkey" FOREIGN KEY ("appointmentTypeId", "clinicId") REFERENCES "AppointmentType"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_therapistId_clinicId_fkey" FOREIGN KEY ("therapistId", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_appointmentTypeId_clinicId_fkey" FOREIGN KEY ("appointmentTypeId", "clinicId") REFERENCES "AppointmentType"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_clinicId_fkey" FOREIGN KEY ("userId", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevMailboxMessage" ADD CONSTRAINT "DevMailboxMessage_outboxId_clinicId_fkey" FOREIGN KEY ("outboxId", "clinicId") REFERENCES "OutboxMessage"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseMedia" ADD CONSTRAINT "ExerciseMedia_exerciseId_clinicId_fkey" FOREIGN KEY ("exerciseId", "clinicId") REFERENCES "Exercise"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramTemplateItem" ADD CONSTRAINT "ProgramTemplateItem_templateId_clinicId_fkey" FOREIGN KEY ("templateId", "clinicId") REFERENCES "ProgramTemplate"("id", "clinicId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramTemplateItem" ADD CONSTRAINT "ProgramTemplateItem_exerciseId_clinicId_fkey" FOREIGN KEY ("exerciseId", "clinicId") REFERENCES "Exercise"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramVersion" ADD CONSTRAINT "ProgramVersion_programId_clinicId_fkey" FOREIGN KEY ("programId", "clinicId") REFERENCES "Program"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramItem" ADD CONSTRAINT "ProgramItem_versionId_clinicId_fkey" FOREIGN KEY ("versionId", "clinicId") REFERENCES "ProgramVersion"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramItem" ADD CONSTRAINT "ProgramItem_exerciseId_clinicId_fkey" FOREIGN KEY ("exerciseId", "clinicId") REFERENCES "Exercise"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_programId_clinicId_fkey" FOREIGN KEY ("programId", "clinicId") REFERENCES "Program"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_versionId_clinicId_fkey" FOREIGN KEY ("versionId", "clinicId") REFERENCES "ProgramVersion"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_itemId_clinicId_fkey" FOREIGN KEY ("itemId", "clinicId") REFERENCES "ProgramItem"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseLog" ADD CONSTRAINT "ExerciseLog_exerciseId_clinicId_fkey" FOREIGN KEY ("exerciseId", "clinicId") REFERENCES "Exercise"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeLink" ADD CONSTRAINT "IntakeLink_intakeId_clinicId_fkey" FOREIGN KEY ("intakeId", "clinicId") REFERENCES "Intake"("id", "clinicId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PainMark" ADD CONSTRAINT "PainMark_intakeId_clinicId_fkey" FOREIGN KEY ("intakeId", "clinicId") REFERENCES "Intake"("id", "clinicId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedFlag" ADD CONSTRAINT "RedFlag_intakeId_clinicId_fkey" FOREIGN KEY ("intakeId", "clinicId") REFERENCES "Intake"("id", "clinicId") ON DELETE CASCADE ON UPDATE CASCADE;

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
