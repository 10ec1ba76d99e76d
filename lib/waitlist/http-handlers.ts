import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { readJson, respond } from "@/lib/http/respond";
import { addWaitlistEntry } from "./add-waitlist-entry";
import { waitlistContracts as c } from "./contracts";
import { listFreedTimes } from "./list-freed-times";
import { listWaitlistEntries } from "./list-waitlist-entries";
import { removeWaitlistEntry } from "./remove-waitlist-entry";
import { setEntryPriority } from "./set-entry-priority";

/** The waitlist API's handlers, taking the actor explicitly (route files add `requireActor()`). */
type IdParams = { params: Promise<{ entryId: string }> };

export const waitlistHandlers = {
  entries: (actor: Actor) => listWaitlistEntries(actor).then((r) => respond(c.entries, r)),

  async addEntry(actor: Actor, req: Request) {
    return respond(c.addEntry, { entry: await addWaitlistEntry(actor, await readJson(req)) });
  },

  async removeEntry(actor: Actor, _req: Request, ctx: IdParams) {
    const { entryId } = await ctx.params;
    return respond(c.removeEntry, { entry: await removeWaitlistEntry(actor, entryId) });
  },

  async setPriority(actor: Actor, req: Request, ctx: IdParams) {
    const { entryId } = await ctx.params;
    return respond(c.setPriority, { entry: await setEntryPriority(actor, entryId, await readJson(req)) });
  },

  freedTimes: (actor: Actor) => listFreedTimes(actor).then((r) => respond(c.freedTimes, r)),
};
