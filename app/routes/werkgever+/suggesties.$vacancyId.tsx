import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle } from "~/components/home";
import { employerSuggestions } from "~/domain/search/matches.server";
import { ExplanationList, FallbackNotice, kmLabel } from "~/domain/search/ui";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("search.suggestions.title")} · ${t("app.name")}` }];

/** Suggested candidates for one of the employer's OWN vacancies; another's id is a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:profiles:public");
  return json(await employerSuggestions(getDb(), context, params.vacancyId));
}

export default function EmployerSuggestions() {
  const data = useLoaderData<typeof loader>();
  const { vacancyId } = useParams();
  return (
    <>
      <PageTitle intro={t("search.suggestions.intro", { title: data.vacancy.title, place: data.vacancy.placeName })}>
        {t("search.suggestions.title")}
      </PageTitle>
      <FallbackNotice show={data.fallback} />
      {data.vacancy.status !== "open" ? (
        <p role="status" className="mb-4 rounded-md border border-slate-300 bg-slate-50 p-3">
          {t("search.suggestions.notOpen")}
        </p>
      ) : null}
      <p className="mb-4">
        <Link className="text-brand-700 underline" to={`/werkgever/zoeken?vacature=${vacancyId}&sorteer=afstand`}>
          {t("search.suggestions.toSearch")}
        </Link>
      </p>
      {data.suggestions.length === 0 ? (
        <EmptyNote>{t("search.suggestions.none")}</EmptyNote>
      ) : (
        <ol className="space-y-4">
          {data.suggestions.map((s) => (
            <li key={s.code} className="rounded-lg bg-white p-4 shadow" data-testid="suggestion">
              <h2 className="text-lg font-semibold">
                <Link to={`/werkgever/profielen/${s.code}`} className="text-brand-700 underline">
                  {t("search.hit.title", { code: s.code })}
                </Link>
              </h2>
              <p className="mt-1">{s.headline}</p>
              <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-700">{t("search.hit.region")}</dt>
                  <dd className="font-medium">{s.region || "—"}</dd>
                </div>
                <div>
                  <dt className="text-slate-700">{t("search.hit.available")}</dt>
                  <dd className="font-medium">{s.availableLabel}</dd>
                </div>
                <div>
                  <dt className="text-slate-700">{t("search.hit.distance")}</dt>
                  <dd className="font-medium">{kmLabel(s.distanceKm)}</dd>
                </div>
              </dl>
              <ExplanationList items={s.explanation} label={t("search.hit.why")} />
              {data.vacancy.status === "open" ? (
                <p className="mt-2">
                  <Link to={`/werkgever/voorstellen/nieuw?code=${s.code}&vacature=${vacancyId}`} className="font-semibold text-brand-700 underline">
                    {t("pipeline.page.request.link")}
                  </Link>
                </p>
              ) : null}
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
