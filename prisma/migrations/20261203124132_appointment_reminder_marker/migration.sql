-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "reminderQueuedFor" TIMESTAMPTZ(3);

-- Hand-written: the reminder pass reads only booked visits whose reminder has not been
-- queued for their current start, so visits already reminded cost nothing however many
-- there are. Prisma cannot express a partial index; the drift test leaves it out.
CREATE INDEX "Appointment_reminder_due_idx" ON "Appointment" ("startsAt")
  WHERE "status" = 'booked' AND "reminderQueuedFor" IS DISTINCT FROM "startsAt";
