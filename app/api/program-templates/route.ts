import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson } from "@/lib/http/respond";
import { listProgramTemplates, saveProgramTemplate } from "@/lib/programs/program-templates";

export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return NextResponse.json({ templates: await listProgramTemplates(actor) });
});

export const POST = apiRoute(async (req) => {
  const actor = await requireActor();
  return NextResponse.json({ template: await saveProgramTemplate(actor, await readJson(req)) }, { status: 201 });
});
