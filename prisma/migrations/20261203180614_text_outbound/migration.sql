-- AlterTable
ALTER TABLE "Clinic" ADD COLUMN     "country" TEXT NOT NULL DEFAULT 'US';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "providerMessageId" TEXT;

-- CreateTable
CREATE TABLE "DevTextMessage" (
    "id" UUID NOT NULL,
    "outboxId" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "toNumber" TEXT NOT NULL,
    "patientId" UUID,
    "body" TEXT NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DevTextMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DevTextMessage_clinicId_deliveredAt_idx" ON "DevTextMessage"("clinicId", "deliveredAt");

-- CreateIndex
CREATE UNIQUE INDEX "DevTextMessage_outboxId_clinicId_key" ON "DevTextMessage"("outboxId", "clinicId");

-- AddForeignKey
ALTER TABLE "DevTextMessage" ADD CONSTRAINT "DevTextMessage_outboxId_clinicId_fkey" FOREIGN KEY ("outboxId", "clinicId") REFERENCES "OutboxMessage"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: patient phones are stored in E.164 from now on (lib/patients/phone-number-rules.ts). Every clinic
-- starts with country US, so the ten-digit North American numbers stored as digits before are given their +1;
-- anything else is left as typed and is rewritten the next time someone saves it (no text goes to it until then).
UPDATE "Patient" SET "phone" = '+1' || "phone" WHERE "phone" ~ '^[2-9][0-9]{2}[2-9][0-9]{6}$';
UPDATE "Patient" SET "phone" = '+' || "phone" WHERE "phone" ~ '^1[2-9][0-9]{2}[2-9][0-9]{6}$';
UPDATE "Patient" SET "emergencyContactPhone" = '+1' || "emergencyContactPhone"
  WHERE "emergencyContactPhone" ~ '^[2-9][0-9]{2}[2-9][0-9]{6}$';
UPDATE "Patient" SET "emergencyContactPhone" = '+' || "emergencyContactPhone"
  WHERE "emergencyContactPhone" ~ '^1[2-9][0-9]{2}[2-9][0-9]{6}$';
