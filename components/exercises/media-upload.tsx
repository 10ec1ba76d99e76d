"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { settle, useServerForm } from "@/components/ui/use-server-form";
import { ACCEPTED_MEDIA, chosenFileProblem, MEDIA_LIMITS } from "@/lib/exercises/media-rules";
import { exercisesApi } from "./exercises-api";

const MB = 1024 * 1024;

/** Upload a picture or short video for a library exercise (checked again, from its bytes, on the server). */
export function MediaUpload({ exerciseId, hasMedia }: { exerciseId: string; hasMedia: boolean }) {
  const router = useRouter();
  const [uploaded, setUploaded] = useState(false);
  const { form, onSubmit, pending, formError, hasFieldErrors, errorsOf } = useServerForm<{ file?: FileList }>({
    defaultValues: {},
    submit: (values) => {
      setUploaded(false);
      const body = new FormData();
      body.set("file", values.file![0]!);
      return settle(exercisesApi.uploadMedia({ params: { exerciseId }, form: body }));
    },
    onSuccess: () => {
      setUploaded(true);
      router.refresh();
    },
    // Empties the file input, so the same picture is not sent twice by a second press.
    resetOnSuccess: true,
  });
  const remove = useMutation({
    mutationFn: () => exercisesApi.removeMedia({ params: { exerciseId } }),
    onSuccess: () => router.refresh(),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {uploaded && (
        <Alert tone="success" role="status">
          Uploaded. Patients with this exercise now see it.
        </Alert>
      )}
      {formError && !hasFieldErrors && (
        <Alert tone="danger" role="alert">
          {formError}
        </Alert>
      )}
      <TextField
        label="Picture or short video"
        hint={`PNG, JPEG or WebP up to ${MEDIA_LIMITS.image / MB} MB; MP4 or WebM up to ${MEDIA_LIMITS.video / MB} MB.`}
        type="file"
        accept={ACCEPTED_MEDIA}
        className="file:mr-3 file:min-h-9 file:rounded-lg file:border file:border-slate-400 file:bg-white file:px-3 file:font-semibold"
        {...form.register("file", { validate: (files) => chosenFileProblem(files?.[0]) ?? true })}
        errors={errorsOf("file")}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Uploading…" : "Upload"}
        </Button>
        {hasMedia && (
          <Button variant="secondary" disabled={remove.isPending} onClick={() => remove.mutate()}>
            Use the drawing instead
          </Button>
        )}
      </div>
    </form>
  );
}
