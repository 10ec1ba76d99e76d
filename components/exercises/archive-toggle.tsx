"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { exercisesApi } from "./exercises-api";

export function ArchiveToggle({ exerciseId, archived }: { exerciseId: string; archived: boolean }) {
  const router = useRouter();
  const toggle = useMutation({
    mutationFn: () => exercisesApi.setArchived({ params: { exerciseId }, body: { archived: !archived } }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex flex-col gap-1">
      <Button variant={archived ? "secondary" : "danger"} disabled={toggle.isPending} onClick={() => toggle.mutate()}>
        {archived ? "Restore to the library" : "Archive"}
      </Button>
      {toggle.isError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {toggle.error.message}
        </p>
      )}
    </div>
  );
}
