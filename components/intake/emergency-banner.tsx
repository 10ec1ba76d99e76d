import { forwardRef } from "react";
import { EMERGENCY_MESSAGE } from "@/lib/intake/questionnaires";

/** Shown above everything else the moment an emergency answer is given (the intake still saves). */
export const EmergencyBanner = forwardRef<HTMLDivElement, { clinicPhone: string }>(function EmergencyBanner(
  { clinicPhone },
  ref,
) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      data-testid="emergency-banner"
      className="rounded-xl border-4 border-red-700 bg-red-50 p-4 text-red-950 outline-none sm:p-5"
    >
      <h2 className="text-xl font-extrabold">{EMERGENCY_MESSAGE.title}</h2>
      <p className="mt-2 text-base font-semibold">{EMERGENCY_MESSAGE.body}</p>
      <p className="mt-3 flex flex-wrap gap-3">
        <a href="tel:911" className="inline-flex min-h-11 items-center rounded-lg bg-red-700 px-4 font-bold text-white">
          Call 911
        </a>
        <a
          href={`tel:${clinicPhone}`}
          className="inline-flex min-h-11 items-center rounded-lg border border-red-800 bg-white px-4 font-semibold text-red-900"
        >
          Call the clinic: {clinicPhone}
        </a>
      </p>
      <p className="mt-3 text-sm">{EMERGENCY_MESSAGE.after}</p>
    </div>
  );
});
