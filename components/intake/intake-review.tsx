import type { ReactNode } from "react";
import { BodyFigure, MapLegend } from "@/components/pain-map/body-figure";
import { MatchedCareSuggestion } from "@/components/episodes/matched-care-suggestion";
import { formatDateOnly, formatDateTime } from "@/lib/time/format";
import type { IntakeForReview } from "@/lib/intake/get-intake-for-review";
import {
  AGGRAVATING_LABEL,
  CONTRIBUTOR_LABEL,
  EASING_LABEL,
  ONSET_AGO_LABEL,
  ONSET_TYPE_LABEL,
  PAIN_PATTERN_LABEL,
  PAIN_TREND_LABEL,
  TRAUMA_LABEL,
  TREATMENT_LABEL,
} from "@/lib/intake/options";
import {
  ODI_SECTIONS,
  RED_FLAG_QUESTIONS,
  START_BACK_BOTHER_LABEL,
  START_BACK_ITEMS,
} from "@/lib/intake/questionnaires";
import { ageOn } from "@/lib/intake/red-flag-rules";
import { RED_FLAG_FIELDS } from "@/lib/intake/steps";
import { CHOIR_ATTRIBUTION, regionLabel } from "@/lib/pain-map/regions";
import { PAIN_QUALITY_LABEL } from "@/lib/pain-map/schema";
import { NPRS_BANDS } from "@/lib/scoring/nprs-rules";
import { ODI_BANDS, ODI_MIN_DETECTABLE_CHANGE } from "@/lib/scoring/odi-rules";
import { START_BACK_RISKS } from "@/lib/scoring/start-back-rules";
import { AcknowledgeFlagForm } from "./acknowledge-flag-form";
import { TierBadge } from "./badges";
import { todayIn } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="break-inside-avoid rounded-xl border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0">
      <h2 className="mb-3 text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Answers({ rows }: { rows: [string, ReactNode][] }) {
  const shown = rows.filter(
    ([, v]) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0),
  );
  if (!shown.length) return <p className="text-slate-600">Nothing given.</p>;
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,auto)_1fr]">
      {shown.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-700">{k}</dt>
          <dd className="whitespace-pre-wrap">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const list = <K extends string>(values: readonly K[] | undefined, labels: Record<K, string>) =>
  values?.length ? values.map((v) => labels[v]).join(", ") : null;

/** Everything a clinician reads before the first visit, red flags first. Also the print layout. */
export function IntakeReview({
  intake,
  timeZone,
  canAcknowledge,
  audience = "staff",
  programHref = null,
}: {
  intake: IntakeForReview;
  timeZone: string;
  canAcknowledge: boolean;
  /** Patients read their own answers, map and scores; screening flags are the clinic's working notes. */
  audience?: "staff" | "patient";
  /** Where a clinician who may prescribe builds this patient's program (the matched-care suggestion links there). */
  programHref?: string | null;
}) {
  const a = intake.answers;
  const s = intake.scores;
  const asOf = intake.submittedAt ?? intake.lastSavedAt ?? new Date();
  const age = ageOn(localDateOfDateColumn(intake.patient.dateOfBirth), todayIn(timeZone, asOf));
  const nprsBand = s?.nprs ? NPRS_BANDS.find((b) => b.key === s.nprs!.band) : null;
  const odiBand = s?.odi ? ODI_BANDS.find((b) => b.key === s.odi!.band) : null;
  const sbRisk = s?.startBack ? START_BACK_RISKS.find((b) => b.key === s.startBack!.risk) : null;
  return (
    <div className="flex flex-col gap-4 print:gap-6">
      {intake.status === "draft" && (
        <div
          role="status"
          className="rounded-lg border-2 border-amber-600 bg-amber-50 p-3 font-semibold text-amber-950"
        >
          In progress: the patient has not submitted this yet
          {intake.lastSavedAt ? ` (last saved ${formatDateTime(intake.lastSavedAt, timeZone)})` : ""}. Answers and
          scores may be incomplete.
        </div>
      )}
      <p className="text-slate-700">
        {intake.kind === "initial" ? "First intake" : "Follow-up questionnaire"} ·{" "}
        {intake.submittedAt ? `submitted ${formatDateTime(intake.submittedAt, timeZone)}` : "not submitted"} · born{" "}
        {formatDateOnly(intake.patient.dateOfBirth)} (age {age})
      </p>

      {audience === "staff" && (
        <Section title="Red flags">
          {intake.redFlags.length === 0 ? (
            <p>None raised.</p>
          ) : (
            <ul className="flex flex-col gap-3" data-testid="intake-red-flags">
              {intake.redFlags.map((f) => (
                <li key={f.id} className="rounded-lg border border-slate-200 p-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <TierBadge tier={f.tier} />
                    <span className="font-semibold">{f.label}</span>
                    <span className="text-sm text-slate-600">
                      raised by rules {f.ruleVersion} on {formatDateTime(f.raisedAt, timeZone)}
                    </span>
                  </div>
                  {f.acknowledgedAt ? (
                    <p className="mt-1 text-sm">
                      Acknowledged by {f.acknowledgedByName} on {formatDateTime(f.acknowledgedAt, timeZone)}:{" "}
                      <q>{f.acknowledgementNote}</q>
                    </p>
                  ) : canAcknowledge ? (
                    <AcknowledgeFlagForm flagId={f.id} label={f.label} />
                  ) : (
                    <p className="mt-1 text-sm font-semibold">Not yet acknowledged.</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}

      <Section title={audience === "patient" ? "Where it hurt" : "Pain map"}>
        <p className="mb-3 text-base font-semibold" data-testid="review-summary">
          {intake.painSummary}
        </p>
        <div className="grid grid-cols-2 gap-2 sm:gap-6">
          <BodyFigure view="front" marks={intake.marks} audience={audience} title="Front" caption="Front" />
          <BodyFigure view="back" marks={intake.marks} audience={audience} title="Back" caption="Back" />
        </div>
        <MapLegend />
        {intake.marks.length > 0 && (
          <table className="mt-4 w-full text-left text-sm">
            <caption className="sr-only">Marked regions</caption>
            <thead className="border-b border-slate-300">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Region (CHOIR code)
                </th>
                <th scope="col" className="py-1 pr-3">
                  Intensity
                </th>
                <th scope="col" className="py-1 pr-3">
                  Quality
                </th>
                <th scope="col" className="py-1">
                  Starts / spreads
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {intake.marks.map((m) => (
                <tr key={m.code}>
                  <td className="py-1 pr-3">
                    {regionLabel(m.code)} ({m.code})
                  </td>
                  <td className="py-1 pr-3">{m.intensity}/10</td>
                  <td className="py-1 pr-3">{m.qualities.map((q) => PAIN_QUALITY_LABEL[q]).join(", ")}</td>
                  <td className="py-1">
                    {m.role === "origin" ? "Starts here" : `Spreads from ${regionLabel(m.spreadFrom!)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="mt-2 text-xs text-slate-600">{CHOIR_ATTRIBUTION}</p>
      </Section>

      <Section title="Scores">
        <div className="grid gap-3 sm:grid-cols-2" data-testid="scores">
          <Score
            name="Pain now (NPRS)"
            value={s?.nprs ? `${s.nprs.value}/10` : "—"}
            band={nprsBand?.label}
            meaning={nprsBand?.meaning}
            note="A change of 2 points is meaningful."
          />
          <Score
            name="Oswestry Disability Index"
            value={s?.odi ? `${s.odi.display}%` : "—"}
            band={odiBand?.label}
            meaning={odiBand?.meaning}
            note={
              s?.odi
                ? `${s.odi.sectionsAnswered} of 10 sections answered. Detectable change: ${ODI_MIN_DETECTABLE_CHANGE} points.`
                : undefined
            }
          />
          {intake.kind === "initial" && (
            <Score
              name="STarT Back"
              value={s?.startBack ? `${s.startBack.total}/9 (distress ${s.startBack.subscale}/5)` : "—"}
              band={sbRisk?.label}
              meaning={sbRisk?.meaning}
            />
          )}
          <Score
            name="Patient-Specific Functional Scale"
            value={s?.psfs ? `${s.psfs.display}/10` : "—"}
            meaning={s?.psfs ? s.psfs.activities.map((x) => `${x.activity}: ${x.rating}`).join("; ") : undefined}
            note="Higher is better. Meaningful change: 2 points (mean), 3 (one activity)."
          />
        </div>
        {audience === "staff" && intake.kind === "initial" && (
          <MatchedCareSuggestion risk={s?.startBack?.risk} programHref={programHref} />
        )}
      </Section>

      {a.contact && (
        <Section title="Details the patient gave">
          <Answers
            rows={[
              ["Name", `${a.contact.firstName ?? ""} ${a.contact.lastName ?? ""}`.trim()],
              ["Preferred name", a.contact.preferredName],
              ["Date of birth", a.contact.dateOfBirth],
              ["Phone", a.contact.phone],
              ["Email", a.contact.email],
              ["Address", [a.contact.addressLine, a.contact.city, a.contact.postalCode].filter(Boolean).join(", ")],
              [
                "Emergency contact",
                [a.contact.emergencyContactName, a.contact.emergencyContactPhone].filter(Boolean).join(", "),
              ],
            ]}
          />
        </Section>
      )}
      {a.reason && (
        <Section title="Reason for visit and goals">
          <Answers
            rows={[
              ["Reason", a.reason.reason],
              ["Goals", a.reason.goals],
            ]}
          />
        </Section>
      )}
      {a.history && (
        <Section title="Pain history">
          <Answers
            rows={[
              ["Started", a.history.onsetAgo ? ONSET_AGO_LABEL[a.history.onsetAgo] : null],
              ["Date", a.history.onsetDate],
              ["Onset", a.history.onsetType ? ONSET_TYPE_LABEL[a.history.onsetType] : null],
              ["Cause", a.history.cause],
              ["Pattern", a.history.pattern ? PAIN_PATTERN_LABEL[a.history.pattern] : null],
              ["Trend", a.history.trend ? PAIN_TREND_LABEL[a.history.trend] : null],
            ]}
          />
        </Section>
      )}
      {a.factors && (
        <Section title="What makes it worse or better">
          <Answers
            rows={[
              ["Worse with", list(a.factors.worse, AGGRAVATING_LABEL)],
              ["Also worse", a.factors.worseOther],
              ["Better with", list(a.factors.better, EASING_LABEL)],
              ["Also better", a.factors.betterOther],
              ["Contributors", list(a.factors.contributors, CONTRIBUTOR_LABEL)],
            ]}
          />
        </Section>
      )}
      {a.treatments && (
        <Section title="Past injuries and treatments">
          <Answers
            rows={[
              ["Past injuries", a.treatments.pastInjuries],
              ["Treatments", list(a.treatments.treatments, TREATMENT_LABEL)],
              ["How they went", a.treatments.treatmentNotes],
              ["Medicines", a.treatments.medications],
            ]}
          />
        </Section>
      )}
      {a.redFlags && (
        <Section title="Red-flag questions">
          <Answers
            rows={RED_FLAG_FIELDS.map((f) => [
              RED_FLAG_QUESTIONS[f],
              f === "trauma" ? (
                a.redFlags?.trauma ? (
                  TRAUMA_LABEL[a.redFlags.trauma]
                ) : null
              ) : a.redFlags?.[f] === "yes" ? (
                <strong key={f}>Yes</strong>
              ) : a.redFlags?.[f] === "no" ? (
                "No"
              ) : null,
            ])}
          />
        </Section>
      )}
      {a.odi?.sections && (
        <Section title="Oswestry Disability Index answers">
          <Answers
            rows={ODI_SECTIONS.map((sec, i) => {
              const v = a.odi?.sections?.[i];
              return [sec.title, v === null || v === undefined ? "Skipped" : `${v} — ${sec.statements[v]}`];
            })}
          />
        </Section>
      )}
      {a.startBack?.agree && (
        <Section title="STarT Back answers">
          <Answers
            rows={[
              ...START_BACK_ITEMS.map((t, i): [string, ReactNode] => [
                `${i + 1}. ${t}`,
                a.startBack?.agree?.[i] === true ? "Agree" : a.startBack?.agree?.[i] === false ? "Disagree" : null,
              ]),
              ["9. Bothersomeness", a.startBack.bothersome ? START_BACK_BOTHER_LABEL[a.startBack.bothersome] : null],
            ]}
          />
        </Section>
      )}
      {a.consent && (
        <Section title="Consent">
          <Answers
            rows={[
              ["Assessment and treatment", a.consent.agreeTreatment ? "Agreed" : "Not agreed"],
              ["Use of information", a.consent.agreePrivacy ? "Read" : "Not confirmed"],
              [
                "Signed",
                `${a.consent.signatureName ?? ""}${intake.submittedAt ? ` on ${formatDateOnly(intake.submittedAt)}` : ""}`,
              ],
            ]}
          />
        </Section>
      )}
    </div>
  );
}

function Score({
  name,
  value,
  band,
  meaning,
  note,
}: {
  name: string;
  value: string;
  band?: string;
  meaning?: string;
  note?: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 p-3">
      <h3 className="text-sm font-semibold text-slate-700">{name}</h3>
      <p className="text-2xl font-bold">{value}</p>
      {band && <p className="font-semibold">{band}</p>}
      {meaning && <p className="text-sm text-slate-700">{meaning}</p>}
      {note && <p className="mt-1 text-xs text-slate-600">{note}</p>}
    </div>
  );
}
