import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getSelectProps } from "@conform-to/react";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { DoneNotice, IntentButton, IntentForm, useIntentForm } from "~/components/pipeline/forms";
import { shortMomentLabel } from "~/components/pipeline/format";
import { Facts } from "~/components/pipeline/parts";
import { acceptHandover, assignHandoverCoach, listHandovers, municipalityCoaches } from "~/domain/pipeline/handovers.server";
import { donePath, intentSpec, notFound, runIntent, stepOptions } from "~/domain/pipeline/http.server";
import { acceptHandoverSchema, assignHandoverCoachSchema } from "~/domain/pipeline/schemas";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.handover.title")} · ${t("app.name")}` }];

const PERMISSION = "accept:handovers" as const;

/** One handover of the coordinator's own municipality: the summary, accept, assign a coach. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const db = getDb();
  const handover = (await listHandovers(db, context)).find((h) => h.id === params.handoverId);
  if (!handover) notFound();
  const coaches = await municipalityCoaches(db, context);
  return json({ handover, coaches });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const db = getDb();
  const options = stepOptions(request);
  const formData = await request.formData();
  const handoverId = params.handoverId ?? "";
  if (formData.has("handoverId")) formData.set("handoverId", handoverId);
  const here = `/gemeente/overdrachten/${handoverId}`;
  return runIntent(formData, {
    accept: intentSpec({
      schema: acceptHandoverSchema,
      run: (v) => acceptHandover(db, context, v, options),
      done: () => donePath(here, "handoverAccepted"),
    }),
    assign: intentSpec({
      schema: assignHandoverCoachSchema,
      run: (v) => assignHandoverCoach(db, context, v, options),
      done: () => donePath(here, "coachAssigned"),
    }),
  });
}

export default function Handover() {
  const { handover: h, coaches } = useLoaderData<typeof loader>();
  const assigned = coaches.find((c) => c.userId === h.assignedCoachUserId);
  const options = coaches.map((c) => ({ value: c.userId, label: c.name }));
  const [acceptForm, accept] = useIntentForm({
    intent: "accept",
    schema: acceptHandoverSchema,
    defaultValue: { assignCoachUserId: "" },
  });
  const [assignForm, assign] = useIntentForm({
    intent: "assign",
    schema: assignHandoverCoachSchema,
    defaultValue: { coachUserId: h.assignedCoachUserId ?? options[0]?.value },
  });
  return (
    <>
      <PageTitle intro={t("pipeline.page.handover.intro")}>{t("pipeline.page.handovers.item", { code: h.publicCode })}</PageTitle>
      <DoneNotice />
      <Section id="facts" title={t("pipeline.page.handover.facts")}>
        <Facts
          items={[
            { label: t("pipeline.page.handover.status"), value: t(`pipeline.handover.status.${h.status}` as MessageKey) },
            { label: t("pipeline.page.handover.when"), value: shortMomentLabel(h.createdAt) },
            { label: t("pipeline.page.handover.by"), value: h.handedOverBy ?? t("pipeline.page.none") },
            { label: t("pipeline.page.handover.coach"), value: assigned?.name ?? t("pipeline.page.handover.noCoach") },
          ]}
        />
        <p className="mt-3">
          <Link to={`/gemeente/kandidaten/${h.candidateId}`} className="text-brand-700 underline">
            {t("pipeline.page.handover.toCandidate")}
          </Link>
        </p>
      </Section>
      <Section id="summary" title={t("pipeline.page.handover.summary")}>
        <p className="whitespace-pre-line" data-testid="handover-summary">
          {h.summary}
        </p>
      </Section>
      {h.status === "open" ? (
        <Section id="accept" title={t("pipeline.page.handover.acceptTitle")}>
          <IntentForm intent="accept" form={acceptForm} fields={{ handoverId: h.id }}>
            <SelectField
              label={t("pipeline.page.handover.assignNow")}
              selectProps={getSelectProps(accept.assignCoachUserId)}
              options={[{ value: "", label: t("pipeline.page.handover.later") }, ...options]}
              errors={accept.assignCoachUserId.errors}
              errorId={accept.assignCoachUserId.errorId}
            />
            <IntentButton intent="accept">{t("pipeline.page.handover.accept")}</IntentButton>
          </IntentForm>
        </Section>
      ) : coaches.length > 0 ? (
        <Section id="assign" title={t("pipeline.page.handover.assignTitle")}>
          <IntentForm intent="assign" form={assignForm} fields={{ handoverId: h.id }}>
            <SelectField
              label={t("pipeline.page.handover.coach")}
              selectProps={getSelectProps(assign.coachUserId)}
              options={options}
              errors={assign.coachUserId.errors}
              errorId={assign.coachUserId.errorId}
            />
            <IntentButton intent="assign">{t("pipeline.page.handover.assign")}</IntentButton>
          </IntentForm>
        </Section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
