import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint or unique index refused the write (Prisma P2002), e.g. a race the check in code lost. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
