"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { exercisesApi } from "@/components/exercises/exercises-api";

/** Ends the program today, after an explicit second step (no browser dialog, so it works the same by keyboard). */
export function EndProgramButton({ programId, version }: { programId: string; version: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const end = useMutation({
    mutationFn: () => exercisesApi.endProgram({ params: { programId }, body: { baseVersion: version } }),
    onSuccess: () => router.refresh(),
  });
  if (!confirming)
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        End program
      </Button>
    );
  return (
    <div
      role="group"
      aria-label="Confirm ending the program"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-red-300 bg-red-50 p-2"
    >
      <span>End it today? The history stays; you can assign a new program afterwards.</span>
      <Button variant="danger" disabled={end.isPending} onClick={() => end.mutate()}>
        End program now
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Keep it
      </Button>
      {end.isError && (
        <p role="alert" className="w-full font-medium text-red-700">
          {end.error.message}
        </p>
      )}
    </div>
  );
}
