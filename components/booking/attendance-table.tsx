import { DataTable } from "@/components/ui/data-table";
import { formatRate, type AttendanceFigures } from "@/lib/booking/attendance-rules";

const COLUMNS = ["Visits", "No-shows", "Late cancellations", "No-show rate", "Late-cancellation rate"];

function Cells({ figures }: { figures: AttendanceFigures }) {
  return (
    <>
      <td className="py-2 pr-4 tabular-nums">{figures.visits}</td>
      <td className="py-2 pr-4 tabular-nums">{figures.noShows}</td>
      <td className="py-2 pr-4 tabular-nums">{figures.lateCancellations}</td>
      <td className="py-2 pr-4 tabular-nums">{formatRate(figures.noShowRate)}</td>
      <td className="py-2 tabular-nums">{formatRate(figures.lateCancellationRate)}</td>
    </>
  );
}

/** One attendance breakdown (per therapist, or per reminder channel) with a total row. */
export function AttendanceTable({
  caption,
  firstColumn,
  rows,
  total,
  testId,
}: {
  caption: string;
  firstColumn: string;
  rows: Array<{ key: string; label: string; figures: AttendanceFigures }>;
  total: AttendanceFigures;
  testId: string;
}) {
  return (
    <DataTable caption={caption} captionVisible columns={[firstColumn, ...COLUMNS]} testId={testId} scrollsOnPhone>
      {rows.length === 0 && (
        <tr>
          <td colSpan={COLUMNS.length + 1} className="py-2 text-slate-700">
            No visits in this period.
          </td>
        </tr>
      )}
      {rows.map((r) => (
        <tr key={r.key}>
          <th scope="row" className="py-2 pr-4 font-medium">
            {r.label}
          </th>
          <Cells figures={r.figures} />
        </tr>
      ))}
      <tr className="border-t-2 border-slate-300 font-semibold">
        <th scope="row" className="py-2 pr-4">
          All visits
        </th>
        <Cells figures={total} />
      </tr>
    </DataTable>
  );
}
