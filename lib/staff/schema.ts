import { z } from "zod";
import { emailSchema, newPasswordSchema } from "@/lib/auth/schema";
import { STAFF_ROLES } from "@/lib/auth/permissions";

export const createStaffSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(120, "Name can be at most 120 characters."),
  email: emailSchema,
  role: z.enum(STAFF_ROLES, { error: "Choose a role." }),
  temporaryPassword: newPasswordSchema,
});
export type CreateStaffInput = z.input<typeof createStaffSchema>;

export const setUserActiveSchema = z.object({ userId: z.uuid("Unknown user."), active: z.boolean() });
