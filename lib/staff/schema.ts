import { z } from "zod";

export const setUserActiveSchema = z.object({ userId: z.uuid("Unknown user."), active: z.boolean() });
