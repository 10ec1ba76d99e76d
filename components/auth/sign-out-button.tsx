"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { clearOfflineCopies } from "@/lib/offline/offline-copies";

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
          .then(() => signOut({ callbackUrl: "/sign-in?reason=signed_out" }));
      }}
      className="min-h-11 rounded-lg px-3 py-2 font-medium text-white hover:bg-white/10"
    >
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
