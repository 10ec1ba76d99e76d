-- CreateEnum
CREATE TYPE "MessageChannels" AS ENUM ('email', 'text', 'both');

-- CreateEnum
CREATE TYPE "MessageChannel" AS ENUM ('email', 'sms');

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "messageChannels" "MessageChannels" NOT NULL DEFAULT 'email',
ADD COLUMN     "textConsentAt" TIMESTAMPTZ(3),
ADD COLUMN     "textConsentSource" TEXT,
ADD COLUMN     "textOptedOutAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "channel" "MessageChannel" NOT NULL DEFAULT 'email';
