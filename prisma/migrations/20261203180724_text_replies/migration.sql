-- CreateEnum
CREATE TYPE "FrontDeskTaskKind" AS ENUM ('call_back');

-- CreateEnum
CREATE TYPE "FrontDeskTaskStatus" AS ENUM ('open', 'done');

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "confirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "confirmedVia" TEXT;

-- CreateTable
CREATE TABLE "InboundText" (
    "id" UUID NOT NULL,
    "providerMessageId" TEXT NOT NULL,
    "clinicId" UUID,
    "patientId" UUID,
    "appointmentId" UUID,
    "fromNumber" TEXT NOT NULL,
    "toNumber" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keyword" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrontDeskTask" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "kind" "FrontDeskTaskKind" NOT NULL,
    "patientId" UUID NOT NULL,
    "appointmentId" UUID,
    "reason" TEXT NOT NULL,
    "status" "FrontDeskTaskStatus" NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" UUID,

    CONSTRAINT "FrontDeskTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InboundText_providerMessageId_key" ON "InboundText"("providerMessageId");

-- CreateIndex
CREATE INDEX "InboundText_clinicId_receivedAt_idx" ON "InboundText"("clinicId", "receivedAt");

-- CreateIndex
CREATE INDEX "FrontDeskTask_clinicId_status_createdAt_idx" ON "FrontDeskTask"("clinicId", "status", "createdAt");

-- Appointment_id_clinicId_key (the target of the foreign keys below) is created by 20261203180707_reminder_schedule.

-- AddForeignKey
ALTER TABLE "InboundText" ADD CONSTRAINT "InboundText_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundText" ADD CONSTRAINT "InboundText_appointmentId_clinicId_fkey" FOREIGN KEY ("appointmentId", "clinicId") REFERENCES "Appointment"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrontDeskTask" ADD CONSTRAINT "FrontDeskTask_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrontDeskTask" ADD CONSTRAINT "FrontDeskTask_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrontDeskTask" ADD CONSTRAINT "FrontDeskTask_appointmentId_clinicId_fkey" FOREIGN KEY ("appointmentId", "clinicId") REFERENCES "Appointment"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrontDeskTask" ADD CONSTRAINT "FrontDeskTask_doneById_clinicId_fkey" FOREIGN KEY ("doneById", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;
