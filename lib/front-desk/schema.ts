import { z } from "zod";

export const completeFrontDeskTaskSchema = z.object({
  taskId: z.uuid({ error: "Choose a task." }),
});
