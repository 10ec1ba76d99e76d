"use client";

import { useState, useTransition } from "react";
import { setUserActiveAction } from "@/app/(staff)/clinic/admin/actions";
import { Button } from "@/components/ui/button";

export function ToggleActiveButton({ userId, active, name }: { userId: string; active: boolean; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant={active ? "secondary" : "primary"}
        disabled={pending}
        aria-label={`${active ? "Disable" : "Enable"} ${name}`}
        onClick={() =>
          startTransition(async () => {
            const result = await setUserActiveAction({ userId, active: !active });
            setError(result.ok ? null : result.message);
          })
        }
      >
        {active ? "Disable" : "Enable"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
