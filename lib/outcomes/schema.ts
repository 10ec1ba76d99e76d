import { z } from "zod";
import { isLocalDate } from "@/lib/time/calendar-rules";

const day = z
  .string()
  .max(10, "Use YYYY-MM-DD.")
  .refine(isLocalDate, "Use a real date, YYYY-MM-DD.")
  // Postgres has no year 0, and a report before the clinic existed means a typo.
  .refine((v) => v >= "1900-01-01" && v <= "2999-12-31", "Use a date between 1900 and 2999.")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** The report's date filter (discharge dates, inclusive). Empty means the default range. */
export const outcomeReportQuerySchema = z
  .object({ from: day, to: day })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "The end is before the start." });
export type OutcomeReportQuery = z.input<typeof outcomeReportQuerySchema>;
