import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { vacancyStatus } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { employerActor } from "~/domain/vacancies/http.server";
import { listOrganisationVacancies } from "~/domain/vacancies/queries.server";
import { dayLabel } from "~/utils/dates";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("employer.vacancies.title")} · ${t("app.name")}` }];

const StatusFilter = z.enum(vacancyStatus.enumValues).optional().catch(undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "write:vacancies:own-organisation");
  const actor = employerActor(context, request);
  const status = StatusFilter.parse(new URL(request.url).searchParams.get("stap") ?? undefined);
  const rows = await listOrganisationVacancies(getDb(), actor.organisationId, { status });
  return json({
    vacancies: rows,
    status: status ?? null,
    statuses: vacancyStatus.enumValues,
    verified: context.organisation?.verificationStatus === "verified",
  });
}

export default function EmployerVacancies() {
  const data = useLoaderData<typeof loader>();
  const chip = (active: boolean) => `rounded border px-2 py-1 ${active ? "bg-brand-700 text-white" : ""}`;
  return (
    <>
      <PageTitle intro={t("employer.vacancies.intro")}>{t("employer.vacancies.title")}</PageTitle>
      {!data.verified ? (
        <p role="status" className="mb-4 rounded-md border border-amber-600 bg-amber-50 p-3">
          {t("employer.vacancies.notVerified")}
        </p>
      ) : null}
      <p className="mb-4">
        <Link
          to="/werkgever/vacatures/nieuw"
          className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("employer.vacancies.new")}
        </Link>
      </p>
      <nav aria-label={t("employer.vacancies.filter")} className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link to="?" className={chip(!data.status)}>
          {t("employer.vacancies.all")}
        </Link>
        {data.statuses.map((s) => (
          <Link key={s} to={`?stap=${s}`} className={chip(data.status === s)}>
            {t(`vacancy.status.${s}` as MessageKey)}
          </Link>
        ))}
      </nav>
      <Section id="list" title={
          data.vacancies.length === 1
            ? t("employer.vacancies.countOne")
            : t("employer.vacancies.count", { count: data.vacancies.length })
        }>
        {data.vacancies.length === 0 ? (
          <EmptyNote>{data.status ? t("employer.vacancies.noneWithStatus") : t("employer.vacancies.none")}</EmptyNote>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b">
                  <th scope="col" className="py-2 pr-3">{t("employer.vacancies.colTitle")}</th>
                  <th scope="col" className="py-2 pr-3">{t("employer.vacancies.colStatus")}</th>
                  <th scope="col" className="py-2 pr-3">{t("employer.vacancies.colPlace")}</th>
                  <th scope="col" className="py-2 pr-3">{t("employer.vacancies.colPositions")}</th>
                  <th scope="col" className="py-2">{t("employer.vacancies.colExpires")}</th>
                </tr>
              </thead>
              <tbody>
                {data.vacancies.map((v) => (
                  <tr key={v.id} className="border-b align-top">
                    <td className="py-2 pr-3">
                      <Link to={v.id} className="font-semibold text-brand-700 underline">
                        {v.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{t(`vacancy.status.${v.status}` as MessageKey)}</td>
                    <td className="py-2 pr-3">{v.placeName}</td>
                    <td className="py-2 pr-3">
                      {v.positionsFilled} / {v.positions}
                    </td>
                    <td className="py-2">{v.expiresOn ? dayLabel(v.expiresOn) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
