import "server-only";
import { db, type Tx } from "@/lib/db";
import { newLinkToken } from "@/lib/intake/link-token";
import { enqueueMessages, type NewMessage } from "@/lib/notifications/enqueue-message";
import { reachableBy } from "@/lib/patients/message-channel-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import { messageClinicSelect, messagePatientSelect } from "@/lib/notifications/message-recipient";
import { offerMessages, releaseOffersAsTaken } from "./offer-messages";
import { canReach, fitsWithBuffer, offerHoldUntil } from "./offer-rules";
import { MIN_OFFER_LEAD_MS, matchEntries, type TimeWindow } from "./waitlist-match-rules";

export type OfferPass = { offered: number; expired: number; taken: number; closed: number; entriesEnded: number };

export type OfferPassOptions = {
  /** Fixed clock (tests, the simulation). */
  now?: Date;
  /** Only this clinic's freed times (tests). */
  clinicId?: string;
  batchSize?: number;
  signal?: AbortSignal;
};

const BATCH_SIZE = 50;
const BLOCKING_STATUSES = ["booked", "checked_in", "completed"] as const;

/**
 * One pass over the waitlist (operations.md, "Reminders, text messages,
 * waitlist"): entries past their latest date end; pending offers whose time
 * went elsewhere become "taken"; then every open freed time, claimed with FOR
 * UPDATE SKIP LOCKED so two servers never work on one at once (and an accept,
 * which locks the same row, never races a pass), has its held offers that ran
 * out expired, is closed when it is under 2 hours away or no longer free,
 * and otherwise gets new offers until the clinic's offers-at-once are out.
 */
export async function runOfferPass(options: OfferPassOptions = {}): Promise<OfferPass> {
  const pass: OfferPass = { offered: 0, expired: 0, taken: 0, closed: 0, entriesEnded: 0 };
  const now = options.now ?? new Date();
  pass.entriesEnded = await endEntriesPastLatestDate(now, options.clinicId);
  // Holds that ran out are "expired" wherever their time went since, so the link says so plainly.
  pass.expired += await db.$transaction(async (tx) => {
    const lapsed = await tx.waitlistOffer.updateManyAndReturn({
      where: {
        status: "pending",
        expiresAt: { lte: now },
        ...(options.clinicId ? { clinicId: options.clinicId } : {}),
      },
      data: { status: "expired" },
      select: { entryId: true },
    });
    await tx.waitlistEntry.updateMany({
      where: { id: { in: lapsed.map((o) => o.entryId) }, status: "offered" },
      data: { status: "waiting" },
    });
    return lapsed.length;
  });
  pass.taken += await db.$transaction(async (tx) => {
    const gone = await tx.waitlistOffer.findMany({
      where: {
        status: "pending",
        expiresAt: { gt: now },
        freedTime: { status: { not: "open" } },
        ...(options.clinicId ? { clinicId: options.clinicId } : {}),
      },
      select: { id: true },
    });
    return releaseOffersAsTaken(
      tx,
      gone.map((o) => o.id),
      now,
    );
  });
  let after: { startsAt: Date; id: string } | null = null;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  while (!options.signal?.aborted) {
    const batch: { claimed: number; last: { startsAt: Date; id: string } | null } = await db.$transaction(
      (tx) => offerBatch(tx, { now, clinicId: options.clinicId, after, batchSize }, pass),
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (batch.claimed < batchSize || !batch.last) break;
    after = batch.last;
  }
  return pass;
}

async function endEntriesPastLatestDate(now: Date, clinicId?: string): Promise<number> {
  // The clinic's own today: an entry's latest date is a date on the clinic's calendar.
  return db.$executeRaw`
    UPDATE "WaitlistEntry" e SET "status" = 'expired', "endedAt" = ${now}, "updatedAt" = ${now}
    FROM "Clinic" c
    WHERE c.id = e."clinicId" AND e."status" = 'waiting'
      AND e."latestDate" < (${now}::timestamptz AT TIME ZONE c."timeZone")::date
      AND (${clinicId ?? null}::uuid IS NULL OR e."clinicId" = ${clinicId ?? null}::uuid)`;
}

type Claimed = { id: string; clinicId: string; therapistId: string; startsAt: Date; endsAt: Date };

type Candidate = Awaited<ReturnType<typeof loadCandidates>>[number];

/** The waiting entries of these clinics, with what matching and messaging need: one query per batch. */
function loadCandidates(tx: Tx, clinicIds: string[]) {
  return tx.waitlistEntry.findMany({
    where: { clinicId: { in: clinicIds }, status: "waiting", patient: { active: true } },
    select: {
      id: true,
      clinicId: true,
      patientId: true,
      therapistId: true,
      appointmentTypeId: true,
      weekdays: true,
      windows: true,
      earliestDate: true,
      latestDate: true,
      priority: true,
      createdAt: true,
      appointmentType: { select: { durationMinutes: true, bufferAfterMinutes: true } },
      patient: { select: messagePatientSelect },
    },
  });
}

async function offerBatch(
  tx: Tx,
  p: { now: Date; clinicId?: string; after: { startsAt: Date; id: string } | null; batchSize: number },
  pass: OfferPass,
) {
  const afterStart = p.after?.startsAt ?? new Date(0);
  const afterId = p.after?.id ?? "00000000-0000-0000-0000-000000000000";
  const claimed = await tx.$queryRaw<Claimed[]>`
    SELECT "id"::text, "clinicId"::text, "therapistId"::text, "startsAt", "endsAt"
    FROM "FreedTime"
    WHERE "status" = 'open' AND ("startsAt", "id") > (${afterStart}, ${afterId}::uuid)
      AND (${p.clinicId ?? null}::uuid IS NULL OR "clinicId" = ${p.clinicId ?? null}::uuid)
    ORDER BY "startsAt", "id"
    LIMIT ${p.batchSize}
    FOR UPDATE SKIP LOCKED`;
  if (claimed.length === 0) return { claimed: 0, last: null };
  const last = claimed[claimed.length - 1]!;
  const ids = claimed.map((f) => f.id);

  // Held offers that ran out: their entries wait again (and are not offered this time again).
  const expired = await tx.waitlistOffer.updateManyAndReturn({
    where: { freedTimeId: { in: ids }, status: "pending", expiresAt: { lte: p.now } },
    data: { status: "expired" },
    select: { entryId: true },
  });
  if (expired.length) {
    pass.expired += expired.length;
    await tx.waitlistEntry.updateMany({
      where: { id: { in: expired.map((o) => o.entryId) }, status: "offered" },
      data: { status: "waiting" },
    });
  }

  // No longer free: some appointment of the therapist now overlaps (booked some other way, a move into it).
  const bookedRows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT f."id"::text FROM "FreedTime" f
    WHERE f."id" = ANY(${ids}::uuid[]) AND EXISTS (
      SELECT 1 FROM "Appointment" a
      WHERE a."clinicId" = f."clinicId" AND a."therapistId" = f."therapistId"
        AND a."status" IN ('booked', 'checked_in', 'completed')
        AND a."startsAt" < f."endsAt" AND a."blockedUntil" > f."startsAt")`;
  const booked = new Set(bookedRows.map((r) => r.id));
  const offers = await tx.waitlistOffer.findMany({
    where: { freedTimeId: { in: ids } },
    select: { id: true, freedTimeId: true, entryId: true, status: true, entry: { select: { patientId: true } } },
  });
  const pendingOf = (freedId: string) => offers.filter((o) => o.freedTimeId === freedId && o.status === "pending");

  const toClose = claimed.filter(
    (f) =>
      booked.has(f.id) || (f.startsAt.getTime() - p.now.getTime() < MIN_OFFER_LEAD_MS && pendingOf(f.id).length === 0),
  );
  if (toClose.length) {
    // Held offers may still be accepted inside their hold when the time is merely near; once booked otherwise, they are taken.
    await tx.freedTime.updateMany({
      where: { id: { in: toClose.map((f) => f.id) } },
      data: { status: "closed", closedAt: p.now },
    });
    pass.closed += toClose.length;
    pass.taken += await releaseOffersAsTaken(
      tx,
      toClose.flatMap((f) => pendingOf(f.id).map((o) => o.id)),
      p.now,
    );
  }
  const closing = new Set(toClose.map((f) => f.id));
  const open = claimed.filter((f) => !closing.has(f.id) && f.startsAt.getTime() - p.now.getTime() >= MIN_OFFER_LEAD_MS);
  if (open.length === 0) return { claimed: claimed.length, last: { startsAt: last.startsAt, id: last.id } };

  const clinicIds = [...new Set(open.map((f) => f.clinicId))];
  const [clinics, settings, candidates] = await Promise.all([
    tx.clinic.findMany({ where: { id: { in: clinicIds } }, select: messageClinicSelect }),
    tx.bookingSettings.findMany({
      where: { clinicId: { in: clinicIds } },
      select: { clinicId: true, waitlistOffersAtOnce: true, waitlistHoldMinutes: true },
    }),
    loadCandidates(tx, clinicIds),
  ]);
  if (candidates.length === 0) return { claimed: claimed.length, last: { startsAt: last.startsAt, id: last.id } };
  const clinicOf = new Map(clinics.map((c) => [c.id, c]));
  const settingsOf = new Map(settings.map((s) => [s.clinicId, s]));
  const spanStart = new Date(Math.min(...open.map((f) => f.startsAt.getTime())));
  const spanEnd = new Date(Math.max(...open.map((f) => f.endsAt.getTime())));
  // A patient already busy then (another visit) cannot take it.
  const busy = await tx.appointment.findMany({
    where: {
      clinicId: { in: clinicIds },
      patientId: { in: [...new Set(candidates.map((c) => c.patientId))] },
      status: { in: [...BLOCKING_STATUSES] },
      startsAt: { lt: spanEnd },
      endsAt: { gt: spanStart },
    },
    select: { patientId: true, startsAt: true, endsAt: true },
  });
  // An emergency red flag no clinician has acknowledged blocks self-booking (domain.md, "Red flags"): no offer either.
  const flagged = new Set(
    (
      await tx.redFlag.findMany({
        where: {
          clinicId: { in: clinicIds },
          patientId: { in: [...new Set(candidates.map((c) => c.patientId))] },
          tier: "emergency",
          acknowledgedAt: null,
        },
        select: { patientId: true },
      })
    ).map((f) => f.patientId),
  );
  const waiting = new Set(candidates.filter((c) => !flagged.has(c.patientId)).map((c) => c.id));
  const messages: NewMessage[] = [];
  for (const freed of open) {
    const s = settingsOf.get(freed.clinicId);
    const clinic = clinicOf.get(freed.clinicId)!;
    const hold = s?.waitlistHoldMinutes ?? 15;
    let room = (s?.waitlistOffersAtOnce ?? 3) - pendingOf(freed.id).length;
    if (room <= 0) continue;
    const offeredEntries = new Set(offers.filter((o) => o.freedTimeId === freed.id).map((o) => o.entryId));
    // One patient is never offered one time twice (two entries of different kinds).
    const offeredPatients = new Set(
      offers
        .filter((o) => o.freedTimeId === freed.id && (o.status === "pending" || o.status === "accepted"))
        .map((o) => o.entry.patientId),
    );
    const pool = candidates.filter(
      (c) => c.clinicId === freed.clinicId && waiting.has(c.id) && !offeredEntries.has(c.id),
    );
    for (const { entry, visit } of matchEntries(pool.map(matchFacts), freed, {
      timeZone: clinic.timeZone,
      now: p.now,
    })) {
      if (room <= 0) break;
      if (!fitsWithBuffer(visit, entry.appointmentType, freed.endsAt)) continue;
      if (offeredPatients.has(entry.patientId)) continue;
      if (busy.some((b) => b.patientId === entry.patientId && b.startsAt < visit.endsAt && b.endsAt > visit.startsAt))
        continue;
      const to = reachableBy(entry.patient);
      if (!canReach(to)) continue;
      // Guarded on "waiting": an entry another pass just offered elsewhere (or the patient removed) is left alone.
      const claimedEntry = await tx.waitlistEntry.updateMany({
        where: { id: entry.id, status: "waiting" },
        data: { status: "offered" },
      });
      waiting.delete(entry.id);
      if (claimedEntry.count !== 1) continue;
      const { token, hash } = newLinkToken();
      const offer = await tx.waitlistOffer.create({
        data: {
          clinicId: freed.clinicId,
          freedTimeId: freed.id,
          entryId: entry.id,
          therapistId: freed.therapistId,
          startsAt: visit.startsAt,
          endsAt: visit.endsAt,
          tokenHash: hash,
          expiresAt: offerHoldUntil(p.now, clinic.timeZone, hold),
          createdAt: p.now,
        },
        select: { id: true },
      });
      messages.push(
        ...offerMessages(
          { patient: entry.patient, clinic, to, offerId: offer.id, startsAt: visit.startsAt },
          token,
          hold,
          p.now,
        ),
      );
      offeredPatients.add(entry.patientId);
      room--;
      pass.offered++;
    }
  }
  await enqueueMessages(tx, messages);
  return { claimed: claimed.length, last: { startsAt: last.startsAt, id: last.id } };
}

function matchFacts(c: Candidate) {
  return {
    ...c,
    durationMinutes: c.appointmentType.durationMinutes,
    windows: c.windows as TimeWindow[],
    earliestDate: localDateOfDateColumn(c.earliestDate),
    latestDate: localDateOfDateColumn(c.latestDate),
  };
}
