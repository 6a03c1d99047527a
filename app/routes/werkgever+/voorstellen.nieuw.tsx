import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getSelectProps } from "@conform-to/react";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/forms";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { DoneNotice, IntentButton, IntentForm, useIntentForm } from "~/components/pipeline/forms";
import { NoteField } from "~/components/pipeline/parts";
import { isPublicCode } from "~/domain/candidates/public-code";
import { intentSpec, notFound, runIntent, stepOptions } from "~/domain/pipeline/http.server";
import { requestIntroduction } from "~/domain/pipeline/proposals.server";
import { requestIntroductionSchema } from "~/domain/pipeline/schemas";
import { employerActor } from "~/domain/vacancies/http.server";
import { listOrganisationVacancies } from "~/domain/vacancies/queries.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.request.title")} · ${t("app.name")}` }];

const PERMISSION = "review:proposals:own-organisation" as const;

/** Employer: ask the coach for an introduction to a candidate found in search (by public code). */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const actor = employerActor(context, request);
  const url = new URL(request.url);
  const code = (url.searchParams.get("code") ?? "").toUpperCase();
  if (!isPublicCode(code)) notFound();
  const open = await listOrganisationVacancies(getDb(), actor.organisationId, { status: "open" });
  return json({
    code,
    vacancyId: url.searchParams.get("vacature") ?? "",
    vacancies: open.map((v) => ({ id: v.id, title: v.title, placeName: v.placeName })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const db = getDb();
  const options = stepOptions(request);
  return runIntent(await request.formData(), {
    request: intentSpec({
      schema: requestIntroductionSchema,
      run: (v) => requestIntroduction(db, context, v, options),
      done: (r) => `/werkgever/voorstellen/${r.proposalId}?gedaan=requested`,
    }),
  });
}

export default function RequestIntroduction() {
  const { code, vacancyId, vacancies } = useLoaderData<typeof loader>();
  const [form, fields] = useIntentForm({
    intent: "request",
    schema: requestIntroductionSchema,
    defaultValue: { vacancyId: vacancyId || vacancies[0]?.id },
  });
  return (
    <>
      <PageTitle intro={t("pipeline.page.request.intro")}>{t("pipeline.page.request.title")}</PageTitle>
      <DoneNotice />
      <Section id="request" title={t("pipeline.page.request.candidate", { code })}>
        {vacancies.length === 0 ? (
          <EmptyNote>{t("pipeline.page.request.noVacancies")}</EmptyNote>
        ) : (
          <IntentForm intent="request" form={form} fields={{ publicCode: code }}>
            <SelectField
              label={t("pipeline.page.request.vacancy")}
              selectProps={getSelectProps(fields.vacancyId)}
              options={vacancies.map((v) => ({ value: v.id, label: `${v.title} · ${v.placeName}` }))}
              errors={fields.vacancyId.errors}
              errorId={fields.vacancyId.errorId}
            />
            <NoteField
              field={fields.note}
              label={t("pipeline.page.request.note")}
              help={t("pipeline.page.request.noteHelp")}
              maxLength={1000}
            />
            <IntentButton intent="request">{t("pipeline.page.request.submit")}</IntentButton>
          </IntentForm>
        )}
      </Section>
      <p>
        <Link to={`/werkgever/profielen/${code}`} className="text-brand-700 underline">
          {t("pipeline.page.request.back", { code })}
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
