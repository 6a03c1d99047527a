import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { ConditionBadge, ReleaseCell } from "~/components/candidate-intake";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { listMunicipalityCandidates } from "~/domain/candidates/caseload.server";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("candidates.gemeente.listTitle")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-municipality");
  return json({ candidates: await listMunicipalityCandidates(getDb(), context, requestOrigin(request)) });
}

export default function MunicipalityCandidates() {
  const { candidates } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("candidates.gemeente.listIntro")}>{t("candidates.gemeente.listTitle")}</PageTitle>
      <Section id="list" title={t("candidates.list.count", { count: candidates.length })}>
        {candidates.length === 0 ? (
          <EmptyNote>{t("candidates.gemeente.empty")}</EmptyNote>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b">
                  <th scope="col" className="py-2 pr-3">{t("candidates.list.name")}</th>
                  <th scope="col" className="py-2 pr-3">{t("candidates.list.release")}</th>
                  <th scope="col" className="py-2 pr-3">{t("candidates.list.status")}</th>
                  <th scope="col" className="py-2 pr-3">{t("candidates.conditions.title")}</th>
                  <th scope="col" className="py-2">{t("candidates.list.coach")}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => (
                  <tr key={c.id} className="border-b align-top">
                    <td className="py-2 pr-3 font-semibold">
                      <Link to={`/gemeente/kandidaten/${c.id}`} className="text-brand-700 underline">
                        {c.firstName} {c.lastName}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">
                      <ReleaseCell releaseDate={c.releaseDate} soon={c.releaseSoon} />
                      {c.released ? <span className="block text-xs text-slate-700">{t("candidates.release.past")}</span> : null}
                    </td>
                    <td className="py-2 pr-3">{t(`candidate.status.${c.status}` as MessageKey)}</td>
                    <td className="py-2 pr-3">
                      <ul className="flex flex-wrap gap-1">
                        {c.conditions.map((k) => (
                          <li key={k.kind}><ConditionBadge kind={k.kind} status={k.status} /></li>
                        ))}
                      </ul>
                    </td>
                    <td className="py-2">{c.coachingOrganisationName ?? t("candidates.coach.none")}</td>
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
