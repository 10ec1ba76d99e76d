import type { ReactNode } from "react";
import { SignedInLayout } from "@/components/layout/signed-in-layout";
import { QueryProvider } from "@/components/providers/query-provider";

export default function Layout({ children }: { children: ReactNode }) {
  // Staff screens share cached queries; patient pages load without the query library (docs/decisions/072).
  return (
    <QueryProvider>
      <SignedInLayout>{children}</SignedInLayout>
    </QueryProvider>
  );
}
