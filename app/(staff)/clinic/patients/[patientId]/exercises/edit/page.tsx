import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgramBuilder } from "@/components/programs/program-builder";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getPatientProgram } from "@/lib/programs/get-patient-program";
import { clinicClock, programPatient } from "@/lib/programs/program-access";
import { listProgramTemplates } from "@/lib/programs/program-templates";
import { matchingTemplateId } from "@/lib/episodes/matched-care-rules";
import { patientStartBackRisk } from "@/lib/episodes/patient-start-back-risk";

export const metadata: Metadata = { title: "Build a program" };

export default async function EditProgramPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const actor = await requirePageActor(`/clinic/patients/${patientId}/exercises/edit`, "program:write");
  const patient = await programPatient(actor, patientId, "write").catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const [program, templates, clock, risk] = await Promise.all([
    getPatientProgram(actor, patientId),
    listProgramTemplates(actor),
    clinicClock(actor.clinicId),
    patientStartBackRisk(actor.clinicId, patient.id),
  ]);
  const name = `${patient.preferredName ?? patient.firstName} ${patient.lastName}`;
  return (
    <>
      <PageHeader
        title={program?.status === "active" ? `Edit program: ${name}` : `Build a program: ${name}`}
        subtitle="Add exercises from the library or start from a template, set each dose, then save."
        actions={
          <Link href={`/clinic/patients/${patientId}/exercises`} className={buttonClass("ghost")}>
            Back to follow-up
          </Link>
        }
      />
      <ProgramBuilder
        patient={{ id: patientId, name }}
        program={program}
        templates={templates}
        today={clock.today}
        matchedCare={risk ? { risk, templateId: matchingTemplateId(templates, risk) } : null}
      />
    </>
  );
}
