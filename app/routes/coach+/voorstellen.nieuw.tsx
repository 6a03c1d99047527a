import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { DoneNotice, IntentButton, IntentForm, useIntentForm } from "~/components/pipeline/forms";
import { Facts, NoteField } from "~/components/pipeline/parts";
import { findScopedCandidate } from "~/domain/candidates/access.server";
import { intentSpec, notFound, runIntent, stepOptions } from "~/domain/pipeline/http.server";
import { proposeCandidate } from "~/domain/pipeline/proposals.server";
import { proposeSchema } from "~/domain/pipeline/schemas";
import { getReadableVacancy } from "~/domain/vacancies/queries.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.propose.title")} · ${t("app.name")}` }];

/** Coach: propose a candidate of their own caseload for an open vacancy (from the match list). */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "propose:candidates");
  const url = new URL(request.url);
  const db = getDb();
  const candidate = await findScopedCandidate(db, context, url.searchParams.get("kandidaat") ?? "", "write");
  const vacancy = await getReadableVacancy(db, context, url.searchParams.get("vacature") ?? undefined);
  if (!candidate || !vacancy) notFound();
  return json({
    candidate: { id: candidate.id, publicCode: candidate.publicCode },
    vacancy: { id: vacancy.id, title: vacancy.title, employer: vacancy.organisation.name, placeName: vacancy.placeName },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requirePermission(request, "propose:candidates");
  const db = getDb();
  const options = stepOptions(request);
  return runIntent(await request.formData(), {
    propose: intentSpec({
      schema: proposeSchema,
      run: (v) => proposeCandidate(db, context, v, options),
      done: (r) => `/coach/voorstellen/${r.proposalId}?gedaan=proposed`,
    }),
  });
}

export default function ProposeCandidate() {
  const { candidate, vacancy } = useLoaderData<typeof loader>();
  const [form, fields] = useIntentForm({ intent: "propose", schema: proposeSchema });
  return (
    <>
      <PageTitle intro={t("pipeline.page.propose.intro")}>{t("pipeline.page.propose.title")}</PageTitle>
      <DoneNotice />
      <Section id="propose" title={t("pipeline.page.list.title", { code: candidate.publicCode, vacancy: vacancy.title })}>
        <Facts
          items={[
            { label: t("pipeline.page.vacancy"), value: `${vacancy.title} · ${vacancy.employer} · ${vacancy.placeName}` },
            { label: t("pipeline.page.propose.candidate"), value: candidate.publicCode },
          ]}
        />
        <IntentForm intent="propose" form={form} fields={{ candidateId: candidate.id, vacancyId: vacancy.id }} className="mt-4">
          <NoteField
            field={fields.note}
            label={t("pipeline.page.propose.note")}
            help={t("pipeline.page.propose.noteHelp")}
            maxLength={1000}
          />
          <IntentButton intent="propose">{t("pipeline.page.propose.submit")}</IntentButton>
        </IntentForm>
      </Section>
      <p>
        <Link to={`/coach/matches/kandidaat/${candidate.id}`} className="text-brand-700 underline">
          {t("pipeline.page.propose.back")}
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
