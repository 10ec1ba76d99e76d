import { existsSync } from "node:fs";

/** Debian's chromium (Playwright's own browser download is blocked here); CHROMIUM_PATH overrides. */
export const chromiumPath =
  process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

/** Root needs --no-sandbox; the rest stop Chromium from calling hosts it cannot reach. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
