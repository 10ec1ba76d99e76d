-- DropForeignKey
ALTER TABLE "AccountToken" DROP CONSTRAINT "AccountToken_userId_fkey";

-- DropForeignKey
ALTER TABLE "AccountToken" DROP CONSTRAINT "AccountToken_patientId_fkey";

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_clinicId_fkey" FOREIGN KEY ("userId", "clinicId") REFERENCES "User"("id", "clinicId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_patientId_clinicId_fkey" FOREIGN KEY ("patientId", "clinicId") REFERENCES "Patient"("id", "clinicId") ON DELETE RESTRICT ON UPDATE CASCADE;
