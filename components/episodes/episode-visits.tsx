import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/time/format";
import type { EpisodeViewWire } from "./episode-api";

const STATUS_LABEL = { booked: "Booked", checked_in: "Checked in", completed: "Completed" } as const;

/** The episode's visits (cancelled and no-shows left out), counted ones marked, and which authorisation each uses. */
export function EpisodeVisits({ episode, timeZone }: { episode: EpisodeViewWire; timeZone: string }) {
  if (episode.visits.length === 0) return <p className="text-slate-700">No visits yet.</p>;
  const payer = new Map(episode.authorizations.map((a) => [a.id, a.payerName]));
  return (
    <DataTable
      caption="Visits of this episode"
      columns={["When", "Status", "Counted", "Authorisation"]}
      testId="episode-visits"
    >
      {episode.visits.map((v) => (
        <tr key={v.id} className="border-b border-slate-100">
          <td className="py-2 pr-4">{formatDateTime(v.startsAt, timeZone)}</td>
          <td className="py-2 pr-4">{STATUS_LABEL[v.status]}</td>
          <td className="py-2 pr-4">{v.counted ? "Counted" : "Not yet"}</td>
          <td className="py-2">
            {v.beyondAuthorization ? (
              <span className="font-semibold text-red-800">Beyond authorisation</span>
            ) : v.authorizationId ? (
              payer.get(v.authorizationId)
            ) : (
              "—"
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
