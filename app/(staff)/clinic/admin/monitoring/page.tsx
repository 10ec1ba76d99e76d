import type { Metadata } from "next";
import { MonitoringThresholdForm } from "@/components/episodes/monitoring-threshold-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listMonitoringThresholds } from "@/lib/episodes/monitoring-thresholds";

export const metadata: Metadata = { title: "Remote monitoring thresholds" };

export default async function MonitoringThresholdsPage() {
  const actor = await requirePageActor("/clinic/admin/monitoring", "clinic:configure");
  const thresholds = await listMonitoringThresholds(actor);
  return (
    <>
      <PageHeader
        title="Remote monitoring thresholds"
        subtitle="How many days with exercise data a monitoring period needs for each billing rule. Payers and fee schedules change these: keep the source with each."
      />
      <div className="flex flex-col gap-4">
        <Card title="Thresholds">
          <div className="flex flex-col gap-3">
            {thresholds.length === 0 && <p className="text-slate-700">No thresholds yet.</p>}
            {thresholds.map((t) => (
              <MonitoringThresholdForm key={t.id} threshold={t} />
            ))}
            <h3 className="mt-2 font-semibold">Add a threshold</h3>
            <MonitoringThresholdForm />
          </div>
        </Card>
      </div>
    </>
  );
}
