import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { and, asc, count, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { candidateIdentities, candidates, checkIns, placements } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requestOrigin } from "~/domain/audit.server";
import { auditIdentityRead } from "~/domain/candidates/caseload.server";
import { EmptyNote, OrganisationsCard, PageTitle, Section, StatList } from "~/components/home";
import { homeOrganisations } from "~/domain/home.server";
import { t, type MessageKey } from "~/i18n";
import { dayLabel, isoDate } from "~/utils/dates";

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-caseload");
  const db = getDb();
  const mine = eq(candidates.coachUserId, context.user.id);
  const byStatus = await db
    .select({ status: candidates.status, n: count() })
    .from(candidates)
    .where(mine)
    .groupBy(candidates.status);
  const caseload = await db
    .select({
      id: candidates.id,
      firstName: candidateIdentities.firstName,
      lastName: candidateIdentities.lastName,
      status: candidates.status,
      releaseDate: candidates.releaseDate,
    })
    .from(candidates)
    .innerJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
    .where(mine)
    .orderBy(asc(candidates.releaseDate))
    .limit(50);
  const [overdue] = await db
    .select({ n: count() })
    .from(checkIns)
    .innerJoin(placements, eq(placements.id, checkIns.placementId))
    .where(
      and(
        eq(placements.jobCoachUserId, context.user.id),
        eq(placements.status, "active"),
        isNull(checkIns.doneAt),
        lt(checkIns.dueOn, isoDate(new Date())),
      ),
    );
  // Names are identity: each shown candidate is an identity read in the audit log.
  await auditIdentityRead(db, context, caseload.map((c) => c.id), "coach.home", requestOrigin(request));
  return json({
    organisations: homeOrganisations(context),
    byStatus,
    caseload,
    overdueCheckIns: overdue?.n ?? 0,
  });
}

export default function CoachHome() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("home.coach.intro")}>{t("home.coach.title")}</PageTitle>
      <OrganisationsCard organisations={data.organisations} />
      <Section id="aftercare" title={t("home.coach.aftercare")}>
        <p>{t("home.coach.overdue", { count: data.overdueCheckIns })}</p>
      </Section>
      <Section id="stages" title={t("home.coach.byStage")}>
        {data.byStatus.length === 0 ? (
          <EmptyNote>{t("home.coach.emptyCaseload")}</EmptyNote>
        ) : (
          <StatList
            items={data.byStatus.map((s) => ({ label: t(`candidate.status.${s.status}` as MessageKey), value: s.n }))}
          />
        )}
      </Section>
      <Section id="caseload" title={t("home.coach.caseload")}>
        {data.caseload.length === 0 ? (
          <EmptyNote>{t("home.coach.emptyCaseload")}</EmptyNote>
        ) : (
          <ul className="divide-y divide-slate-200">
            {data.caseload.map((c) => (
              <li key={c.id} className="flex flex-wrap justify-between gap-2 py-2">
                <Link to={`/coach/kandidaten/${c.id}`} className="font-semibold text-brand-700 underline">
                  {c.firstName} {c.lastName}
                </Link>
                <span className="text-sm text-slate-700">
                  {t(`candidate.status.${c.status}` as MessageKey)}
                  {c.releaseDate ? ` · ${t("home.releaseOn", { date: dayLabel(c.releaseDate) })}` : ""}
                </span>
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
