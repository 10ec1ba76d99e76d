import "server-only";
import { db, type Tx } from "@/lib/db";
import { newLinkToken } from "@/lib/intake/link-token";
import { enqueueMessages } from "@/lib/notifications/enqueue-message";
import { reachableBy } from "@/lib/patients/message-channel-rules";
import { localDateOf } from "@/lib/time/calendar-rules";
import { dateColumnOf, localDateOfDateColumn } from "@/lib/time/date-column";
import {
  offerClinicSelect,
  offerMessages,
  offerPatientSelect,
  releaseOffersAsTaken,
  type OfferClinic,
} from "./offer-messages";
import { canReach, fitsWithBuffer, offerChannels } from "./offer-rules";
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
  pass.taken += await db.$transaction(async (tx) => {
    const gone = await tx.waitlistOffer.findMany({
      where: {
        status: "pending",
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
  const clinicIds = [...new Set(claimed.map((f) => f.clinicId))];
  const [clinics, settings] = await Promise.all([
    tx.clinic.findMany({ where: { id: { in: clinicIds } }, select: offerClinicSelect }),
    tx.bookingSettings.findMany({
      where: { clinicId: { in: clinicIds } },
      select: { clinicId: true, waitlistOffersAtOnce: true, waitlistHoldMinutes: true },
    }),
  ]);
  const clinicOf = new Map(clinics.map((c) => [c.id, c]));
  const settingsOf = new Map(settings.map((s) => [s.clinicId, s]));
  for (const freed of claimed) {
    const s = settingsOf.get(freed.clinicId);
    await offerFreedTime(
      tx,
      freed,
      clinicOf.get(freed.clinicId)!,
      { offersAtOnce: s?.waitlistOffersAtOnce ?? 3, holdMinutes: s?.waitlistHoldMinutes ?? 15 },
      p.now,
      pass,
    );
  }
  const last = claimed[claimed.length - 1]!;
  return { claimed: claimed.length, last: { startsAt: last.startsAt, id: last.id } };
}

async function offerFreedTime(
  tx: Tx,
  freed: Claimed,
  clinic: OfferClinic,
  settings: { offersAtOnce: number; holdMinutes: number },
  now: Date,
  pass: OfferPass,
): Promise<void> {
  const expired = await tx.waitlistOffer.updateManyAndReturn({
    where: { freedTimeId: freed.id, status: "pending", expiresAt: { lte: now } },
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
  const pending = await tx.waitlistOffer.count({ where: { freedTimeId: freed.id, status: "pending" } });

  const booked = await tx.appointment.findFirst({
    where: {
      clinicId: freed.clinicId,
      therapistId: freed.therapistId,
      status: { in: [...BLOCKING_STATUSES] },
      startsAt: { lt: freed.endsAt },
      blockedUntil: { gt: freed.startsAt },
    },
    select: { id: true },
  });
  const tooSoon = freed.startsAt.getTime() - now.getTime() < MIN_OFFER_LEAD_MS;
  // Held offers may still be accepted inside their hold; the time closes once none is left.
  if (booked || (tooSoon && pending === 0)) {
    await tx.freedTime.update({ where: { id: freed.id }, data: { status: "closed", closedAt: now } });
    pass.closed++;
    if (booked) {
      const left = await tx.waitlistOffer.findMany({
        where: { freedTimeId: freed.id, status: "pending" },
        select: { id: true },
      });
      pass.taken += await releaseOffersAsTaken(
        tx,
        left.map((o) => o.id),
        now,
      );
    }
    return;
  }
  let room = settings.offersAtOnce - pending;
  if (room <= 0 || tooSoon) return;

  const day = localDateOf(freed.startsAt, clinic.timeZone);
  const candidates = await tx.waitlistEntry.findMany({
    where: {
      clinicId: freed.clinicId,
      status: "waiting",
      OR: [{ therapistId: null }, { therapistId: freed.therapistId }],
      earliestDate: { lte: dateColumnOf(day) },
      latestDate: { gte: dateColumnOf(day) },
      offers: { none: { freedTimeId: freed.id } },
      patient: { active: true },
    },
    select: {
      id: true,
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
      patient: { select: offerPatientSelect },
    },
  });
  const matches = matchEntries(
    candidates.map((e) => ({
      ...e,
      durationMinutes: e.appointmentType.durationMinutes,
      windows: e.windows as TimeWindow[],
      earliestDate: localDateOfDateColumn(e.earliestDate),
      latestDate: localDateOfDateColumn(e.latestDate),
    })),
    freed,
    { timeZone: clinic.timeZone, now },
  ).filter((m) => fitsWithBuffer(m.visit, m.entry.appointmentType, freed.endsAt));
  if (matches.length === 0) return;

  // A patient already busy then (another visit) cannot take it; nor is one patient offered one time twice.
  const busy = await tx.appointment.findMany({
    where: {
      clinicId: freed.clinicId,
      patientId: { in: [...new Set(matches.map((m) => m.entry.patientId))] },
      status: { in: [...BLOCKING_STATUSES] },
      startsAt: { lt: freed.endsAt },
      endsAt: { gt: freed.startsAt },
    },
    select: { patientId: true, startsAt: true, endsAt: true },
  });
  const offeredPatients = new Set(
    (
      await tx.waitlistOffer.findMany({
        where: { freedTimeId: freed.id, status: { in: ["pending", "accepted"] } },
        select: { entry: { select: { patientId: true } } },
      })
    ).map((o) => o.entry.patientId),
  );
  const messages = [];
  for (const { entry, visit } of matches) {
    if (room <= 0) break;
    if (offeredPatients.has(entry.patientId)) continue;
    if (busy.some((b) => b.patientId === entry.patientId && b.startsAt < visit.endsAt && b.endsAt > visit.startsAt))
      continue;
    const to = offerChannels(reachableBy(entry.patient), now, clinic.timeZone, visit.startsAt);
    if (!canReach(to)) continue;
    // Guarded on "waiting": an entry another pass just offered elsewhere (or the patient removed) is left alone.
    const claimedEntry = await tx.waitlistEntry.updateMany({
      where: { id: entry.id, status: "waiting" },
      data: { status: "offered" },
    });
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
        expiresAt: new Date(now.getTime() + settings.holdMinutes * 60_000),
        createdAt: now,
      },
      select: { id: true },
    });
    messages.push(
      ...offerMessages(
        { patient: entry.patient, clinic, to, offerId: offer.id, startsAt: visit.startsAt },
        token,
        settings.holdMinutes,
      ),
    );
    offeredPatients.add(entry.patientId);
    room--;
    pass.offered++;
  }
  await enqueueMessages(tx, messages);
}
