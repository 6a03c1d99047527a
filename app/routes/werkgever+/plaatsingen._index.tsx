import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { PlacementList } from "~/components/pipeline/placements";
import { listPlacements } from "~/domain/pipeline/queries.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.employerPlacements.title")} · ${t("app.name")}` }];

/** Employer: the people placed with them, each with their job coach. */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "review:proposals:own-organisation");
  const placements = await listPlacements(getDb(), context);
  return json({
    active: placements.filter((p) => p.status === "active"),
    ended: placements.filter((p) => p.status !== "active"),
  });
}

export default function EmployerPlacements() {
  const { active, ended } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("pipeline.page.employerPlacements.intro")}>{t("pipeline.page.employerPlacements.title")}</PageTitle>
      <Section id="active" title={t("pipeline.page.employerPlacements.active")}>
        <PlacementList items={active} linkBase="/werkgever/plaatsingen" side="employer" empty={t("pipeline.page.employerPlacements.none")} />
      </Section>
      {ended.length > 0 ? (
        <Section id="ended" title={t("pipeline.page.employerPlacements.ended")}>
          <PlacementList items={ended} linkBase="/werkgever/plaatsingen" side="employer" empty="" />
        </Section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
