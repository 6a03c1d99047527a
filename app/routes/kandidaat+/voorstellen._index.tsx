import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle } from "~/components/home";
import { CandidateProposalCards } from "~/components/pipeline/candidate";
import { listCandidateProposals } from "~/domain/pipeline/queries.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.candidateList.title")} · ${t("app.name")}` }];

/** The candidate's own introductions and offers (from a planned introduction on). */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:profile:own");
  return json({ proposals: await listCandidateProposals(getDb(), context) });
}

export default function CandidateProposals() {
  const { proposals } = useLoaderData<typeof loader>();
  return (
    <div className="text-lg">
      <PageTitle intro={t("pipeline.page.candidateList.intro")}>{t("pipeline.page.candidateList.title")}</PageTitle>
      <CandidateProposalCards items={proposals} empty={t("pipeline.page.candidateList.empty")} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
