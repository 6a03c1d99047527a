import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary, invariantResponse } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { getReadableVacancy } from "~/domain/vacancies/queries.server";
import { dayLabel } from "~/utils/dates";
import { t, type MessageKey } from "~/i18n";
import { VacancyDetails } from "./__vacancy-details";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.vacancy.title ?? t("vacancy.browse.title")} · ${t("app.name")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:vacancies:open");
  // Open vacancies of verified employers; a platform admin sees every vacancy.
  const vacancy = await getReadableVacancy(getDb(), { role: context.role }, params.vacancyId);
  invariantResponse(vacancy, "Not Found", { status: 404 });
  return json({
    vacancy: { ...vacancy, publishedAt: vacancy.publishedAt?.toISOString().slice(0, 10) ?? null },
    isAdmin: context.role === "platform_admin",
  });
}

export default function VacancyPage() {
  const { vacancy, isAdmin } = useLoaderData<typeof loader>();
  const intro = [
    vacancy.organisation.name,
    vacancy.placeName,
    vacancy.publishedAt ? t("vacancy.detail.published", { date: dayLabel(vacancy.publishedAt) }) : null,
    isAdmin ? t(`vacancy.status.${vacancy.status}` as MessageKey) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <>
      <PageTitle intro={intro}>{vacancy.title}</PageTitle>
      <p className="mb-4">
        <Link to="/vacatures" className="text-brand-700 underline">
          {t("vacancy.detail.back")}
        </Link>
      </p>
      <Section id="vacancy" title={t("vacancy.form.groupWork")}>
        <VacancyDetails vacancy={vacancy} />
      </Section>
      <Section id="employer" title={t("vacancy.detail.employer")}>
        <p className="font-semibold">{vacancy.organisation.name}</p>
        {vacancy.organisation.placeName ? <p>{vacancy.organisation.placeName}</p> : null}
        {vacancy.organisation.fairChanceStatement ? (
          <>
            <h3 className="mt-3 font-semibold">{t("vacancy.detail.fairChance")}</h3>
            <p className="whitespace-pre-line">{vacancy.organisation.fairChanceStatement}</p>
          </>
        ) : null}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
