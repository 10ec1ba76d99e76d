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
