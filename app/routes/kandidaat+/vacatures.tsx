import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle } from "~/components/home";
import { candidateSharedVacancies } from "~/domain/search/matches.server";
import { ExplanationList, FallbackNotice } from "~/domain/search/ui";
import { t } from "~/i18n";
import { dayLabel } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${t("search.candidate.title")} · ${t("app.name")}` }];

/** The vacancies the candidate's coach shared with them, each with why it fits. */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:profile:own");
  return json(await candidateSharedVacancies(getDb(), context));
}

export default function CandidateVacancies() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("search.candidate.intro")}>{t("search.candidate.title")}</PageTitle>
      <FallbackNotice show={data.fallback} />
      {data.vacancies.length === 0 ? (
        <EmptyNote>{t("search.candidate.none")}</EmptyNote>
      ) : (
        <ul className="space-y-4">
          {data.vacancies.map((v) => (
            <li key={v.id} className="rounded-lg bg-white p-4 text-lg shadow" data-testid="shared-vacancy">
              <h2 className="text-xl font-semibold">{v.title}</h2>
              <p>
                {v.organisationName}, {v.placeName}
              </p>
              <p>
                {v.hours}. {v.start}.
              </p>
              {v.distanceKm !== null ? (
                <p>{t("search.candidate.distance", { km: v.distanceKm < 10 ? v.distanceKm.toFixed(1).replace(".", ",") : Math.round(v.distanceKm) })}</p>
              ) : null}
              <p className="text-base text-slate-700">{t("search.candidate.sharedOn", { date: dayLabel(v.sharedOn) })}</p>
              {!v.open ? <p className="mt-2 font-semibold">{t("search.candidate.closed")}</p> : null}
              {v.note ? (
                <div className="mt-2 rounded-md bg-slate-50 p-3">
                  <p className="text-base font-semibold">{t("search.candidate.note")}</p>
                  <p>{v.note}</p>
                </div>
              ) : null}
              <ExplanationList items={v.explanation} label={t("search.candidate.why")} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
