"use client";

import { Button } from "@/components/ui/button";

/** The browser's print dialog; pages that print style themselves with `print:` classes. */
export function PrintButton({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  return (
    <Button variant={variant} onClick={() => window.print()}>
      Print
    </Button>
  );
}
