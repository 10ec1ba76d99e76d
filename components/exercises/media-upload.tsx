"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ACCEPTED_MEDIA, MEDIA_LIMITS } from "@/lib/exercises/media-rules";
import { ApiError } from "@/lib/http/api-client";
import { exercisesApi } from "./exercises-api";

const MB = 1024 * 1024;

/** Upload a picture or short video for a library exercise (checked again, from its bytes, on the server). */
export function MediaUpload({ exerciseId, hasMedia }: { exerciseId: string; hasMedia: boolean }) {
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (f: File) => {
      const form = new FormData();
      form.set("file", f);
      await exercisesApi.uploadMedia({ params: { exerciseId }, form }).catch((e: unknown) => {
        throw e instanceof ApiError && e.fieldErrors.file ? new Error(e.fieldErrors.file[0]) : e;
      });
    },
    onSuccess: () => {
      setFile(null);
      router.refresh();
    },
    onError: (e) => setError(e.message),
  });
  const remove = useMutation({
    mutationFn: () => exercisesApi.removeMedia({ params: { exerciseId } }),
    onSuccess: () => router.refresh(),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setError("Choose a picture or a video first.");
    const limit = file.type.startsWith("video/") ? MEDIA_LIMITS.video : MEDIA_LIMITS.image;
    if (file.size > limit)
      return setError(`That file is ${(file.size / MB).toFixed(1)} MB; the limit is ${limit / MB} MB.`);
    setError(null);
    upload.mutate(file);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      {upload.isSuccess && (
        <Alert tone="success" role="status">
          Uploaded. Patients with this exercise now see it.
        </Alert>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="font-medium">
          Picture or short video
        </label>
        <p id={`${inputId}-hint`} className="text-sm text-slate-600">
          PNG, JPEG or WebP up to {MEDIA_LIMITS.image / MB} MB; MP4 or WebM up to {MEDIA_LIMITS.video / MB} MB.
        </p>
        <input
          id={inputId}
          type="file"
          accept={ACCEPTED_MEDIA}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          className="min-h-11 text-base file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-400 file:bg-white file:px-3 file:font-semibold"
        />
        {error && (
          <p id={`${inputId}-error`} role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={upload.isPending}>
          {upload.isPending ? "Uploading…" : "Upload"}
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
