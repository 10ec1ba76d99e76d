import { z } from "zod";
import { emailSchema, newPasswordSchema } from "@/lib/auth/schema";
import { STAFF_ROLES } from "@/lib/auth/permissions";

/** 43 base64url characters (256 bits), the shape of every emailed link token; checked before any lookup. */
export const ACCOUNT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const tokenSchema = z
  .string({ error: "This link is not complete. Open it again from the email." })
  .regex(ACCOUNT_TOKEN_PATTERN, "This link is not complete. Open it again from the email.");

export const inviteStaffSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(120, "Name can be at most 120 characters."),
  email: emailSchema,
  role: z.enum(STAFF_ROLES, { error: "Choose a role." }),
});
export type InviteStaffInput = z.input<typeof inviteStaffSchema>;

export const invitationIdSchema = z.object({ invitationId: z.uuid("Unknown invitation.") });

export const acceptInvitationSchema = z.object({ token: tokenSchema, password: newPasswordSchema });

export const requestPasswordResetSchema = z.object({ email: emailSchema });

export const completePasswordResetSchema = z.object({ token: tokenSchema, password: newPasswordSchema });
