"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";

export function ArchiveTemplateButton({ templateId, name }: { templateId: string; name: string }) {
  const router = useRouter();
  const archive = useMutation({
    mutationFn: async () => {
      const res = await fetch(`/api/program-templates/${templateId}`, { method: "DELETE" });
      if (!res.ok) throw new Error("Could not archive the template.");
    },
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
