"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { bookingApi } from "./booking-api";

/** The patient's personal calendar feed: a secret URL, shown once, that can be replaced or turned off. */
type FeedStatus = Awaited<ReturnType<typeof bookingApi.feedStatus>>;

/**
 * Plain state, not the query cache: the status comes with the page and only these two buttons change it,
 * so the appointments page does not load TanStack Query to show it (docs/decisions/072).
 */
export function CalendarFeedCard({ initial }: { initial?: FeedStatus }) {
  const [status, setStatus] = useState<FeedStatus | undefined>(initial);
  const [url, setUrl] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (change: () => Promise<{ url: string | null }>) => {
    setPending(true);
    setError(null);
    try {
      const result = await change();
      setUrl(result.url);
      setStatus(await bookingApi.feedStatus());
    } catch (e) {
      setError(e instanceof Error ? e.message : "Something went wrong. Please try again.");
    } finally {
      setPending(false);
    }
  };
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
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
      <p aria-live="polite" className="text-sm text-slate-700">
        {status?.active ? "Your calendar link is on." : status ? "Your calendar link is off." : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} onClick={() => run(() => bookingApi.createFeed())}>
          {status?.active ? "Make a new link (the old one stops working)" : "Create calendar link"}
        </Button>
        {status?.active && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => run(async () => (await bookingApi.revokeFeed(), { url: null }))}
          >
            Turn off calendar link
          </Button>
        )}
      </div>
    </div>
  );
}
