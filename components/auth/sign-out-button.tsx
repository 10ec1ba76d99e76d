"use client";

import { useState } from "react";
import { clearOfflineCopies } from "@/lib/offline/offline-copies";

/**
 * next-auth's own sign-out, as its client library does it (CSRF token, then the
 * POST), without shipping that library to every signed-in page (docs/decisions/072).
 */
async function signOut(callbackUrl: string): Promise<boolean> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
    const { url } = (await res.json()) as { url?: string };
    window.location.href = url ?? callbackUrl;
    return true;
  } catch {
    // No network: the session is still open, so the button stays usable rather than pretending.
    return false;
  }
}

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        // The service worker clears them too when sign-out reaches it; this also covers a page it does not control.
        void clearOfflineCopies()
          .catch(() => undefined)
          .then(() => signOut("/sign-in?reason=signed_out"))
          .then(setBusy);
      }}
      className="min-h-11 rounded-lg px-3 py-2 font-medium text-white hover:bg-white/10"
    >
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
