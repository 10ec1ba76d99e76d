import { describe, expect, it } from "vitest";
import {
  auditRowHash,
  canonicalJson,
  findBrokenLink,
  GENESIS_HASH,
  type StoredLink,
} from "@/lib/audit/audit-chain-rules";

const KEY = "unit-test-key";

function chain(n: number): StoredLink[] {
  const rows: StoredLink[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const row = {
      id: BigInt(i * 10),
      chainSeq: BigInt(i),
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      clinicId: "c1",
      actorId: "u1",
      actorRole: "therapist",
      action: "patient.read",
      outcome: "allowed",
      patientId: `p${i}`,
      recordType: "Patient",
      recordId: `p${i}`,
      ip: "203.0.113.1",
      userAgent: "ua",
      details: { b: 2, a: [1, { d: 4, c: 3 }] },
    };
    const hash = auditRowHash(prev, row, KEY);
    rows.push({ ...row, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("canonicalJson", () => {
  it("is independent of key order and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, 1n] } })).toBe('{"a":{"c":[2,"1"]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe("findBrokenLink", () => {
  it("accepts an intact chain, including when checked in pages", () => {
    const rows = chain(6);
    expect(findBrokenLink(rows, null, KEY)).toBeNull();
    const firstPage = rows.slice(0, 3);
    expect(findBrokenLink(firstPage, null, KEY)).toBeNull();
    expect(findBrokenLink(rows.slice(3), { chainSeq: 3n, hash: firstPage[2]!.hash! }, KEY)).toBeNull();
  });

  it("finds an edited row by its own hash", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, action: "patient.update" };
    expect(findBrokenLink(rows, null, KEY)).toEqual({ chainSeq: 3n, id: 30n, problem: "edited" });
  });

  it("notices an edit inside the details too", () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, details: { b: 3, a: [1, { d: 4, c: 3 }] } };
    expect(findBrokenLink(rows, null, KEY)?.chainSeq).toBe(2n);
  });

  it("finds a deleted row at the row after it", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findBrokenLink(rows, null, KEY)).toEqual({ chainSeq: 3n, id: 30n, problem: "missing_before" });
  });

  it("finds a deleted first row", () => {
    expect(findBrokenLink(chain(3).slice(1), null, KEY)).toMatchObject({ chainSeq: 2n, problem: "missing_before" });
  });

  it("cannot be repaired without the key: a chain rebuilt with another key fails", () => {
    const rows = chain(3);
    expect(findBrokenLink(rows, null, "another-key")).toMatchObject({ chainSeq: 1n, problem: "edited" });
  });
});
