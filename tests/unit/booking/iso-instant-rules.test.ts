import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoInstant } from "@/lib/booking/iso-instant-rules";

describe("isoInstant", () => {
  it("writes what Date#toISOString writes, for any instant", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          // Years 0000-9999 (the fast path) and anything Date accepts (six-digit years).
          fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
          fc.integer({ min: -8.64e15, max: 8.64e15 }),
        ),
        (ms) => {
          expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("handles the edges of a day and of the four-digit years, in and out of order", () => {
    const cases = [
      0,
      -1,
      1,
      86_399_999,
      86_400_000,
      Date.UTC(2026, 2, 8, 6, 59, 59, 999),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1),
      -62_167_219_200_000,
      -62_167_219_200_001,
      253_402_300_799_999,
      253_402_300_800_000,
      Date.UTC(2026, 5, 15, 13, 0),
      Date.UTC(2026, 5, 14, 13, 0),
      Date.UTC(2026, 5, 15, 13, 15),
    ];
    for (const ms of cases) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });
});
