import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { parseInput } from "@/lib/validation";
import { dosageColumns, itemSelect, toItemView, type ProgramItemView } from "./program-view";
import type { MatchedRiskGroup } from "@/lib/episodes/matched-care-rules";
import { saveTemplateSchema, templateRiskSchema } from "./schema";

export type ProgramTemplateView = {
  id: string;
  name: string;
  description: string | null;
  matchedRisk: MatchedRiskGroup | null;
  items: ProgramItemView[];
};

/** The clinic's templates with their exercises and dosages (not health data: no patient in them). */
export async function listProgramTemplates(actor: Actor): Promise<ProgramTemplateView[]> {
  await assertCan(actor, "program:read");
  const rows = await db.programTemplate.findMany({
    where: { clinicId: actor.clinicId, archivedAt: null },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      matchedRisk: true,
      items: { orderBy: { position: "asc" }, select: itemSelect },
    },
  });
  return rows.map((t) => ({ ...t, items: t.items.map(toItemView) }));
}

/** Saves a program's exercises and dosages (no patient, no dates) as a reusable template. */
export async function saveProgramTemplate(actor: Actor, input: unknown): Promise<{ id: string; name: string }> {
  await assertCan(actor, "program:write");
  const data = parseInput(saveTemplateSchema, input);
  const ids = data.items.map((i) => i.exerciseId);
  const found = await db.exercise.findMany({
    where: { id: { in: ids }, clinicId: actor.clinicId, archivedAt: null },
    select: { id: true },
  });
  const known = new Set(found.map((e) => e.id));
  const errors: Record<string, string[]> = {};
  data.items.forEach((item, i) => {
    if (!known.has(item.exerciseId)) errors[`items.${i}.exerciseId`] = ["This exercise is not in the active library."];
  });
  if (Object.keys(errors).length) throw new AppError("validation", "Some answers need another look.", errors);
  try {
    return await db.$transaction(async (tx) => {
      const template = await tx.programTemplate.create({
        data: {
          clinicId: actor.clinicId,
          name: data.name,
          description: data.description ?? null,
          createdById: actor.userId,
          items: {
            // clinicId comes from the parent row: the items join it on (id, clinicId).
            create: data.items.map((item, position) => ({
              exerciseId: item.exerciseId,
              position,
              ...dosageColumns(item.dosage),
            })),
          },
        },
        select: { id: true, name: true },
      });
      await recordAudit(
        actor,
        { action: "program_template.create", recordType: "ProgramTemplate", recordId: template.id },
        tx,
      );
      return template;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", "A template with this name already exists.", {
        name: ["A template with this name already exists. Choose another name."],
      });
    throw e;
  }
}

export async function archiveProgramTemplate(actor: Actor, templateId: string): Promise<void> {
  await assertCan(actor, "program:write");
  if (!z.uuid().safeParse(templateId).success) throw notFound("That template");
  await db.$transaction(async (tx) => {
    const r = await tx.programTemplate.updateMany({
      where: { id: templateId, clinicId: actor.clinicId, archivedAt: null },
      data: { archivedAt: new Date() },
    });
    if (r.count !== 1) throw notFound("That template");
    await recordAudit(
      actor,
      { action: "program_template.archive", recordType: "ProgramTemplate", recordId: templateId },
      tx,
    );
  });
}

/**
 * Marks the STarT Back group a template suits (decision 097), or clears it;
 * the program builder pre-selects it for patients of that group.
 */
export async function setTemplateMatchedRisk(
  actor: Actor,
  templateId: string,
  input: unknown,
): Promise<{ id: string; matchedRisk: MatchedRiskGroup | null }> {
  await assertCan(actor, "program:write");
  if (!z.uuid().safeParse(templateId).success) throw notFound("That template");
  const { matchedRisk } = parseInput(templateRiskSchema, input);
  return db.$transaction(async (tx) => {
    const r = await tx.programTemplate.updateMany({
      where: { id: templateId, clinicId: actor.clinicId, archivedAt: null },
      data: { matchedRisk },
    });
    if (r.count !== 1) throw notFound("That template");
    await recordAudit(
      actor,
      {
        action: "program_template.set_matched_risk",
        recordType: "ProgramTemplate",
        recordId: templateId,
        details: { matchedRisk },
      },
      tx,
    );
    return { id: templateId, matchedRisk };
  });
}
