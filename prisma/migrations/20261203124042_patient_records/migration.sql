-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "emergencyContactName" TEXT,
ADD COLUMN     "emergencyContactPhone" TEXT,
ADD COLUMN     "emergencyContactRelationship" TEXT,
ADD COLUMN     "inactiveReason" TEXT,
ADD COLUMN     "inactiveSince" TIMESTAMPTZ(3),
ADD COLUMN     "primaryTherapistId" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Patient_clinicId_primaryTherapistId_idx" ON "Patient"("clinicId", "primaryTherapistId");

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_primaryTherapistId_fkey" FOREIGN KEY ("primaryTherapistId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
