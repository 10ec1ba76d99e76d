/**
 * The outcome report as CSV: one row per group (or quartile) and measure.
 * Suppressed groups and measures carry "fewer than 5" in every figure column,
 * exactly as the page shows them. Cells are quoted per RFC 4180, and a cell
 * starting with = + - @ (a therapist's name, say) gets a leading apostrophe so
 * a spreadsheet does not run it as a formula.
 */
import { OUTCOME_MEASURE_LABEL, OUTCOME_MEASURES } from "@/lib/episodes/discharge-summary-rules";
import {
  SUPPRESSED_LABEL,
  type GroupFigures,
  type MeasureFigures,
  type OutcomeReport,
  type QuartileFigures,
} from "./outcome-report-rules";

export const CSV_HEADER = [
  "section",
  "group",
  "episodes",
  "median visits",
  "adherence range",
  "measure",
  "episodes with follow-up score",
  "no follow-up score",
  "median improvement (points)",
  "share reaching threshold",
] as const;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function measureCells(m: MeasureFigures | null): Array<string | number> {
  if (!m) return [SUPPRESSED_LABEL, SUPPRESSED_LABEL, SUPPRESSED_LABEL, SUPPRESSED_LABEL];
  if (m.suppressed) return [SUPPRESSED_LABEL, m.noFollowUp, SUPPRESSED_LABEL, SUPPRESSED_LABEL];
  return [m.episodes, m.noFollowUp, m.medianImprovement, percent(m.shareReached)];
}

function groupRows(section: string, g: GroupFigures): Array<Array<string | number>> {
  return OUTCOME_MEASURES.map((measure) =>
    g.suppressed
      ? [
          section,
          g.label,
          SUPPRESSED_LABEL,
          SUPPRESSED_LABEL,
          "",
          OUTCOME_MEASURE_LABEL[measure],
          ...measureCells(null),
        ]
      : [
          section,
          g.label,
          g.episodes,
          g.medianVisits,
          "",
          OUTCOME_MEASURE_LABEL[measure],
          ...measureCells(g.measures.find((m) => m.measure === measure)!),
        ],
  );
}

function quartileRows(q: QuartileFigures): Array<Array<string | number>> {
  const label = `Adherence quartile ${q.quartile}`;
  return OUTCOME_MEASURES.map((measure) =>
    q.suppressed
      ? [
          "adherence",
          label,
          SUPPRESSED_LABEL,
          "",
          SUPPRESSED_LABEL,
          OUTCOME_MEASURE_LABEL[measure],
          ...measureCells(null),
        ]
      : [
          "adherence",
          label,
          q.episodes,
          "",
          `${percent(q.adherenceFrom)}–${percent(q.adherenceTo)}`,
          OUTCOME_MEASURE_LABEL[measure],
          ...measureCells(q.measures.find((m) => m.measure === measure)!),
        ],
  );
}

export function outcomeReportCsv(report: OutcomeReport): string {
  const rows: Array<ReadonlyArray<string | number>> = [
    CSV_HEADER,
    ...groupRows("all", report.overall),
    ...report.byTherapist.flatMap((g) => groupRows("therapist", g)),
    ...report.byRisk.flatMap((g) => groupRows("STarT Back risk", g)),
    ...report.byAdherence.quartiles.flatMap(quartileRows),
    ["adherence", "No home program", report.byAdherence.withoutProgram, "", "", "", "", "", "", ""],
  ];
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
