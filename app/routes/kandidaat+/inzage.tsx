import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { viewsOfCandidate } from "~/domain/candidates/profile-views.server";
import { t } from "~/i18n";
import { dayLabel, isoDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${t("profile.views.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:profile:own");
  if (!context.candidateId) throw new Response("Not Found", { status: 404 });
  return json({ views: await viewsOfCandidate(getDb(), context.candidateId) });
}

export default function CandidateProfileViews() {
  const { views } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("profile.views.intro")}>{t("profile.views.title")}</PageTitle>
      <Section id="views" title={t("profile.views.title")}>
        {views.length === 0 ? (
          <EmptyNote>{t("profile.views.empty")}</EmptyNote>
        ) : (
          <table className="w-full text-left">
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2 pr-3">{t("profile.views.organisation")}</th>
                <th scope="col" className="py-2 pr-3">{t("profile.views.count")}</th>
                <th scope="col" className="py-2">{t("profile.views.last")}</th>
              </tr>
            </thead>
            <tbody>
              {views.map((v) => (
                <tr key={v.organisationName} className="border-b">
                  <td className="py-2 pr-3">{v.organisationName}</td>
                  <td className="py-2 pr-3">{v.views}</td>
                  <td className="py-2">{v.lastViewedAt ? dayLabel(isoDate(new Date(v.lastViewedAt))) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
