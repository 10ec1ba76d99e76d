"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { bookingApi } from "./booking-api";

/** The patient's personal calendar feed: a secret URL, shown once, that can be replaced or turned off. */
type FeedStatus = Awaited<ReturnType<typeof bookingApi.feedStatus>>;

export function CalendarFeedCard({ initial }: { initial?: FeedStatus }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ["calendar-feed"],
    queryFn: () => bookingApi.feedStatus(),
    initialData: initial,
  });
  const create = useMutation({
    mutationFn: () => bookingApi.createFeed(),
    onSuccess: (r) => {
      setUrl(r.url);
      void queryClient.invalidateQueries({ queryKey: ["calendar-feed"] });
    },
  });
  const revoke = useMutation({
    mutationFn: () => bookingApi.revokeFeed(),
    onSuccess: () => {
      setUrl(null);
      void queryClient.invalidateQueries({ queryKey: ["calendar-feed"] });
    },
  });
  return (
    <div className="flex flex-col gap-3">
      <p>
        Subscribe to your appointments from your phone&apos;s calendar app. Anyone with the link can see your
        appointment times, so keep it private.
      </p>
      {url && (
        <Alert tone="info" title="Your calendar link (shown once)">
          <p className="break-all font-mono text-sm">{url}</p>
        </Alert>
      )}
      <p aria-live="polite" className="text-sm text-slate-700">
        {status.data?.active ? "Your calendar link is on." : status.data ? "Your calendar link is off." : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={create.isPending} onClick={() => create.mutate()}>
          {status.data?.active ? "Make a new link (the old one stops working)" : "Create calendar link"}
        </Button>
        {status.data?.active && (
          <Button variant="secondary" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
            Turn off calendar link
          </Button>
        )}
      </div>
    </div>
  );
}
