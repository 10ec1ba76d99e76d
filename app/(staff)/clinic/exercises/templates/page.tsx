import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveTemplateButton } from "@/components/programs/archive-template-button";
import { TemplateRiskSelect } from "@/components/programs/template-risk-select";
import { MATCHED_APPROACH } from "@/lib/episodes/matched-care-rules";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listProgramTemplates } from "@/lib/programs/program-templates";

export const metadata: Metadata = { title: "Program templates" };

export default async function TemplatesPage() {
  const actor = await requirePageActor("/clinic/exercises/templates", "program:read");
  const templates = await listProgramTemplates(actor);
  return (
    <>
      <PageHeader
        title="Program templates"
        subtitle="Start a patient's program from one of these in the program builder; save new ones from the builder."
        actions={
          <Link href="/clinic/exercises" className={buttonClass("ghost")}>
            Back to the library
          </Link>
        }
      />
      {templates.length === 0 ? (
        <Card>
          <p>No templates yet.</p>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {templates.map((t) => (
            <li key={t.id}>
              <Card
                title={t.name}
                actions={
                  can(actor, "program:write") ? <ArchiveTemplateButton templateId={t.id} name={t.name} /> : undefined
                }
              >
                {t.description && <p className="mb-2 text-slate-700">{t.description}</p>}
                <ol className="ml-5 list-decimal">
                  {t.items.map((i) => (
                    <li key={i.id}>
                      <span className="font-medium">{i.exercise.name}</span>: {i.dosageText}
                    </li>
                  ))}
                </ol>
                {can(actor, "program:write") ? (
                  <TemplateRiskSelect templateId={t.id} name={t.name} initial={t.matchedRisk} />
                ) : (
                  t.matchedRisk && (
                    <p className="mt-3 text-sm text-slate-700">
                      Suits STarT Back {t.matchedRisk} risk ({MATCHED_APPROACH[t.matchedRisk].title.toLowerCase()}).
                    </p>
                  )
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
