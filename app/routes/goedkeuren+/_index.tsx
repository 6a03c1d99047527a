import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { approvalQueue } from "~/domain/candidates/publication.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("approval.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "approve:profiles");
  return json({ queue: await approvalQueue(getDb(), context) });
}

export default function ApprovalQueue() {
  const { queue } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("approval.intro")}>{t("approval.title")}</PageTitle>
      <Section id="queue" title={t("approval.title")}>
        {queue.length === 0 ? (
          <EmptyNote>{t("approval.empty")}</EmptyNote>
        ) : (
          <table className="w-full text-left">
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2 pr-3">{t("approval.candidate")}</th>
                <th scope="col" className="py-2 pr-3">{t("approval.code")}</th>
                <th scope="col" className="py-2 pr-3">{t("approval.state")}</th>
                <th scope="col" className="py-2" />
              </tr>
            </thead>
            <tbody>
              {queue.map((c) => (
                <tr key={c.id} className="border-b">
                  <td className="py-2 pr-3">{c.name}</td>
                  <td className="py-2 pr-3 font-mono">{c.publicCode}</td>
                  <td className="py-2 pr-3">{c.confirmed ? t("approval.ready") : t("approval.waitingForCandidate")}</td>
                  <td className="py-2">
                    <Link to={`/goedkeuren/${c.id}`} className="font-semibold text-brand-700 underline">
                      {t("approval.open")}
                      <span className="sr-only"> {c.publicCode}</span>
                    </Link>
                  </td>
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
