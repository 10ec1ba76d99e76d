"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { exercisesApi } from "@/components/exercises/exercises-api";

export function ArchiveTemplateButton({ templateId, name }: { templateId: string; name: string }) {
  const router = useRouter();
  const archive = useMutation({
    mutationFn: () => exercisesApi.archiveTemplate({ params: { templateId } }),
    onSuccess: () => router.refresh(),
  });
  return (
    <Button
      variant="secondary"
      aria-label={`Archive template ${name}`}
      disabled={archive.isPending}
      onClick={() => archive.mutate()}
    >
      Archive
    </Button>
  );
}
