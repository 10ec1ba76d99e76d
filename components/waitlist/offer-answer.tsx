"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError, FALLBACK_MESSAGE } from "@/lib/http/api-client";
import { offerApi } from "./offer-api";

/** Accept / Decline for an open offer; whatever the server answers is shown, then the page re-reads the offer. */
export function OfferAnswer({ token }: { token: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<"accept" | "decline" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function answer(kind: "accept" | "decline") {
    setBusy(kind);
    setProblem(null);
    try {
      await offerApi[kind]({ params: { token } });
      router.refresh();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : FALLBACK_MESSAGE);
      setBusy(null);
      router.refresh();
    }
  }

  return (
    <div className="mt-6 space-y-4">
      {problem && (
        <Alert tone="warning" role="alert">
          {problem}
        </Alert>
      )}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button onClick={() => answer("accept")} disabled={busy !== null}>
          {busy === "accept" ? "Booking…" : "Accept this time"}
        </Button>
        <Button variant="secondary" onClick={() => answer("decline")} disabled={busy !== null}>
          {busy === "decline" ? "Letting it go…" : "Decline"}
        </Button>
      </div>
    </div>
  );
}
