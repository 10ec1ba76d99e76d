import type { ReactNode } from "react";
import { currentActor } from "@/lib/auth/current-actor";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { AppShell } from "./app-shell";

/**
 * Navigation only. Layouts do not re-run on every navigation, so they are no
 * guard: each page calls requirePageActor, and the data layer checks again.
 */
export async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) return <main id="main">{children}</main>;
  const clinic = await getOwnClinic(actor);
  return (
    <AppShell actor={actor} clinicName={clinic.name}>
      {children}
    </AppShell>
  );
}
