import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { dateColumnOf } from "@/lib/time/date-column";
import { parseInput } from "@/lib/validation";
import { findEpisodeRow } from "./episode-view";
import { lockEditableEpisode } from "./lock-episode";
import { authorizationIdSchema, authorizationSchema } from "./schema";

/*
 * A payer's authorisations of an episode: recorded by the front desk as often
 * as by clinicians (episode:authorize). Several follow one another; the
 * counting rules allocate visits to them in date order. Changes wait on the
 * episode's row lock, so none lands on an episode being discharged.
 */

const columns = (a: ReturnType<typeof authorizationSchema.parse>) => ({
  payerName: a.payerName,
  reference: a.reference,
  visitsAuthorized: a.visitsAuthorized,
  validFrom: dateColumnOf(a.validFrom),
  validUntil: dateColumnOf(a.validUntil),
});

export async function addAuthorization(actor: Actor, episodeId: unknown, input: unknown) {
  await assertCan(actor, "episode:authorize");
  const episode = await findEpisodeRow(actor, episodeId);
  const data = parseInput(authorizationSchema, input);
  return db.$transaction(async (tx) => {
    await lockEditableEpisode(tx, actor.clinicId, episode.id);
    const created = await tx.payerAuthorization.create({
      data: { clinicId: actor.clinicId, episodeId: episode.id, createdById: actor.userId, ...columns(data) },
      select: { id: true },
    });
    await recordAudit(
      actor,
      {
        action: "episode.authorization.add",
        patientId: episode.patientId,
        recordType: "PayerAuthorization",
        recordId: created.id,
        details: { episodeId: episode.id, visitsAuthorized: data.visitsAuthorized },
      },
      tx,
    );
    return { id: created.id, episodeId: episode.id };
  });
}

async function findAuthorization(actor: Actor, episodeId: string, authorizationId: unknown) {
  const id = parseInput(authorizationIdSchema, authorizationId);
  const row = await db.payerAuthorization.findFirst({
    where: { id, episodeId, clinicId: actor.clinicId },
    select: { id: true },
  });
  if (!row) {
    await recordAudit(actor, {
      action: "access.denied",
      outcome: "denied",
      recordType: "PayerAuthorization",
      recordId: id,
    });
    throw notFound("That authorisation");
  }
  return row;
}

export async function updateAuthorization(actor: Actor, episodeId: unknown, authorizationId: unknown, input: unknown) {
  await assertCan(actor, "episode:authorize");
  const episode = await findEpisodeRow(actor, episodeId);
  const auth = await findAuthorization(actor, episode.id, authorizationId);
  const data = parseInput(authorizationSchema, input);
  return db.$transaction(async (tx) => {
    await lockEditableEpisode(tx, actor.clinicId, episode.id);
    const changed = await tx.payerAuthorization.updateMany({
      where: { id: auth.id, episodeId: episode.id, clinicId: actor.clinicId },
      data: columns(data),
    });
    if (changed.count === 0) throw notFound("That authorisation");
    await recordAudit(
      actor,
      {
        action: "episode.authorization.update",
        patientId: episode.patientId,
        recordType: "PayerAuthorization",
        recordId: auth.id,
        details: { episodeId: episode.id, visitsAuthorized: data.visitsAuthorized },
      },
      tx,
    );
    return { id: auth.id, episodeId: episode.id };
  });
}

export async function removeAuthorization(actor: Actor, episodeId: unknown, authorizationId: unknown) {
  await assertCan(actor, "episode:authorize");
  const episode = await findEpisodeRow(actor, episodeId);
  const auth = await findAuthorization(actor, episode.id, authorizationId);
  return db.$transaction(async (tx) => {
    await lockEditableEpisode(tx, actor.clinicId, episode.id);
    const removed = await tx.payerAuthorization.deleteMany({
      where: { id: auth.id, episodeId: episode.id, clinicId: actor.clinicId },
    });
    if (removed.count === 0) throw notFound("That authorisation");
    await recordAudit(
      actor,
      {
        action: "episode.authorization.remove",
        patientId: episode.patientId,
        recordType: "PayerAuthorization",
        recordId: auth.id,
        details: { episodeId: episode.id },
      },
      tx,
    );
    return { id: auth.id, episodeId: episode.id };
  });
}
