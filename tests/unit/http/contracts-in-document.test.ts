import { describe, expect, it } from "vitest";
import { accountContracts } from "@/lib/accounts/contracts";
import { bookingContracts } from "@/lib/booking/contracts";
import { exerciseContracts } from "@/lib/exercises/contracts";
import type { Contract } from "@/lib/http/endpoint";
import { intakeContracts } from "@/lib/intake/contracts";
import { openApiDocument } from "@/lib/openapi/document";
import { patientContracts } from "@/lib/patients/contracts";

const CONTRACTS: Record<string, Record<string, Contract>> = {
  accounts: accountContracts,
  booking: bookingContracts,
  exercises: exerciseContracts,
  intake: intakeContracts,
  patients: patientContracts,
};

type Operation = {
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
};

describe("every endpoint the browser calls is described by its contract in the OpenAPI document", () => {
  const paths = openApiDocument("http://localhost:3000").paths as Record<string, Record<string, Operation>>;

  for (const [domain, contracts] of Object.entries(CONTRACTS))
    for (const [name, c] of Object.entries(contracts))
      it(`${domain}.${name}: ${c.method} ${c.path}`, () => {
        const op = paths[c.path]?.[c.method.toLowerCase()];
        expect(op, "operation in the document").toBeDefined();
        const success = op!.responses[String(c.status ?? 200)];
        expect(success, "success response").toBeDefined();
        if (c.response) {
          const schema = success!.content?.["application/json"]?.schema;
          // A real schema (an object with properties), not a prose description of the body.
          expect(schema?.type).toBe("object");
          expect(Object.keys((schema?.properties as object) ?? {}).length).toBeGreaterThan(0);
        }
        if (c.request) expect(op!.requestBody?.content["application/json"]?.schema).toBeDefined();
      });
});
