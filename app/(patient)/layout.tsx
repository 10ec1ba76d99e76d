import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SignedInLayout } from "@/components/layout/signed-in-layout";
import { ServiceWorkerRegistration } from "@/components/offline/service-worker-registration";

// Installed from a patient page, the app opens on Today, which works offline (docs/decisions/074).
export const metadata: Metadata = { manifest: "/patient.webmanifest" };

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <SignedInLayout>{children}</SignedInLayout>
      <ServiceWorkerRegistration />
    </>
  );
}
