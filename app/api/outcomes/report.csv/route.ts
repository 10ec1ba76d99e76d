import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, queryOf } from "@/lib/http/respond";
import { getOutcomeReport } from "@/lib/outcomes/get-outcome-report";
import { outcomeReportCsv } from "@/lib/outcomes/outcome-report-csv-rules";

/** The outcome report as CSV, suppressed exactly like the page (/clinic/outcomes). */
export const GET = apiRoute(async (req) => {
  const actor = await requireActor();
  const report = await getOutcomeReport(actor, queryOf(req));
  return new Response(outcomeReportCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="outcomes-${report.from}-to-${report.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
