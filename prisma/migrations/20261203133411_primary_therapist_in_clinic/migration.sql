-- DropForeignKey
ALTER TABLE "Patient" DROP CONSTRAINT "Patient_primaryTherapistId_fkey";

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_primaryTherapistId_clinicId_fkey" FOREIGN KEY ("primaryTherapistId", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;
