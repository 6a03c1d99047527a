import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { coachVacancyMatches } from "~/domain/search/matches.server";
import { ExplanationList, FallbackNotice, kmLabel } from "~/domain/search/ui";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("search.coachVacancy.title", { title: "" })} · ${t("app.name")}` }];

/** Published candidates of the coach's own organisation, ranked for one open vacancy. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-caseload");
  return json(await coachVacancyMatches(getDb(), context, params.vacancyId, requestOrigin(request)));
}

export default function CoachVacancyMatches() {
  const data = useLoaderData<typeof loader>();
  const v = data.vacancy;
  return (
    <>
      <PageTitle intro={t("search.coachVacancy.intro", { organisation: v.organisationName, place: v.placeName })}>
        {t("search.coachVacancy.title", { title: v.title })}
      </PageTitle>
      <FallbackNotice show={data.fallback} />
      <p className="mb-4 text-slate-700">
        {t(`search.vacancy.kind.${v.kind}`)} · {v.hours} · {v.start}
        {v.vogRequired ? ` · ${t("search.vacancy.vog")}` : ""}
      </p>
      {data.hits.length === 0 ? (
        <EmptyNote>{t("search.coachVacancy.none")}</EmptyNote>
      ) : (
        <ol className="space-y-4">
          {data.hits.map((hit) => (
            <li key={hit.candidateId} className="rounded-lg bg-white p-4 shadow" data-testid="coach-candidate-hit">
              <h2 className="text-lg font-semibold">
                {hit.name} <span className="font-normal text-slate-700">({hit.code})</span>
              </h2>
              <p className="text-sm text-slate-700">
                {hit.mine ? t("search.coachVacancy.mine") : t("search.coachVacancy.colleague")} · {hit.region} ·{" "}
                {kmLabel(hit.distanceKm)}
              </p>
              <p className="mt-1">{hit.headline}</p>
              <ExplanationList items={hit.explanation} label={t("search.hit.why")} />
              <p className="mt-2">
                <Link className="text-brand-700 underline" to={`/coach/matches/kandidaat/${hit.candidateId}`}>
                  {t("search.coachVacancy.toCandidate", { name: hit.name })}
                </Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
