import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { DATA_ACCESS_MATRIX, type Outcome } from "./data-access-matrix";
import { buildWorld, type Persona, type World } from "./world";

// Uploads go to a throw-away folder (read on first use of the environment, after this line).
process.env.EXERCISE_MEDIA_DIR = mkdtempSync(path.join(tmpdir(), "mend-matrix-media-"));

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 120_000);

let calls = 0;

describe("data-access authorization matrix", () => {
  for (const [fn, cases] of Object.entries(DATA_ACCESS_MATRIX)) {
    for (const c of cases) {
      it(`${fn}${c.label ? ` (${c.label})` : ""}`, async () => {
        const failures: string[] = [];
        for (const [persona, expected] of Object.entries(c.expect) as Array<[Persona, Outcome]>) {
          const actor = persona === "linkHolder" ? (w.linkHolder as never) : w.actors[persona];
          await c.before?.(w, actor);
          let outcome: string;
          let result: unknown;
          try {
            result = await c.run(w, actor, persona);
            outcome = "ok";
          } catch (e) {
            outcome = isAppError(e)
              ? e.code
              : `crash (${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)})`;
          }
          calls++;
          if (outcome !== expected) {
            failures.push(`${persona}: expected ${expected}, got ${outcome}`);
            continue;
          }
          if (outcome !== "ok") continue;
          const text = JSON.stringify(result ?? null, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
          for (const secret of w.forbidden[persona])
            if (text.includes(secret)) failures.push(`${persona}: the result contains "${secret}"`);
          try {
            await c.verify?.(w, actor, persona, result);
          } catch (e) {
            failures.push(`${persona}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
        expect(failures).toEqual([]);
      });
    }
  }

  it("made every call (the count is the matrix's size)", () => {
    const expected = Object.values(DATA_ACCESS_MATRIX)
      .flat()
      .reduce((n, c) => n + Object.keys(c.expect).length, 0);
    expect(calls).toBe(expected);
    console.log(`[matrix] ${Object.keys(DATA_ACCESS_MATRIX).length} functions, ${calls} persona calls`);
  });
});
