import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint (or unique index) refused the write: someone else got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
