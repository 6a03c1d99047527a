import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { and, count, eq } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { placements, vacancies } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, OrganisationsCard, PageTitle, Section, StatList } from "~/components/home";
import { activeOrganisation, homeOrganisations } from "~/domain/home.server";
import { employerOpenVacancies } from "~/domain/vacancies/queries.server";
import { momentLabel } from "~/components/pipeline/format";
import { PlacementList } from "~/components/pipeline/placements";
import { listPlacements, upcomingMeetings } from "~/domain/pipeline/queries.server";
import { clockNow } from "~/utils/clock.server";
import { t, type MessageKey } from "~/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "manage:organisation-profile");
  const employer = activeOrganisation(context);
  const db = getDb();
  const byStatus = await db
    .select({ status: vacancies.status, n: count() })
    .from(vacancies)
    .where(eq(vacancies.organisationId, employer.id))
    .groupBy(vacancies.status);
  const [active] = await db
    .select({ n: count() })
    .from(placements)
    .where(and(eq(placements.employerOrganisationId, employer.id), eq(placements.status, "active")));
  return json({
    organisations: homeOrganisations(context),
    verification: employer.verificationStatus,
    byStatus,
    activePlacements: active?.n ?? 0,
    openVacancies: await employerOpenVacancies(db, employer.id),
    // Empty for an unverified employer (the pipeline needs a verified organisation).
    meetings: await upcomingMeetings(db, context, { now: clockNow(), days: 30 }),
    placements: await listPlacements(db, context, { status: "active" }),
  });
}

export default function EmployerHome() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("home.werkgever.intro")}>{t("home.werkgever.title")}</PageTitle>
      {data.verification !== "verified" ? (
        <div role="status" className="mb-6 rounded-lg border border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold">{t(`home.werkgever.verification.${data.verification}` as MessageKey)}</p>
          <p className="mt-1">{t("home.werkgever.verificationExplain")}</p>
        </div>
      ) : null}
      <OrganisationsCard organisations={data.organisations} />
      <Section id="vacancies" title={t("home.werkgever.vacancies")}>
        {data.byStatus.length === 0 ? (
          <EmptyNote>{t("home.werkgever.noVacancies")}</EmptyNote>
        ) : (
          <StatList
            items={data.byStatus.map((s) => ({ label: t(`vacancy.status.${s.status}` as MessageKey), value: s.n }))}
          />
        )}
      </Section>
      <Section id="open-vacancies" title={t("employer.home.openVacancies")}>
        {data.openVacancies.length === 0 ? (
          <EmptyNote>{t("employer.home.noOpenVacancies")}</EmptyNote>
        ) : (
          <ul className="divide-y divide-slate-200">
            {data.openVacancies.map((v) => (
              <li key={v.id} className="py-3">
                <Link to={`/werkgever/vacatures/${v.id}`} className="font-semibold text-brand-700 underline">
                  {v.title}
                </Link>{" "}
                <span className="text-slate-700">· {v.placeName}</span>
                <p className="mt-1 text-sm text-slate-700">{t("employer.home.proposalCounts")}:</p>
                <StatList
                  items={Object.entries(v.proposals).map(([s, n]) => ({
                    label: t(`employer.home.proposal.${s}` as MessageKey),
                    value: n,
                  }))}
                />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3">
          <Link to="/werkgever/vacatures" className="text-brand-700 underline">
            {t("employer.home.allVacancies")}
          </Link>
        </p>
      </Section>
      <Section id="meetings" title={t("pipeline.home.employer.meetings")}>
        {data.meetings.length === 0 ? (
          <EmptyNote>{t("pipeline.home.employer.noMeetings")}</EmptyNote>
        ) : (
          <ul className="divide-y divide-slate-200">
            {data.meetings.map((m) => (
              <li key={m.id} className="py-2">
                <Link to={`/werkgever/voorstellen/${m.proposalId}`} className="text-brand-700 underline">
                  {t("pipeline.home.meetingItem", { when: momentLabel(m.startsAt), code: m.publicCode, vacancy: m.vacancyTitle, employer: m.location ?? t("pipeline.meeting.video") })}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3">
          <Link to="/werkgever/voorstellen" className="text-brand-700 underline">
            {t("pipeline.home.employer.toProposals")}
          </Link>
        </p>
      </Section>
      <Section id="placements" title={t("pipeline.home.employer.placements")}>
        <p className="mb-2">{t("home.werkgever.activePlacements", { count: data.activePlacements })}</p>
        <PlacementList items={data.placements} linkBase="/werkgever/plaatsingen" side="employer" empty="" />
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
