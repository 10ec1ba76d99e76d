import { describe, expect, it } from "vitest";
import { accountContracts } from "@/lib/accounts/contracts";
import { bookingContracts } from "@/lib/booking/contracts";
import { episodeContracts } from "@/lib/episodes/contracts";
import { exerciseContracts, myExerciseContracts } from "@/lib/exercises/contracts";
import type { Contract } from "@/lib/http/endpoint";
import { intakeContracts, intakeFillContracts } from "@/lib/intake/contracts";
import { openApiDocument } from "@/lib/openapi/document";
import { patientContracts } from "@/lib/patients/contracts";
import { waitlistContracts } from "@/lib/waitlist/contracts";
import { offerContracts } from "@/lib/waitlist/offer-contracts";

const CONTRACTS: Record<string, Record<string, Contract>> = {
  accounts: accountContracts,
  booking: bookingContracts,
  episodes: episodeContracts,
  exercises: exerciseContracts,
  myExercises: myExerciseContracts,
  intake: intakeContracts,
  intakeFill: intakeFillContracts,
  patients: patientContracts,
  waitlist: waitlistContracts,
  waitlistOffers: offerContracts,
};

type Schema = Record<string, unknown>;
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Operation = {
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, Response>;
};

const paths = openApiDocument("http://localhost:3000").paths as Record<string, Record<string, Operation>>;
const operations = Object.entries(paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);

/** A real schema: an object with named properties, not a prose description of the body. */
function expectObjectSchema(schema: Schema | undefined, where: string) {
  expect(schema?.type, `${where}: an object schema`).toBe("object");
  expect(Object.keys((schema?.properties as object) ?? {}).length, `${where}: named properties`).toBeGreaterThan(0);
}

describe("every endpoint the browser calls is described by its contract in the OpenAPI document", () => {
  for (const [domain, contracts] of Object.entries(CONTRACTS))
    for (const [name, c] of Object.entries(contracts))
      it(`${domain}.${name}: ${c.method} ${c.path}`, () => {
        const op = paths[c.path]?.[c.method.toLowerCase()];
        expect(op, "operation in the document").toBeDefined();
        const success = op!.responses[String(c.status ?? 200)];
        expect(success, "success response").toBeDefined();
        if (c.response) expectObjectSchema(success!.content?.["application/json"]?.schema, "success body");
        if (c.request) expect(op!.requestBody?.content["application/json"]?.schema).toBeDefined();
      });
});

describe("every success response in the OpenAPI document says what it carries", () => {
  it("covers every operation", () => expect(operations.length).toBeGreaterThan(60));

  for (const { name, op } of operations)
    it(name, () => {
      const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect(successes.length, "a success response").toBeGreaterThan(0);
      for (const [status, response] of successes) {
        if (status === "204") continue;
        const types = Object.entries(response.content ?? {});
        // A body with no media type is prose: name the type, and give JSON a schema.
        expect(types.length, `${status}: a media type`).toBeGreaterThan(0);
        for (const [type, media] of types) {
          expect(media.schema, `${status} ${type}: a schema`).toBeDefined();
          if (/[/+]json$/.test(type)) expectObjectSchema(media.schema, `${status} ${type}`);
        }
      }
    });
});
