import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle, Section, StatList } from "~/components/home";
import { countByStatus, ProposalList } from "~/components/pipeline/parts";
import { listOrganisationProposals } from "~/domain/pipeline/queries.server";
import { employerActor } from "~/domain/vacancies/http.server";
import { listOrganisationVacancies } from "~/domain/vacancies/queries.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.employerList.title")} · ${t("app.name")}` }];

/** Employer: the proposal inbox of every own vacancy that has proposals (public codes only). */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "review:proposals:own-organisation");
  const actor = employerActor(context, request);
  const db = getDb();
  // Two reads in all (vacancies, and the proposals of all of them), not one per vacancy.
  const [vacancies, byVacancy] = await Promise.all([
    listOrganisationVacancies(db, actor.organisationId),
    listOrganisationProposals(db, context),
  ]);
  const inbox = vacancies.flatMap((v) => {
    const proposals = byVacancy.get(v.id) ?? [];
    return proposals.length > 0 ? [{ id: v.id, title: v.title, status: v.status, proposals }] : [];
  });
  return json({ inbox });
}

export default function EmployerProposals() {
  const { inbox } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("pipeline.page.employerList.intro")}>{t("pipeline.page.employerList.title")}</PageTitle>
      {inbox.length === 0 ? <EmptyNote>{t("pipeline.page.employerList.empty")}</EmptyNote> : null}
      {inbox.map((v) => (
        <Section key={v.id} id={`vacancy-${v.id}`} title={v.title}>
          <StatList items={countByStatus(v.proposals)} />
          <div className="mt-3">
            <ProposalList items={v.proposals} linkBase="/werkgever/voorstellen" showEmployer={false} empty="" />
          </div>
          <p className="mt-2">
            <Link to={`/werkgever/vacatures/${v.id}`} className="text-brand-700 underline">
              {t("pipeline.page.employer.toVacancy")}
            </Link>
          </p>
        </Section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
