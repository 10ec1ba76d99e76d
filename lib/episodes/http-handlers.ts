import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { readJson, respond } from "@/lib/http/respond";
import { addAuthorization, removeAuthorization, updateAuthorization } from "./authorizations";
import { changeEpisodeStatus } from "./change-episode-status";
import { episodeContracts as c } from "./contracts";
import { getEpisode, listPatientEpisodes } from "./get-episode";
import { openEpisode } from "./open-episode";
import { updateEpisodePlan } from "./update-episode-plan";

/** The episodes API's handlers, taking the actor explicitly (route files add `requireActor()`). */
type PatientParams = { params: Promise<{ patientId: string }> };
type EpisodeParams = { params: Promise<{ episodeId: string }> };
type AuthParams = { params: Promise<{ episodeId: string; authorizationId: string }> };

/** The body as an object with the path's patient in it: the path names the patient, whatever the body says. */
async function withPatient(req: Request, patientId: string) {
  const body = await readJson(req);
  return body && typeof body === "object" && !Array.isArray(body) ? { ...body, patientId } : body;
}

export const episodeHandlers = {
  async patientEpisodes(actor: Actor, _req: Request, ctx: PatientParams) {
    const { patientId } = await ctx.params;
    return respond(c.patientEpisodes, await listPatientEpisodes(actor, patientId));
  },

  async openEpisode(actor: Actor, req: Request, ctx: PatientParams) {
    const { patientId } = await ctx.params;
    return respond(c.openEpisode, await openEpisode(actor, await withPatient(req, patientId)));
  },

  async episode(actor: Actor, _req: Request, ctx: EpisodeParams) {
    const { episodeId } = await ctx.params;
    return respond(c.episode, { episode: await getEpisode(actor, episodeId) });
  },

  async updatePlan(actor: Actor, req: Request, ctx: EpisodeParams) {
    const { episodeId } = await ctx.params;
    return respond(c.updatePlan, await updateEpisodePlan(actor, episodeId, await readJson(req)));
  },

  async changeStatus(actor: Actor, req: Request, ctx: EpisodeParams) {
    const { episodeId } = await ctx.params;
    return respond(c.changeStatus, await changeEpisodeStatus(actor, episodeId, await readJson(req)));
  },

  async addAuthorization(actor: Actor, req: Request, ctx: EpisodeParams) {
    const { episodeId } = await ctx.params;
    return respond(c.addAuthorization, await addAuthorization(actor, episodeId, await readJson(req)));
  },

  async updateAuthorization(actor: Actor, req: Request, ctx: AuthParams) {
    const { episodeId, authorizationId } = await ctx.params;
    return respond(
      c.updateAuthorization,
      await updateAuthorization(actor, episodeId, authorizationId, await readJson(req)),
    );
  },

  async removeAuthorization(actor: Actor, _req: Request, ctx: AuthParams) {
    const { episodeId, authorizationId } = await ctx.params;
    return respond(c.removeAuthorization, await removeAuthorization(actor, episodeId, authorizationId));
  },
};
