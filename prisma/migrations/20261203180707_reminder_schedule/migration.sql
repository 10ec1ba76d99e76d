-- CreateTable
CREATE TABLE "ReminderRule" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "hoursBefore" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppointmentReminder" (
    "clinicId" UUID NOT NULL,
    "appointmentId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "hoursBefore" INTEGER NOT NULL,
    "queued" BOOLEAN NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppointmentReminder_pkey" PRIMARY KEY ("clinicId","appointmentId","startsAt","channel","hoursBefore")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderRule_clinicId_channel_hoursBefore_key" ON "ReminderRule"("clinicId", "channel", "hoursBefore");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_id_clinicId_key" ON "Appointment"("id", "clinicId");

-- AddForeignKey
ALTER TABLE "AppointmentReminder" ADD CONSTRAINT "AppointmentReminder_appointmentId_clinicId_fkey" FOREIGN KEY ("appointmentId", "clinicId") REFERENCES "Appointment"("id", "clinicId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the schedule form and the API refuse other values; the database too.
ALTER TABLE "ReminderRule" ADD CONSTRAINT "ReminderRule_hoursBefore_check" CHECK ("hoursBefore" BETWEEN 1 AND 168);

-- Hand-written data move (docs/decisions/085). A clinic that had saved a lead other than the old
-- default (24 h) keeps it as an email rule; every other clinic gets the new default schedule
-- (email 48 h, text 2 h), which applies while a clinic has no rules.
INSERT INTO "ReminderRule" ("id", "clinicId", "channel", "hoursBefore")
SELECT gen_random_uuid(), "clinicId", 'email', "reminderLeadHours"
FROM "BookingSettings" WHERE "reminderLeadHours" <> 24;

-- Upcoming visits already reminded for their current start count as reminded by every email rule of
-- their clinic, so the move to the new schedule sends no second email for the same start.
INSERT INTO "AppointmentReminder" ("clinicId", "appointmentId", "startsAt", "channel", "hoursBefore", "queued")
SELECT a."clinicId", a."id", a."startsAt", 'email', r."hoursBefore", true
FROM "Appointment" a
JOIN LATERAL (
  SELECT "hoursBefore" FROM "ReminderRule" WHERE "clinicId" = a."clinicId" AND "channel" = 'email'
  UNION ALL
  SELECT 48 WHERE NOT EXISTS (SELECT 1 FROM "ReminderRule" WHERE "clinicId" = a."clinicId")
) r ON true
WHERE a."reminderQueuedFor" = a."startsAt";

-- Dropping the marker also drops its partial index (Appointment_reminder_due_idx).
ALTER TABLE "BookingSettings" DROP COLUMN "reminderLeadHours";
ALTER TABLE "Appointment" DROP COLUMN "reminderQueuedFor";
