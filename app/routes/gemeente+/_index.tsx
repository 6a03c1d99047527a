import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { and, count, eq } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { candidates, handovers } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requestOrigin } from "~/domain/audit.server";
import { auditIdentityRead } from "~/domain/candidates/caseload.server";
import { EmptyNote, OrganisationsCard, PageTitle, Section, StatList } from "~/components/home";
import { activeOrganisation, candidatesByStage, homeOrganisations, upcomingReleases } from "~/domain/home.server";
import { t, type MessageKey } from "~/i18n";
import { dayLabel } from "~/utils/dates";

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-municipality");
  const municipality = activeOrganisation(context);
  const db = getDb();
  // A municipality without a code has no candidates of its own to see.
  const ownMunicipality = eq(candidates.municipalityCode, municipality.municipalityCode ?? "----");
  const byStatus = await candidatesByStage(db, ownMunicipality);
  const releases = await upcomingReleases(db, ownMunicipality);
  const [openHandovers] = await db
    .select({ n: count() })
    .from(handovers)
    .where(and(eq(handovers.municipalityOrganisationId, municipality.id), eq(handovers.status, "open")));
  // Names are identity: each shown candidate is an identity read in the audit log.
  await auditIdentityRead(db, context, releases.map((c) => c.id), "gemeente.home", requestOrigin(request));
  return json({
    organisations: homeOrganisations(context),
    byStatus,
    releases,
    openHandovers: openHandovers?.n ?? 0,
  });
}

export default function MunicipalityHome() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("home.gemeente.intro")}>{t("home.gemeente.title")}</PageTitle>
      <OrganisationsCard organisations={data.organisations} />
      <Section id="handovers" title={t("home.gemeente.handovers")}>
        <p>{t("home.gemeente.openHandovers", { count: data.openHandovers })}</p>
        <p className="mt-2">
          <Link to="/gemeente/overdrachten" className="text-brand-700 underline">
            {t("pipeline.home.gemeente.toHandovers")}
          </Link>
        </p>
      </Section>
      <Section id="releases" title={t("home.gemeente.releases")}>
        {data.releases.length === 0 ? (
          <EmptyNote>{t("home.gemeente.noReleases")}</EmptyNote>
        ) : (
          <ul className="divide-y divide-slate-200">
            {data.releases.map((r) => (
              <li key={r.id} className="py-2">
                <Link to={`/gemeente/kandidaten/${r.id}`} className="font-semibold text-brand-700 underline">
                  {r.firstName} {r.lastName}
                </Link>{" "}
                · {t("home.releaseOn", { date: r.releaseDate ? dayLabel(r.releaseDate) : "" })} ·{" "}
                {t(`candidate.status.${r.status}` as MessageKey)}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="stages" title={t("home.gemeente.byStage")}>
        {data.byStatus.length === 0 ? (
          <EmptyNote>{t("home.gemeente.none")}</EmptyNote>
        ) : (
          <StatList
            items={data.byStatus.map((s) => ({ label: t(`candidate.status.${s.status}` as MessageKey), value: s.n }))}
          />
        )}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
