"use client";

import { useTransition } from "react";
import { retryMessageAction } from "@/app/(staff)/clinic/admin/actions";
import { Button } from "@/components/ui/button";

export function RetryMessageButton({ outboxId }: { outboxId: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() => startTransition(async () => void (await retryMessageAction(outboxId)))}
    >
      {pending ? "Queuing…" : "Retry"}
    </Button>
  );
}
