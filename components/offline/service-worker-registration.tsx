"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { keepOfflineCopy } from "@/lib/offline/offline-copies";

/** Installs the service worker (public/sw.js, production builds only) and keeps this page for offline use if it is one. */
export function ServiceWorkerRegistration() {
  const pathname = usePathname();

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    // A failed install only means no offline copies; the page works as before.
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
  }, []);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const keep = () => void keepOfflineCopy(pathname).catch(() => undefined);
    // After the page's own loading, so the copy does not compete with it for the signal.
    const timer = window.setTimeout(keep, 1000);
    // A new build's worker drops the previous build's copies when it takes over: keep this page again.
    navigator.serviceWorker.addEventListener("controllerchange", keep);
    return () => {
      window.clearTimeout(timer);
      navigator.serviceWorker.removeEventListener("controllerchange", keep);
    };
  }, [pathname]);

  return null;
}
