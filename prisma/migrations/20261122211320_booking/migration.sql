-- CreateEnum
CREATE TYPE "ScheduleBlockKind" AS ENUM ('work', 'break');

-- CreateEnum
CREATE TYPE "ScheduleOverrideKind" AS ENUM ('time_off', 'extra_hours');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('booked', 'checked_in', 'completed', 'cancelled', 'no_show');

-- CreateTable
CREATE TABLE "BookingSettings" (
    "clinicId" UUID NOT NULL,
    "bookingWindowDays" INTEGER NOT NULL DEFAULT 60,
    "minimumNoticeMinutes" INTEGER NOT NULL DEFAULT 120,
    "lateCancellationHours" INTEGER NOT NULL DEFAULT 24,
    "slotStepMinutes" INTEGER NOT NULL DEFAULT 15,
    "reminderLeadHours" INTEGER NOT NULL DEFAULT 24,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BookingSettings_pkey" PRIMARY KEY ("clinicId")
);

-- CreateTable
CREATE TABLE "AppointmentType" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "bufferAfterMinutes" INTEGER NOT NULL DEFAULT 0,
    "colour" TEXT NOT NULL,
    "onlineBookable" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AppointmentType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeeklyScheduleBlock" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "therapistId" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "kind" "ScheduleBlockKind" NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,

    CONSTRAINT "WeeklyScheduleBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduleOverride" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "therapistId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" "ScheduleOverrideKind" NOT NULL,
    "startMinute" INTEGER,
    "endMinute" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScheduleOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppointmentSeries" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "therapistId" UUID NOT NULL,
    "appointmentTypeId" UUID NOT NULL,
    "rule" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppointmentSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "therapistId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "appointmentTypeId" UUID NOT NULL,
    "seriesId" UUID,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3) NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'booked',
    "version" INTEGER NOT NULL DEFAULT 1,
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "bookedById" UUID NOT NULL,
    "bookedVia" TEXT NOT NULL,
    "note" TEXT,
    "checkedInAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "noShowAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelledById" UUID,
    "cancelledByRole" TEXT,
    "cancelReason" TEXT,
    "lateCancellation" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BookingRequest" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BookingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AppointmentType_clinicId_name_key" ON "AppointmentType"("clinicId", "name");

-- CreateIndex
CREATE INDEX "WeeklyScheduleBlock_clinicId_therapistId_idx" ON "WeeklyScheduleBlock"("clinicId", "therapistId");

-- CreateIndex
CREATE INDEX "ScheduleOverride_clinicId_therapistId_date_idx" ON "ScheduleOverride"("clinicId", "therapistId", "date");

-- CreateIndex
CREATE INDEX "Appointment_clinicId_startsAt_idx" ON "Appointment"("clinicId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_therapistId_startsAt_idx" ON "Appointment"("therapistId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_patientId_startsAt_idx" ON "Appointment"("patientId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_status_startsAt_idx" ON "Appointment"("status", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "BookingRequest_userId_key_key" ON "BookingRequest"("userId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_patientId_idx" ON "CalendarFeed"("patientId");

-- AddForeignKey
ALTER TABLE "BookingSettings" ADD CONSTRAINT "BookingSettings_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentType" ADD CONSTRAINT "AppointmentType_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyScheduleBlock" ADD CONSTRAINT "WeeklyScheduleBlock_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleOverride" ADD CONSTRAINT "ScheduleOverride_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentSeries" ADD CONSTRAINT "AppointmentSeries_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentSeries" ADD CONSTRAINT "AppointmentSeries_appointmentTypeId_fkey" FOREIGN KEY ("appointmentTypeId") REFERENCES "AppointmentType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_appointmentTypeId_fkey" FOREIGN KEY ("appointmentTypeId") REFERENCES "AppointmentType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "AppointmentSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: what must never break lives in Postgres, not only in code
-- (docs/decisions/031-overlap-exclusion-constraints.md).

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- No therapist has two active appointments whose visit-plus-buffer overlap;
-- no patient is in two places at once (their time is the visit itself).
-- Half-open ranges: one visit may end exactly when the next begins.
-- Cancelled and no-show appointments free the time.
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_therapist_no_overlap"
  EXCLUDE USING gist ("therapistId" WITH =, tstzrange("startsAt", "blockedUntil", '[)') WITH &&)
  WHERE ("status" IN ('booked', 'checked_in', 'completed'));

ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patient_no_overlap"
  EXCLUDE USING gist ("patientId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("status" IN ('booked', 'checked_in', 'completed'));

ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_times_ordered"
  CHECK ("startsAt" < "endsAt" AND "endsAt" <= "blockedUntil");

ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_cancellation_complete"
  CHECK ("status" <> 'cancelled' OR ("cancelledAt" IS NOT NULL AND "cancelReason" IS NOT NULL));

ALTER TABLE "AppointmentType" ADD CONSTRAINT "AppointmentType_sane_lengths"
  CHECK ("durationMinutes" BETWEEN 5 AND 480 AND "bufferAfterMinutes" BETWEEN 0 AND 120);

ALTER TABLE "WeeklyScheduleBlock" ADD CONSTRAINT "WeeklyScheduleBlock_sane"
  CHECK ("weekday" BETWEEN 1 AND 7 AND "startMinute" >= 0 AND "endMinute" <= 1440 AND "startMinute" < "endMinute");

ALTER TABLE "ScheduleOverride" ADD CONSTRAINT "ScheduleOverride_sane"
  CHECK (
    ("startMinute" IS NULL AND "endMinute" IS NULL AND "kind" = 'time_off')
    OR ("startMinute" >= 0 AND "endMinute" <= 1440 AND "startMinute" < "endMinute")
  );

ALTER TABLE "BookingSettings" ADD CONSTRAINT "BookingSettings_sane"
  CHECK (
    "bookingWindowDays" BETWEEN 1 AND 730 AND "minimumNoticeMinutes" BETWEEN 0 AND 20160
    AND "lateCancellationHours" BETWEEN 0 AND 168 AND "slotStepMinutes" BETWEEN 5 AND 120
    AND "reminderLeadHours" BETWEEN 1 AND 168
  );
