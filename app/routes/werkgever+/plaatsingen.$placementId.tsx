import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { DoneNotice, IntentButton, IntentForm, StepBox, useIntentForm } from "~/components/pipeline/forms";
import { contractLabel, dayText, placementStatusLabel } from "~/components/pipeline/format";
import { Facts, JobCoachCard, NoteField, PlainCheckIns, RetentionList } from "~/components/pipeline/parts";
import { requestCheckIn } from "~/domain/pipeline/checkins.server";
import { donePath, intentSpec, notFound, readOrThrow, runIntent, stepOptions } from "~/domain/pipeline/http.server";
import { getPlacement } from "~/domain/pipeline/queries.server";
import { requestCheckInSchema } from "~/domain/pipeline/schemas";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.placement.title")} · ${t("app.name")}` }];

const PERMISSION = "review:proposals:own-organisation" as const;

/**
 * The employer's view of a placement: the job coach's name and contact, the check-in dates and
 * whether they happened; identity only under an active consent; never notes, wellbeing or flags.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const { origin, now } = stepOptions(request);
  const { placement } = readOrThrow(await getPlacement(getDb(), context, params.placementId ?? "", { origin, now }));
  if (placement.party !== "employer") notFound();
  return json({ placement });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const formData = await request.formData();
  const placementId = params.placementId ?? "";
  if (formData.has("placementId")) formData.set("placementId", placementId);
  const options = stepOptions(request);
  return runIntent(formData, {
    askCheckIn: intentSpec({
      schema: requestCheckInSchema,
      run: (v) => requestCheckIn(getDb(), context, v, options),
      done: (r) => donePath(`/werkgever/plaatsingen/${placementId}`, r.alreadyRequested ? "alreadyRequested" : "checkInRequested"),
    }),
  });
}

export default function EmployerPlacement() {
  const { placement: p } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("pipeline.page.placement.employerIntro", { vacancy: p.vacancy.title })}>
        {p.identity ? `${p.identity.firstName} ${p.identity.lastName}` : t("pipeline.page.placement.heading", { code: p.publicCode })}
      </PageTitle>
      <p className="mb-4 flex flex-wrap gap-3">
        <span className="font-semibold" data-testid="placement-status">
          {placementStatusLabel(p.status)}
        </span>
        <Link to={`/werkgever/voorstellen/${p.proposalId}`} className="text-brand-700 underline">
          {t("pipeline.page.placement.toProposal")}
        </Link>
      </p>
      <DoneNotice />

      <Section id="job-coach" title={t("pipeline.page.placement.jobCoach")}>
        <p className="mb-2">{t("pipeline.page.placement.jobCoachHelp")}</p>
        <JobCoachCard coach={p.jobCoach} />
        {p.status === "active" ? <AskCheckIn placementId={p.id} /> : null}
      </Section>

      {p.identity ? (
        <Section id="identity" title={t("pipeline.page.identity.title")}>
          <Facts
            items={[
              { label: t("pipeline.page.identity.name"), value: `${p.identity.firstName} ${p.identity.lastName}` },
              { label: t("pipeline.page.identity.phone"), value: p.identity.phone ?? t("pipeline.page.none") },
              { label: t("pipeline.page.identity.email"), value: p.identity.email ?? t("pipeline.page.none") },
            ]}
          />
        </Section>
      ) : null}

      <Section id="placement" title={t("pipeline.page.placement.facts")}>
        <Facts
          items={[
            { label: t("pipeline.page.placement.started"), value: dayText(p.startedOn) },
            ...(p.endedOn ? [{ label: t("pipeline.page.placement.ended"), value: dayText(p.endedOn) }] : []),
            { label: t("pipeline.page.offer.hours"), value: t("pipeline.page.offer.hoursValue", { hours: p.offer.hoursPerWeek }) },
            { label: t("pipeline.page.offer.contract"), value: contractLabel(p.offer.contractType) },
          ]}
        />
      </Section>

      <Section id="check-ins" title={t("pipeline.page.checkIn.title")}>
        <p className="mb-3 text-sm text-slate-700">{t("pipeline.page.checkIn.employerHelp")}</p>
        <PlainCheckIns checkIns={p.checkIns} />
      </Section>

      <Section id="retention" title={t("pipeline.page.retention.title")}>
        <RetentionList retention={p.retention} />
      </Section>
    </>
  );
}

function AskCheckIn({ placementId }: { placementId: string }) {
  const [form, fields] = useIntentForm({ intent: "askCheckIn", schema: requestCheckInSchema });
  return (
    <StepBox title={t("pipeline.page.askCheckIn.title")}>
      <IntentForm intent="askCheckIn" form={form} fields={{ placementId }}>
        <NoteField field={fields.note} label={t("pipeline.page.askCheckIn.note")} maxLength={1000} />
        <IntentButton intent="askCheckIn" variant="secondary">
          {t("pipeline.page.askCheckIn.submit")}
        </IntentButton>
      </IntentForm>
    </StepBox>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
