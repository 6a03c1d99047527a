import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { candidates } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requestOrigin } from "~/domain/audit.server";
import { auditIdentityRead } from "~/domain/candidates/caseload.server";
import { EmptyNote, OrganisationsCard, PageTitle, Section, StatList } from "~/components/home";
import { activeOrganisation, candidatesByStage, homeOrganisations, upcomingReleases } from "~/domain/home.server";
import { dayLabel } from "~/utils/dates";
import { t, type MessageKey } from "~/i18n";
import { releasesWithoutJob } from "~/domain/pipeline/queries.server";
import { clockNow } from "~/utils/clock.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-prison");
  const prison = activeOrganisation(context);
  const db = getDb();
  const ownPrison = eq(candidates.prisonOrganisationId, prison.id);
  const byStatus = await candidatesByStage(db, ownPrison);
  const releases = await upcomingReleases(db, ownPrison);
  // Names are identity: each shown candidate is an identity read in the audit log.
  await auditIdentityRead(db, context, releases.map((c) => c.id), "pi.home", requestOrigin(request));
  // Released within 12 weeks with no placement, offer or introduction in view (names only of
  // the people already listed above, whose read is audited).
  const withoutJob = (await releasesWithoutJob(db, context, { now: clockNow() })).map((r) => {
    const listed = releases.find((c) => c.id === r.id);
    return { ...r, name: listed ? `${listed.firstName} ${listed.lastName}` : null };
  });
  return json({ organisations: homeOrganisations(context), byStatus, releases, withoutJob });
}

export default function PrisonHome() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("home.pi.intro")}>{t("home.pi.title")}</PageTitle>
      <OrganisationsCard organisations={data.organisations} />
      <Section id="stages" title={t("home.pi.byStage")}>
        {data.byStatus.length === 0 ? (
          <EmptyNote>{t("home.pi.noneNominated")}</EmptyNote>
        ) : (
          <StatList
            items={data.byStatus.map((s) => ({ label: t(`candidate.status.${s.status}` as MessageKey), value: s.n }))}
          />
        )}
      </Section>
      <Section id="without-job" title={t("pipeline.home.pi.withoutJob")}>
        {data.withoutJob.length === 0 ? (
          <EmptyNote>{t("pipeline.home.pi.noneWithoutJob")}</EmptyNote>
        ) : (
          <ul className="divide-y divide-slate-200">
            {data.withoutJob.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2" data-testid="release-without-job">
                <span>
                  <Link to={`/pi/kandidaten/${r.id}`} className="font-semibold text-brand-700 underline">
                    {r.name ?? r.publicCode}
                  </Link>{" "}
                  · {t("home.releaseOn", { date: r.releaseDate ? dayLabel(r.releaseDate) : "" })} ·{" "}
                  {t(`candidate.status.${r.status}` as MessageKey)}
                </span>
                <Link to={`/pi/overdracht/${r.id}`} className="text-sm text-brand-700 underline">
                  {t("pipeline.home.pi.handOver")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="releases" title={t("home.pi.releases")}>
        {data.releases.length === 0 ? (
          <EmptyNote>{t("home.pi.noReleases")}</EmptyNote>
        ) : (
          <ul className="divide-y divide-slate-200">
            {data.releases.map((r) => (
              <li key={r.id} className="py-2">
                <Link to={`/pi/kandidaten/${r.id}`} className="font-semibold text-brand-700 underline">
                  {r.firstName} {r.lastName}
                </Link>{" "}
                · {t("home.releaseOn", { date: r.releaseDate ? dayLabel(r.releaseDate) : "" })} ·{" "}
                {t(`candidate.status.${r.status}` as MessageKey)}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
