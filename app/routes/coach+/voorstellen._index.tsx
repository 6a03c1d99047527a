import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section, StatList } from "~/components/home";
import { countByStatus, ProposalList } from "~/components/pipeline/parts";
import { listCoachProposals } from "~/domain/pipeline/queries.server";
import { CLOSED_PROPOSAL_STATUSES, OPEN_PROPOSAL_STATUSES } from "~/domain/pipeline/transitions";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.coachList.title")} · ${t("app.name")}` }];

/** Coach: the proposals of their own caseload, those still moving first; ?alle=1 adds the closed ones. */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-caseload");
  const all = new URL(request.url).searchParams.get("alle") === "1";
  const statuses = all ? [...OPEN_PROPOSAL_STATUSES, "placed" as const, ...CLOSED_PROPOSAL_STATUSES] : undefined;
  const proposals = await listCoachProposals(getDb(), context, { statuses });
  return json({ all, proposals });
}

export default function CoachProposals() {
  const { all, proposals } = useLoaderData<typeof loader>();
  const waiting = proposals.filter((p) => p.status === "requested" || p.status === "offer_made");
  return (
    <>
      <PageTitle intro={t("pipeline.page.coachList.intro")}>{t("pipeline.page.coachList.title")}</PageTitle>
      <Section id="stages" title={t("pipeline.page.byStage")}>
        {proposals.length === 0 ? (
          <p className="text-slate-700">{t("pipeline.page.coachList.empty")}</p>
        ) : (
          <StatList items={countByStatus(proposals)} />
        )}
      </Section>
      {waiting.length > 0 ? (
        <Section id="waiting" title={t("pipeline.page.coachList.waiting")}>
          <ProposalList items={waiting} linkBase="/coach/voorstellen" empty="" />
        </Section>
      ) : null}
      <Section id="all" title={all ? t("pipeline.page.coachList.allTitle") : t("pipeline.page.coachList.openTitle")}>
        <ProposalList items={proposals} linkBase="/coach/voorstellen" empty={t("pipeline.page.coachList.empty")} />
        <p className="mt-3">
          <Link to={all ? "/coach/voorstellen" : "/coach/voorstellen?alle=1"} className="text-brand-700 underline">
            {all ? t("pipeline.page.coachList.showOpen") : t("pipeline.page.coachList.showAll")}
          </Link>
        </p>
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
