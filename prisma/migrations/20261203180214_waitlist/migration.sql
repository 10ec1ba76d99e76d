-- CreateEnum
CREATE TYPE "WaitlistEntryStatus" AS ENUM ('waiting', 'offered', 'booked', 'removed', 'expired');

-- CreateEnum
CREATE TYPE "WaitlistPriority" AS ENUM ('routine', 'urgent');

-- CreateEnum
CREATE TYPE "FreedTimeStatus" AS ENUM ('open', 'filled', 'closed');

-- CreateEnum
CREATE TYPE "WaitlistOfferStatus" AS ENUM ('pending', 'accepted', 'declined', 'expired', 'taken');

-- AlterTable
ALTER TABLE "BookingSettings" ADD COLUMN     "waitlistHoldMinutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "waitlistOffersAtOnce" INTEGER NOT NULL DEFAULT 3;

-- CreateTable
CREATE TABLE "WaitlistEntry" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "appointmentTypeId" UUID NOT NULL,
    "therapistId" UUID,
    "weekdays" INTEGER[],
    "windows" JSONB NOT NULL,
    "earliestDate" DATE NOT NULL,
    "latestDate" DATE NOT NULL,
    "priority" "WaitlistPriority" NOT NULL DEFAULT 'routine',
    "note" TEXT,
    "status" "WaitlistEntryStatus" NOT NULL DEFAULT 'waiting',
    "createdVia" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "bookedAppointmentId" UUID,
    "endedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WaitlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FreedTime" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "therapistId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "status" "FreedTimeStatus" NOT NULL DEFAULT 'open',
    "filledAppointmentId" UUID,
    "filledAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FreedTime_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitlistOffer" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "freedTimeId" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "therapistId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "status" "WaitlistOfferStatus" NOT NULL DEFAULT 'pending',
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "respondedAt" TIMESTAMPTZ(3),
    "appointmentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WaitlistOffer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WaitlistEntry_clinicId_status_appointmentTypeId_idx" ON "WaitlistEntry"("clinicId", "status", "appointmentTypeId");

-- CreateIndex
CREATE INDEX "WaitlistEntry_patientId_idx" ON "WaitlistEntry"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_id_clinicId_key" ON "WaitlistEntry"("id", "clinicId");

-- CreateIndex
CREATE INDEX "FreedTime_clinicId_status_startsAt_idx" ON "FreedTime"("clinicId", "status", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "FreedTime_clinicId_sourceKey_key" ON "FreedTime"("clinicId", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "FreedTime_id_clinicId_key" ON "FreedTime"("id", "clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistOffer_tokenHash_key" ON "WaitlistOffer"("tokenHash");

-- CreateIndex
CREATE INDEX "WaitlistOffer_clinicId_status_expiresAt_idx" ON "WaitlistOffer"("clinicId", "status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistOffer_clinicId_freedTimeId_entryId_key" ON "WaitlistOffer"("clinicId", "freedTimeId", "entryId");

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_appointmentTypeId_clinicId_fkey" FOREIGN KEY ("appointmentTypeId", "clinicId") REFERENCES "AppointmentType"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_therapistId_clinicId_fkey" FOREIGN KEY ("therapistId", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FreedTime" ADD CONSTRAINT "FreedTime_therapistId_clinicId_fkey" FOREIGN KEY ("therapistId", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistOffer" ADD CONSTRAINT "WaitlistOffer_freedTimeId_clinicId_fkey" FOREIGN KEY ("freedTimeId", "clinicId") REFERENCES "FreedTime"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistOffer" ADD CONSTRAINT "WaitlistOffer_entryId_clinicId_fkey" FOREIGN KEY ("entryId", "clinicId") REFERENCES "WaitlistEntry"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;
