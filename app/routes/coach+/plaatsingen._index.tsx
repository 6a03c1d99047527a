import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { OpenCheckInList, PlacementList } from "~/components/pipeline/placements";
import { coachCheckIns } from "~/domain/pipeline/checkins.server";
import { listPlacements } from "~/domain/pipeline/queries.server";
import { t } from "~/i18n";
import { clockNow } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.coachPlacements.title")} · ${t("app.name")}` }];

/** Coach: open check-ins (overdue first) and the placements they follow up or whose candidate is theirs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "log:check-ins");
  const db = getDb();
  const now = clockNow();
  return json({
    checkIns: await coachCheckIns(db, context, { now, withinDays: 30 }),
    placements: await listPlacements(db, context),
  });
}

export default function CoachPlacements() {
  const { checkIns, placements } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("pipeline.page.coachPlacements.intro")}>{t("pipeline.page.coachPlacements.title")}</PageTitle>
      <Section id="check-ins" title={t("pipeline.page.coachPlacements.checkIns")}>
        <OpenCheckInList items={checkIns} empty={t("pipeline.page.coachPlacements.noCheckIns")} />
      </Section>
      <Section id="placements" title={t("pipeline.page.coachPlacements.placements")}>
        <PlacementList items={placements} linkBase="/coach/plaatsingen" side="coach" empty={t("pipeline.page.coachPlacements.none")} />
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
