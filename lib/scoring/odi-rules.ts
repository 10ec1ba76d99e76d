/**
 * Oswestry Disability Index (Fairbank & Pynsent, Spine 2000;25:2940-53).
 * Ten sections scored 0-5; % = sum / (5 x sections answered) x 100. An
 * unanswered section lowers the denominator by 5; where two statements in a
 * section are marked, the higher counts.
 */
import { bandOf, round, type Band } from "./bands";

export const ODI_SECTION_COUNT = 10;

export const ODI_BANDS = [
  { key: "minimal", label: "Minimal disability", max: 20, meaning: "Can cope with most daily activities." },
  {
    key: "moderate",
    label: "Moderate disability",
    max: 40,
    meaning: "More pain and difficulty with sitting, lifting and standing.",
  },
  { key: "severe", label: "Severe disability", max: 60, meaning: "Pain is the main problem in daily life." },
  {
    key: "very_severe",
    label: "Very severe (crippled)",
    max: 80,
    meaning: "Back pain affects every part of daily life.",
  },
  {
    key: "bed_bound",
    label: "Bed-bound or exaggerating",
    max: 100,
    meaning: "Either bed-bound or over-reporting symptoms.",
  },
] as const satisfies readonly Band[];
export type OdiBandKey = (typeof ODI_BANDS)[number]["key"];

/** Minimum detectable change, in percentage points. */
export const ODI_MIN_DETECTABLE_CHANGE = 10;

/**
 * One entry per section: the statement index (0-5) marked, several indices if
 * the patient marked more than one, or null/[] when left blank.
 */
export type OdiAnswers = ReadonlyArray<number | readonly number[] | null | undefined>;

export type OdiScore = {
  /** Unrounded percentage. */
  percent: number;
  /** Percentage to one decimal, as reported. */
  display: number;
  sum: number;
  sectionsAnswered: number;
  band: Band<OdiBandKey>;
};

function sectionScore(answer: number | readonly number[] | null | undefined): number | null {
  const marks = answer === null || answer === undefined ? [] : typeof answer === "number" ? [answer] : answer;
  for (const m of marks) {
    if (!Number.isInteger(m) || m < 0 || m > 5) throw new RangeError(`ODI statement index ${m} is not 0-5`);
  }
  return marks.length ? Math.max(...marks) : null;
}

/** Null when no section is answered: there is nothing to score. */
export function scoreOswestry(answers: OdiAnswers): OdiScore | null {
  if (answers.length > ODI_SECTION_COUNT) throw new RangeError("The ODI has 10 sections");
  const scores = answers.map(sectionScore).filter((s): s is number => s !== null);
  if (scores.length === 0) return null;
  const sum = scores.reduce((a, b) => a + b, 0);
  const percent = (sum / (5 * scores.length)) * 100;
  const display = round(percent, 1);
  // Banded on the reported (one-decimal) value, so the band always matches the number shown.
  return { percent, display, sum, sectionsAnswered: scores.length, band: bandOf(ODI_BANDS, display) };
}
