import { z } from "zod";
import { isPainRegionCode, type PainRegionCode } from "./regions";

/** Pain qualities offered for each marked region (domain.md, "Pain map"). */
export const PAIN_QUALITIES = [
  "aching",
  "burning",
  "pins_and_needles",
  "stabbing",
  "numbness",
  "cramping",
  "stiffness",
] as const;
export type PainQuality = (typeof PAIN_QUALITIES)[number];

export const PAIN_QUALITY_LABEL: Record<PainQuality, string> = {
  aching: "Aching",
  burning: "Burning",
  pins_and_needles: "Pins and needles / tingling",
  stabbing: "Stabbing / sharp",
  numbness: "Numbness",
  cramping: "Cramping",
  stiffness: "Stiffness",
};

/** Words used inside the one-line summary. */
export const PAIN_QUALITY_WORD: Record<PainQuality, string> = {
  aching: "aching",
  burning: "burning",
  pins_and_needles: "pins and needles",
  stabbing: "stabbing",
  numbness: "numbness",
  cramping: "cramping",
  stiffness: "stiffness",
};

export const PAIN_ROLES = ["origin", "spread"] as const;
export type PainRole = (typeof PAIN_ROLES)[number];

export const regionCodeSchema = z
  .number({ error: "Choose a body region." })
  .refine(isPainRegionCode, "That body region does not exist.")
  .transform((v) => v as PainRegionCode);

const intensitySchema = z
  .number({ error: "Choose how strong the pain is, from 0 to 10." })
  .int("Choose a whole number from 0 to 10.")
  .min(0, "Choose a number from 0 to 10.")
  .max(10, "Choose a number from 0 to 10.");

/** A mark as the patient is still editing it: anything may be missing. */
export const draftPainMarkSchema = z.object({
  code: regionCodeSchema,
  intensity: intensitySchema.nullable().default(null),
  qualities: z
    .array(z.enum(PAIN_QUALITIES, { error: "Choose from the listed kinds of pain." }))
    .max(PAIN_QUALITIES.length)
    .default([]),
  role: z.enum(PAIN_ROLES, { error: "Say whether the pain starts or spreads here." }).default("origin"),
  spreadFrom: regionCodeSchema.nullable().default(null),
});
export type DraftPainMark = z.output<typeof draftPainMarkSchema>;

function noDuplicateCodes(marks: { code: number }[], ctx: z.RefinementCtx) {
  const seen = new Set<number>();
  marks.forEach((m, i) => {
    if (seen.has(m.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: "This region is marked twice." });
    seen.add(m.code);
  });
}

export const draftPainMapSchema = z.array(draftPainMarkSchema).max(74).superRefine(noDuplicateCodes);

/**
 * A complete map: every mark rated, described, and every spread region tied to
 * a region where the pain starts. Errors are keyed by region code so the form
 * can show them beside that region.
 */
export const painMapSchema = z
  .array(
    draftPainMarkSchema.extend({
      intensity: intensitySchema,
      qualities: z
        .array(z.enum(PAIN_QUALITIES))
        .min(1, "Choose at least one word that describes this pain.")
        .max(PAIN_QUALITIES.length),
    }),
  )
  .max(74)
  .superRefine(noDuplicateCodes)
  .superRefine(
    (marks, ctx) => {
      if (!Array.isArray(marks)) return;
      // Runs even when a mark has other errors (see `when`), so values are read defensively.
      const origins = new Set(marks.filter((m) => m?.role === "origin").map((m) => m.code));
      marks.forEach((m, i) => {
        if (m?.role === "spread" && (typeof m.spreadFrom !== "number" || !origins.has(m.spreadFrom))) {
          ctx.addIssue({
            code: "custom",
            path: [i, "spreadFrom"],
            message: "Choose where the pain that spreads here starts.",
          });
        }
      });
    },
    { when: () => true },
  );
export type PainMark = z.output<typeof painMapSchema>[number];
