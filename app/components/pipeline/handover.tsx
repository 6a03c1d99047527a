import { PageTitle, Section } from "~/components/home";
import { t } from "~/i18n";
import { handOverCandidateSchema } from "~/domain/pipeline/schemas";
import { DoneNotice, IntentButton, IntentForm, useIntentForm } from "./forms";
import { candidateStatusLabel, dayText } from "./format";
import { Facts, NoteField } from "./parts";

/*
 * Handing a released candidate without a job over to the municipality of origin (coach or prison
 * staff): the summary is prefilled by the server (handoverDraft) and completed by the person.
 */

export type HandoverCandidate = {
  id: string;
  publicCode: string;
  status: string;
  releaseDate: string | null;
  municipalityName: string;
  canHandOver: boolean;
};

export function HandoverPage({ candidate: c, summary }: { candidate: HandoverCandidate; summary: string }) {
  const [form, fields] = useIntentForm({ intent: "handOver", schema: handOverCandidateSchema, defaultValue: { summary } });
  return (
    <>
      <PageTitle intro={t("pipeline.page.handoverForm.intro")}>{t("pipeline.page.handoverForm.title", { code: c.publicCode })}</PageTitle>
      <DoneNotice />
      <Section id="candidate" title={t("pipeline.page.handoverForm.candidate")}>
        <Facts
          items={[
            { label: t("pipeline.page.candidateStatus"), value: candidateStatusLabel(c.status) },
            { label: t("pipeline.page.handoverForm.release"), value: c.releaseDate ? dayText(c.releaseDate) : t("pipeline.page.none") },
            { label: t("pipeline.page.handoverForm.municipality"), value: c.municipalityName },
          ]}
        />
      </Section>
      {c.canHandOver ? (
        <Section id="hand-over" title={t("pipeline.page.handoverForm.formTitle")}>
          <IntentForm intent="handOver" form={form} fields={{ candidateId: c.id }}>
            <NoteField
              field={fields.summary}
              label={t("pipeline.page.handoverForm.summary")}
              help={t("pipeline.page.handoverForm.summaryHelp")}
              rows={14}
              required
            />
            <IntentButton intent="handOver">{t("pipeline.page.handoverForm.submit")}</IntentButton>
          </IntentForm>
        </Section>
      ) : (
        <p className="rounded-md border border-slate-400 bg-slate-50 p-3">{t("pipeline.page.handoverForm.notNow")}</p>
      )}
    </>
  );
}
