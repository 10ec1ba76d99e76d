-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('staff_invitation', 'portal_invitation', 'password_reset');

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "purpose" "AccountTokenPurpose" NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role",
    "userId" UUID,
    "patientId" UUID,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "revokedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_clinicId_purpose_createdAt_idx" ON "AccountToken"("clinicId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "AccountToken_clinicId_email_idx" ON "AccountToken"("clinicId", "email");

-- CreateIndex
CREATE INDEX "AccountToken_userId_idx" ON "AccountToken"("userId");

-- CreateIndex
CREATE INDEX "AccountToken_patientId_idx" ON "AccountToken"("patientId");

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Each purpose carries what it needs to be redeemed: a staff invitation its
-- name and a staff role, a portal invitation its patient, a reset its user.
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_purpose_fields" CHECK (
  (purpose <> 'staff_invitation' OR (role IS NOT NULL AND role <> 'patient' AND name IS NOT NULL))
  AND (purpose <> 'portal_invitation' OR "patientId" IS NOT NULL)
  AND (purpose <> 'password_reset' OR "userId" IS NOT NULL)
);
