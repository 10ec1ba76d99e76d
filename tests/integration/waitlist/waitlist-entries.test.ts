import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addDays, instantOfLocal, todayIn } from "@/lib/time/calendar-rules";
import { addWaitlistEntry } from "@/lib/waitlist/add-waitlist-entry";
import { waitlistHandlers } from "@/lib/waitlist/http-handlers";
import { listFreedTimes } from "@/lib/waitlist/list-freed-times";
import { listWaitlistEntries } from "@/lib/waitlist/list-waitlist-entries";
import { removeWaitlistEntry } from "@/lib/waitlist/remove-waitlist-entry";
import { setEntryPriority } from "@/lib/waitlist/set-entry-priority";
import { createClinicWithPeople, createPatient } from "../../factories";
import { asRoute, createAppointmentType, futureMonday, jsonRequest } from "../../factories/booking";
import { createFreedTime, createWaitlistEntry } from "../../factories/waitlist";

const ZONE = "America/New_York";
type People = Awaited<ReturnType<typeof createClinicWithPeople>>;
let a: People;
let b: People;
let onlineType: string;
let staffOnlyType: string;
let awayType: string;
const today = todayIn(ZONE, Date.now());

const input = (over: Record<string, unknown> = {}) => ({
  appointmentTypeId: onlineType,
  therapistId: "any",
  weekdays: [1, 2, 3, 4, 5],
  windows: [{ start: "08:00", end: "12:00" }],
  earliestDate: addDays(today, 1),
  latestDate: addDays(today, 30),
  ...over,
});

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err as { code: string; message: string; fieldErrors?: Record<string, string[]> },
  );
  expect(e, "expected a refusal").not.toBeNull();
  return e!;
}

const entriesOf = (clinicId: string) => db.waitlistEntry.count({ where: { clinicId } });

beforeAll(async () => {
  [a, b] = await Promise.all([createClinicWithPeople(), createClinicWithPeople()]);
  onlineType = (await createAppointmentType(a.clinic.id, { durationMinutes: 45, onlineBookable: true })).id;
  staffOnlyType = (await createAppointmentType(a.clinic.id, { durationMinutes: 60, onlineBookable: false })).id;
  awayType = (await createAppointmentType(b.clinic.id, { durationMinutes: 45 })).id;
});

beforeEach(async () => {
  await db.waitlistOffer.deleteMany({ where: { clinicId: { in: [a.clinic.id, b.clinic.id] } } });
  await db.freedTime.deleteMany({ where: { clinicId: { in: [a.clinic.id, b.clinic.id] } } });
  await db.waitlistEntry.deleteMany({ where: { clinicId: { in: [a.clinic.id, b.clinic.id] } } });
});

describe("adding entries", () => {
  it("the front desk adds one for a clinic patient; a patient adds their own from the portal", async () => {
    const byDesk = await addWaitlistEntry(a.frontDesk, input({ patientId: a.patientB.patient.id }));
    expect(byDesk).toMatchObject({
      patient: { id: a.patientB.patient.id },
      therapist: null,
      status: "waiting",
      createdVia: "front_desk",
      windows: [{ start: "08:00", end: "12:00" }],
    });
    const mine = await addWaitlistEntry(a.patientA.actor, input({ therapistId: a.therapist.userId }));
    expect(mine).toMatchObject({ patient: { id: a.patientA.patient.id }, createdVia: "portal" });
    expect(mine.therapist?.id).toBe(a.therapist.userId);
    const audit = await db.auditEvent.count({ where: { action: "waitlist.add", recordId: mine.id } });
    expect(audit).toBe(1);
  });

  it("allows one open entry per patient and type: the second is a 409 with a clear message", async () => {
    await addWaitlistEntry(a.frontDesk, input({ patientId: a.patientB.patient.id }));
    const e = await refusal(addWaitlistEntry(a.frontDesk, input({ patientId: a.patientB.patient.id })));
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/already on the waitlist for this appointment type/);
    const own = await refusal(addWaitlistEntry(a.patientB.actor, input()));
    expect(own.code).toBe("conflict");
    expect(await entriesOf(a.clinic.id)).toBe(1);
    // Another type is another entry.
    await addWaitlistEntry(a.frontDesk, input({ patientId: a.patientB.patient.id, appointmentTypeId: staffOnlyType }));
    expect(await entriesOf(a.clinic.id)).toBe(2);
  });

  it("two adds at the same moment give one entry and one 409", async () => {
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => addWaitlistEntry(a.frontDesk, input({ patientId: a.patientA.patient.id }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await entriesOf(a.clinic.id)).toBe(1);
  });

  it("bad windows and dates come back as field errors and nothing is written", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ windows: [{ start: "12:00", end: "09:00" }] }, "windows"],
      [{ windows: [{ start: "05:00", end: "09:00" }] }, "windows"],
      [{ windows: [{ start: "08:10", end: "09:00" }] }, "windows"],
      [{ windows: [] }, "windows"],
      [{ weekdays: [] }, "weekdays"],
      [{ earliestDate: addDays(today, -1) }, "earliestDate"],
      [{ earliestDate: addDays(today, 10), latestDate: addDays(today, 5) }, "latestDate"],
      [{ latestDate: addDays(today, 400) }, "latestDate"],
      [{ note: "x".repeat(501) }, "note"],
      [{ therapistId: b.therapist.userId }, "therapistId"],
      [{ appointmentTypeId: awayType }, "appointmentTypeId"],
    ];
    for (const [over, field] of cases) {
      const e = await refusal(addWaitlistEntry(a.frontDesk, input({ patientId: a.patientA.patient.id, ...over })));
      expect(e.code, JSON.stringify(over)).toBe("validation");
      expect(Object.keys(e.fieldErrors ?? {}), JSON.stringify(over)).toContain(field);
    }
    expect(await entriesOf(a.clinic.id)).toBe(0);
  });

  it("answers the API with 422 field errors, never a 500, for a malformed body", async () => {
    const post = (actor: Actor, body: unknown) =>
      asRoute((req) => waitlistHandlers.addEntry(actor, req))(jsonRequest("POST", body));
    const res = await post(a.frontDesk, { ...input({ patientId: a.patientA.patient.id }), windows: "mornings" });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fieldErrors).toHaveProperty("windows");
    const ok = await post(a.frontDesk, input({ patientId: a.patientA.patient.id }));
    expect(ok.status).toBe(201);
  });

  it("patients: only online-bookable types, only themselves, never urgent", async () => {
    const type = await refusal(addWaitlistEntry(a.patientA.actor, input({ appointmentTypeId: staffOnlyType })));
    expect(type.fieldErrors).toHaveProperty("appointmentTypeId");
    const other = await refusal(addWaitlistEntry(a.patientA.actor, input({ patientId: a.patientB.patient.id })));
    expect(other.code).toBe("not_found");
    const urgent = await refusal(addWaitlistEntry(a.patientA.actor, input({ priority: "urgent" })));
    expect(urgent.code).toBe("forbidden");
    expect(await entriesOf(a.clinic.id)).toBe(0);
  });

  it("another clinic's patient is a 404, and inactive patients cannot be added", async () => {
    const away = await refusal(addWaitlistEntry(a.frontDesk, input({ patientId: b.patientA.patient.id })));
    expect(away.code).toBe("not_found");
    const inactive = await createPatient(a.clinic.id);
    await db.patient.update({ where: { id: inactive.id }, data: { active: false } });
    const e = await refusal(addWaitlistEntry(a.frontDesk, input({ patientId: inactive.id })));
    expect(e.fieldErrors).toHaveProperty("patientId");
    expect(await entriesOf(a.clinic.id)).toBe(0);
  });
});

describe("listing, removing and priority", () => {
  it("a patient sees only their own entries, every status, most recent first", async () => {
    const older = await createWaitlistEntry(a.clinic.id, a.patientA.patient.id, onlineType, a.frontDesk.userId, {
      status: "removed",
      createdAt: new Date(Date.now() - 86_400_000),
    });
    const newer = await createWaitlistEntry(a.clinic.id, a.patientA.patient.id, staffOnlyType, a.frontDesk.userId);
    await createWaitlistEntry(a.clinic.id, a.patientB.patient.id, onlineType, a.frontDesk.userId);
    const { entries } = await listWaitlistEntries(a.patientA.actor);
    expect(entries.map((e) => e.id)).toEqual([newer.id, older.id]);
  });

  it("staff see their clinic's open entries, urgent first then oldest; another clinic's are invisible", async () => {
    const old = await createWaitlistEntry(a.clinic.id, a.patientA.patient.id, onlineType, a.frontDesk.userId, {
      createdAt: new Date(Date.now() - 3 * 86_400_000),
    });
    const urgent = await createWaitlistEntry(a.clinic.id, a.patientB.patient.id, onlineType, a.frontDesk.userId, {
      priority: "urgent",
    });
    await createWaitlistEntry(a.clinic.id, a.patientB.patient.id, staffOnlyType, a.frontDesk.userId, {
      status: "booked",
    });
    const away = await createWaitlistEntry(b.clinic.id, b.patientA.patient.id, awayType, b.frontDesk.userId);
    const { entries } = await listWaitlistEntries(a.frontDesk);
    expect(entries.map((e) => e.id)).toEqual([urgent.id, old.id]);
    expect(entries[1]!.waitingDays).toBe(3);
    expect((await listWaitlistEntries(b.therapist)).entries.map((e) => e.id)).toEqual([away.id]);
    expect((await refusal(removeWaitlistEntry(b.admin, old.id))).code).toBe("not_found");
    expect((await refusal(setEntryPriority(b.therapist, old.id, { priority: "urgent" }))).code).toBe("not_found");
  });

  it("a patient removes their own entry, not another's; staff remove any of the clinic's", async () => {
    const mine = await createWaitlistEntry(a.clinic.id, a.patientA.patient.id, onlineType, a.frontDesk.userId);
    const theirs = await createWaitlistEntry(a.clinic.id, a.patientB.patient.id, onlineType, a.frontDesk.userId);
    expect((await refusal(removeWaitlistEntry(a.patientA.actor, theirs.id))).code).toBe("not_found");
    const removed = await removeWaitlistEntry(a.patientA.actor, mine.id);
    expect(removed.status).toBe("removed");
    expect(removed.endedAt).not.toBeNull();
    expect((await refusal(removeWaitlistEntry(a.patientA.actor, mine.id))).code).toBe("conflict");
    expect((await removeWaitlistEntry(a.frontDesk, theirs.id)).status).toBe("removed");
  });

  it("removing an entry withdraws its pending offer", async () => {
    const entry = await createWaitlistEntry(a.clinic.id, a.patientA.patient.id, onlineType, a.frontDesk.userId, {
      status: "offered",
    });
    const freed = await createFreedTime(a.clinic.id, a.therapist.userId, new Date(Date.now() + 2 * 86_400_000));
    const offer = await db.waitlistOffer.create({
      data: {
        clinicId: a.clinic.id,
        freedTimeId: freed.id,
        entryId: entry.id,
        therapistId: a.therapist.userId,
        startsAt: freed.startsAt,
        endsAt: freed.endsAt,
        tokenHash: `hash-${entry.id}`,
        expiresAt: new Date(Date.now() + 15 * 60_000),
      },
    });
    await removeWaitlistEntry(a.patientA.actor, entry.id);
    expect((await db.waitlistOffer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("declined");
  });

  it("only clinicians mark urgent: the front desk and patients get 403", async () => {
    const entry = await createWaitlistEntry(a.clinic.id, a.patientA.patient.id, onlineType, a.frontDesk.userId);
    expect((await refusal(setEntryPriority(a.frontDesk, entry.id, { priority: "urgent" }))).code).toBe("forbidden");
    expect((await refusal(setEntryPriority(a.patientA.actor, entry.id, { priority: "urgent" }))).code).toBe(
      "forbidden",
    );
    expect(
      (await refusal(addWaitlistEntry(a.frontDesk, input({ patientId: a.patientB.patient.id, priority: "urgent" }))))
        .code,
    ).toBe("forbidden");
    expect((await setEntryPriority(a.therapist, entry.id, { priority: "urgent" })).priority).toBe("urgent");
    expect((await setEntryPriority(a.admin, entry.id, { priority: "routine" })).priority).toBe("routine");
    const bad = await refusal(setEntryPriority(a.therapist, entry.id, { priority: "asap" }));
    expect(bad.fieldErrors).toHaveProperty("priority");
  });
});

describe("freed times", () => {
  it("lists upcoming open freed times with the matching entries in offer order and pending offers", async () => {
    const monday = futureMonday(ZONE, 1);
    const at = new Date(instantOfLocal(monday, 9 * 60, ZONE));
    const freed = await createFreedTime(a.clinic.id, a.therapist.userId, at, 60);
    await createFreedTime(b.clinic.id, b.therapist.userId, at, 60);
    const past = await createFreedTime(a.clinic.id, a.therapist.userId, new Date(Date.now() - 3_600_000));
    const later = await createFreedTime(a.clinic.id, a.therapist.userId, new Date(Date.now() + 40 * 86_400_000));
    const old = await createWaitlistEntry(a.clinic.id, a.patientA.patient.id, onlineType, a.frontDesk.userId, {
      createdAt: new Date(Date.now() - 86_400_000),
      latestDate: addDays(monday, 5),
    });
    const urgent = await createWaitlistEntry(a.clinic.id, a.patientB.patient.id, onlineType, a.frontDesk.userId, {
      priority: "urgent",
      latestDate: addDays(monday, 5),
    });
    // Afternoons only: does not match a 09:00 time.
    const extra = await createPatient(a.clinic.id);
    await createWaitlistEntry(a.clinic.id, extra.id, onlineType, a.frontDesk.userId, {
      windows: [{ startMinute: 14 * 60, endMinute: 18 * 60 }],
      latestDate: addDays(monday, 5),
    });

    // Holding an offer (for this or another time) still lists the patient: they may call the desk instead.
    const offered = await createPatient(a.clinic.id);
    const holding = await createWaitlistEntry(a.clinic.id, offered.id, onlineType, a.frontDesk.userId, {
      status: "offered",
      latestDate: addDays(monday, 5),
    });
    // A booked entry is over.
    const done = await createPatient(a.clinic.id);
    await createWaitlistEntry(a.clinic.id, done.id, onlineType, a.frontDesk.userId, {
      status: "booked",
      latestDate: addDays(monday, 5),
    });

    const { freedTimes } = await listFreedTimes(a.frontDesk);
    expect(freedTimes.map((f) => f.id)).toEqual([freed.id]);
    expect(freedTimes.map((f) => f.id)).not.toContain(past.id);
    expect(freedTimes.map((f) => f.id)).not.toContain(later.id);
    const [f] = freedTimes;
    expect(f!.matches.map((m) => m.entryId)).toEqual([urgent.id, old.id, holding.id]);
    expect(f!.matches[0]!.visit).toEqual({
      startsAt: at.toISOString(),
      endsAt: new Date(at.getTime() + 45 * 60_000).toISOString(),
    });
    expect(f!.reason).toBe("cancel");
    expect((await refusal(listFreedTimes(a.patientA.actor))).code).toBe("forbidden");
  });
});
