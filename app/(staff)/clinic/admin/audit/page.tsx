import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { AuditPatientFilter } from "@/components/audit/audit-patient-filter";
import { requirePageActor } from "@/lib/auth/current-actor";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { auditChainCounts, listAuditEvents, listClinicUsers } from "@/lib/audit/list-audit-events";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Audit log" };

type Params = Record<string, string | string[] | undefined>;

const INPUT = "min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2";

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageActor("/clinic/admin/audit", "audit:read");
  const raw = await searchParams;
  const params = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"));
  const clinic = await getOwnClinic(actor);
  const [users, counts] = await Promise.all([listClinicUsers(actor), auditChainCounts(actor)]);
  let result: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  let problem: string | null = null;
  try {
    result = await listAuditEvents(actor, params, clinic.timeZone);
  } catch (e) {
    if (!isAppError(e) || e.code !== "validation") throw e;
    problem = Object.entries(e.fieldErrors ?? {})
      .map(([k, v]) => `${k}: ${v.join(" ")}`)
      .join("; ");
  }
  const next = result?.nextBefore ? `?${new URLSearchParams({ ...params, before: result.nextBefore })}` : null;
  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle={`Who did what, to which patient, when and from where. Times in ${clinic.timeZone.replace("_", " ")}.`}
      />
      <div className="flex flex-col gap-4">
        <Card title="Filter">
          <form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <AuditPatientFilter initial={result?.filterPatient ?? null} />
            <label className="flex flex-col gap-1 font-medium">
              User
              <select name="user" defaultValue={params.user ?? ""} className={INPUT}>
                <option value="">Anyone</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({ROLE_LABEL[u.role]})
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 font-medium">
              Action starts with
              <input
                name="action"
                defaultValue={params.action ?? ""}
                placeholder="e.g. patient., auth."
                className={INPUT}
              />
            </label>
            <label className="flex flex-col gap-1 font-medium">
              From
              <input type="date" name="from" defaultValue={params.from ?? ""} className={INPUT} />
            </label>
            <label className="flex flex-col gap-1 font-medium">
              To
              <input type="date" name="to" defaultValue={params.to ?? ""} className={INPUT} />
            </label>
            <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
              <button type="submit" className={buttonClass("primary")}>
                Show events
              </button>
              <Link href="/clinic/admin/audit" className={buttonClass("secondary")}>
                Clear
              </Link>
            </div>
          </form>
        </Card>
        {problem && (
          <Alert tone="danger" role="alert" title="Check the filter">
            {problem}
          </Alert>
        )}
        <p className="text-sm text-slate-700">
          Tamper evidence: {counts.sealed} event{counts.sealed === 1 ? "" : "s"} sealed into the hash chain,{" "}
          {counts.unsealed} waiting (sealed within seconds). Verify the whole chain with{" "}
          <code>npm run audit:verify</code>.
        </p>
        {result && (
          <Card title={`Events (${result.events.length}${next ? "+" : ""})`}>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Audit events, newest first</caption>
                <thead className="border-b border-slate-200 text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-3">
                      When
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Who
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Action
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Patient
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Record
                    </th>
                    <th scope="col" className="py-2">
                      From
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {result.events.map((e) => (
                    <tr key={e.id.toString()} className={e.outcome === "allowed" ? "" : "bg-amber-50"}>
                      <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(e.at, clinic.timeZone)}</td>
                      <td className="py-2 pr-3">
                        {(e.actorId && result.userNames[e.actorId]) ?? "—"}{" "}
                        <span className="text-slate-600">({e.actorRole.replace("_", " ")})</span>
                      </td>
                      <td className="py-2 pr-3 font-mono">
                        {e.action}
                        {e.outcome !== "allowed" && (
                          <span className="ml-1 font-sans font-semibold text-red-800">{e.outcome}</span>
                        )}
                      </td>
                      <td className="py-2 pr-3">{e.patientId ? (result.patientNames[e.patientId] ?? "—") : ""}</td>
                      <td className="py-2 pr-3">{e.recordType ?? ""}</td>
                      <td className="py-2 font-mono">{e.ip ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {next && (
              <Link href={`/clinic/admin/audit${next}`} className={`${buttonClass("secondary")} mt-4`}>
                Older events
              </Link>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
