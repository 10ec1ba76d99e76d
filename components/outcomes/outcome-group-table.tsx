import { DataTable } from "@/components/ui/data-table";
import { OUTCOME_MEASURE_LABEL } from "@/lib/episodes/discharge-summary-rules";
import {
  SUPPRESSED_LABEL,
  type GroupFigures,
  type MeasureFigures,
  type QuartileFigures,
} from "@/lib/outcomes/outcome-report-rules";

const percent = (share: number) => `${Math.round(share * 100)}%`;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function MeasureCell({ m }: { m: MeasureFigures | undefined }) {
  if (!m) return <td className="py-2 pr-4 text-slate-700">{SUPPRESSED_LABEL}</td>;
  if (m.suppressed)
    return (
      <td className="py-2 pr-4 text-slate-700">
        {SUPPRESSED_LABEL} with a follow-up score
        {m.noFollowUp > 0 && <span className="block text-sm">{m.noFollowUp} no follow-up score</span>}
      </td>
    );
  return (
    <td className="py-2 pr-4">
      <span className="font-semibold">{signed(m.medianImprovement)}</span> median,{" "}
      <span className="font-semibold">{percent(m.shareReached)}</span> reached
      <span className="block text-sm text-slate-700">
        of {m.episodes}
        {m.noFollowUp > 0 && `; ${m.noFollowUp} no follow-up score`}
      </span>
    </td>
  );
}

const MEASURE_COLUMNS = Object.values(OUTCOME_MEASURE_LABEL);

/** One row per group; a group under 5 shows "fewer than 5" in every column. */
export function OutcomeGroupTable({ caption, groups }: { caption: string; groups: GroupFigures[] }) {
  return (
    <DataTable caption={caption} columns={["Group", "Episodes", "Median visits", ...MEASURE_COLUMNS]} scrollsOnPhone>
      {groups.map((g) => (
        <tr key={g.key} data-testid={`group-${g.key}`}>
          <th scope="row" className="py-2 pr-4 font-medium">
            {g.label}
          </th>
          {g.suppressed ? (
            <td colSpan={2 + MEASURE_COLUMNS.length} className="py-2 pr-4 text-slate-700">
              {SUPPRESSED_LABEL} episodes: figures withheld
            </td>
          ) : (
            <>
              <td className="py-2 pr-4">{g.episodes}</td>
              <td className="py-2 pr-4">{g.medianVisits}</td>
              {g.measures.map((m) => (
                <MeasureCell key={m.measure} m={m} />
              ))}
            </>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

export function AdherenceQuartileTable({ quartiles }: { quartiles: QuartileFigures[] }) {
  return (
    <DataTable
      caption="Outcome by home-exercise adherence quartile"
      columns={["Quartile", "Episodes", "Adherence", ...MEASURE_COLUMNS]}
      scrollsOnPhone
    >
      {quartiles.map((q) => (
        <tr key={q.quartile} data-testid={`quartile-${q.quartile}`}>
          <th scope="row" className="py-2 pr-4 font-medium">
            {q.quartile === 1 ? "1 (lowest)" : q.quartile === 4 ? "4 (highest)" : q.quartile}
          </th>
          {q.suppressed ? (
            <td colSpan={2 + MEASURE_COLUMNS.length} className="py-2 pr-4 text-slate-700">
              {SUPPRESSED_LABEL} episodes: figures withheld
            </td>
          ) : (
            <>
              <td className="py-2 pr-4">{q.episodes}</td>
              <td className="py-2 pr-4">
                {percent(q.adherenceFrom)}–{percent(q.adherenceTo)}
              </td>
              {q.measures.map((m) => (
                <MeasureCell key={m.measure} m={m} />
              ))}
            </>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
