import { z } from "zod";

const intIn = (min: number, max: number, label: string) =>
  z.coerce
    .number({ error: `Enter ${label}.` })
    .int(`${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number.`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max}.`);

/** A remote-monitoring threshold as the admin enters it; the bounds match the table's CHECK constraint. */
export const monitoringThresholdSchema = z
  .object({
    id: z.uuid().optional(),
    label: z
      .string({ error: "Enter a label." })
      .trim()
      .min(1, "Enter a label.")
      .max(80, "Label can be at most 80 characters."),
    minDays: intIn(1, 366, "the days with data"),
    periodDays: intIn(1, 366, "the period in days"),
    // Required: a billing threshold nobody can trace back to its rule cannot be checked when the rule changes.
    source: z
      .string({ error: "Say where the threshold comes from." })
      .trim()
      .min(1, "Say where the threshold comes from.")
      .max(1000, "Source can be at most 1000 characters."),
  })
  .refine((v) => v.minDays <= v.periodDays, {
    path: ["minDays"],
    message: "Days with data cannot be more than the days in the period.",
  });
export type MonitoringThresholdInput = z.input<typeof monitoringThresholdSchema>;
