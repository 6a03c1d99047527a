import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { userHasPermission } from "~/auth/permissions";
import { requirePermission } from "~/auth/session.server";
import { NextStepText, ReleaseCell } from "~/components/candidate-intake";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { listPrisonCandidates } from "~/domain/candidates/caseload.server";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("candidates.pi.listTitle")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-prison");
  const rows = await listPrisonCandidates(getDb(), context, requestOrigin(request));
  return json({ candidates: rows, canNominate: userHasPermission(context, "nominate:candidates") });
}

export default function PrisonCandidates() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("candidates.pi.listIntro")}>{t("candidates.pi.listTitle")}</PageTitle>
      {data.canNominate ? (
        <p className="mb-6">
          <Link
            to="/pi/kandidaten/nieuw"
            className="inline-flex rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t("candidates.pi.nominate")}
          </Link>
        </p>
      ) : null}
      <Section id="list" title={t("candidates.list.count", { count: data.candidates.length })}>
        {data.candidates.length === 0 ? (
          <EmptyNote>{t("candidates.pi.empty")}</EmptyNote>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b">
                  <th scope="col" className="py-2 pr-3">{t("candidates.list.name")}</th>
                  <th scope="col" className="py-2 pr-3">{t("candidates.list.status")}</th>
                  <th scope="col" className="py-2 pr-3">{t("candidates.list.release")}</th>
                  <th scope="col" className="py-2 pr-3">{t("candidates.list.coach")}</th>
                  <th scope="col" className="py-2">{t("candidates.list.next")}</th>
                </tr>
              </thead>
              <tbody>
                {data.candidates.map((c) => (
                  <tr key={c.id} className="border-b align-top">
                    <td className="py-2 pr-3 font-semibold">
                      <Link to={`/pi/kandidaten/${c.id}`} className="text-brand-700 underline">
                        {c.firstName} {c.lastName}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{t(`candidate.status.${c.status}` as MessageKey)}</td>
                    <td className="py-2 pr-3">
                      <ReleaseCell releaseDate={c.releaseDate} soon={c.releaseSoon} />
                    </td>
                    <td className="py-2 pr-3">{c.coachingOrganisationName ?? t("candidates.coach.none")}</td>
                    <td className="py-2">
                      <NextStepText next={c.next} />
                    </td>
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
