"use client";

import { useState } from "react";
import { PatientPicker, type PickedPatient } from "@/components/booking/patient-picker";

/**
 * The audit log's patient filter: pick the patient by searching (the search
 * text goes in a request body), and only their id goes into the filter URL.
 * A name typed into a GET form would sit in the URL, browser history and
 * server logs (docs/decisions/046).
 */
export function AuditPatientFilter({ initial }: { initial: PickedPatient | null }) {
  const [picked, setPicked] = useState<PickedPatient | null>(initial);
  return (
    <div className="sm:col-span-2">
      <PatientPicker value={picked} onChange={setPicked} />
      <input type="hidden" name="patientId" value={picked?.id ?? ""} />
    </div>
  );
}
