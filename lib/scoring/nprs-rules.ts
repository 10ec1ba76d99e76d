/**
 * Numeric Pain Rating Scale, 0-10 (LOINC 72514-3). Bands after McCaffery &
 * Beebe; other cut-points are in use, so the bands are data a clinic could swap.
 * A change of 2 points is clinically meaningful.
 */
import { bandOf, type Band } from "./bands";

export const NPRS_LOINC = "72514-3";
export const NPRS_MEANINGFUL_CHANGE = 2;

export const NPRS_BANDS = [
  { key: "none", label: "No pain", max: 0, meaning: "No pain reported." },
  { key: "mild", label: "Mild pain", max: 3, meaning: "Noticeable but does not stop most activities." },
  { key: "moderate", label: "Moderate pain", max: 6, meaning: "Interferes with some daily activities." },
  { key: "severe", label: "Severe pain", max: 10, meaning: "Interferes with most daily activities, sleep or mood." },
] as const satisfies readonly Band[];
export type NprsBandKey = (typeof NPRS_BANDS)[number]["key"];

export type NprsScore = { value: number; band: Band<NprsBandKey> };

export function scoreNprs(
  value: number | null | undefined,
  bands: readonly Band<NprsBandKey>[] = NPRS_BANDS,
): NprsScore | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > 10) throw new RangeError("NPRS is a whole number 0-10");
  return { value, band: bandOf(bands, value) };
}
