import { bookingOpenApiPaths } from "@/lib/booking/openapi";

/** Each domain contributes its paths here (one line per domain, easy to merge). */
const DOMAIN_PATHS: Array<() => Record<string, unknown>> = [
  // booking
  bookingOpenApiPaths,
];

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Mend API",
      version: "1.0.0",
      description:
        "JSON endpoints of Mend. Sign in through the app (session cookie). Writes must come from the app's own origin. Errors are { error: { code, message, fieldErrors? } }.",
    },
    servers: [{ url: serverUrl }],
    paths: Object.assign({}, ...DOMAIN_PATHS.map((paths) => paths())),
  };
}
