import { accountsOpenApiPaths } from "@/lib/accounts/openapi";
import { bookingOpenApiPaths } from "@/lib/booking/openapi";
import { episodesOpenApiPaths } from "@/lib/episodes/openapi";
import { episodeFhirOpenApiPaths } from "@/lib/episodes/fhir-openapi";
import { exercisesOpenApiPaths } from "@/lib/exercises/openapi";
import { intakeOpenApiPaths } from "@/lib/intake/openapi";
import { outcomesOpenApiPaths } from "@/lib/outcomes/openapi";
import { patientsOpenApiPaths } from "@/lib/patients/openapi";
import { textRepliesOpenApiPaths } from "@/lib/text-replies/openapi";
import { waitlistOpenApiPaths } from "@/lib/waitlist/openapi";
import { offerOpenApiPaths } from "@/lib/waitlist/offer-openapi";
import { platformOpenApiPaths } from "./platform";

/** Each domain contributes its paths here (one line per domain, easy to merge). */
const DOMAIN_PATHS: Array<() => Record<string, unknown>> = [
  platformOpenApiPaths,
  // patients
  patientsOpenApiPaths,
  // intake
  intakeOpenApiPaths,
  // exercises
  exercisesOpenApiPaths,
  // booking
  bookingOpenApiPaths,
  // accounts
  accountsOpenApiPaths,
  // text replies
  textRepliesOpenApiPaths,
  // waitlist
  waitlistOpenApiPaths,
  // waitlist offers
  offerOpenApiPaths,
  // episodes
  episodesOpenApiPaths,
  // outcomes
  outcomesOpenApiPaths,
  // FHIR export
  episodeFhirOpenApiPaths,
];

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Mend API",
      version: "1.0.0",
      description:
        "JSON endpoints of Mend. Sign in through the app (session cookie). Writes must come from the app's own origin. Errors are { error: { code, message, fieldErrors? } }. Each operation names the permission it needs (x-mend-permission, see lib/auth/permissions.ts) or the credential that stands in for a session (x-mend-credential).",
    },
    servers: [{ url: serverUrl }],
    paths: Object.assign({}, ...DOMAIN_PATHS.map((paths) => paths())),
  };
}
