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
import { countByStatus } from "~/components/pipeline/parts";
import { momentLabel, dayText } from "~/components/pipeline/format";
import { OpenCheckInList } from "~/components/pipeline/placements";
import { coachCheckIns } from "~/domain/pipeline/checkins.server";
import { listCoachProposals, openOffers, upcomingMeetings } from "~/domain/pipeline/queries.server";
import { clockNow } from "~/utils/clock.server";
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
        lt(checkIns.dueOn, isoDate(clockNow())),
      ),
    );
  // Names are identity: each shown candidate is an identity read in the audit log.
  await auditIdentityRead(db, context, caseload.map((c) => c.id), "coach.home", requestOrigin(request));
  const now = clockNow();
  return json({
    organisations: homeOrganisations(context),
    byStatus,
    caseload,
    overdueCheckIns: overdue?.n ?? 0,
    // The pipeline: overdue check-ins first, meetings this week, offers waiting, proposals by stage.
    checkIns: await coachCheckIns(db, context, { now }),
    meetings: await upcomingMeetings(db, context, { now, days: 7 }),
    offers: await openOffers(db, context),
    proposals: (await listCoachProposals(db, context)).map((p) => ({ status: p.status })),
  });
}

export default function CoachHome() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("home.coach.intro")}>{t("home.coach.title")}</PageTitle>
      <OrganisationsCard organisations={data.organisations} />
      <Section id="aftercare" title={t("pipeline.home.coach.checkIns")}>
        <p className="mb-2">{t("home.coach.overdue", { count: data.overdueCheckIns })}</p>
        <OpenCheckInList items={data.checkIns} empty={t("pipeline.home.coach.noCheckIns")} />
      </Section>
      <Section id="meetings" title={t("pipeline.home.coach.meetings")}>
        {data.meetings.length === 0 ? (
          <EmptyNote>{t("pipeline.home.coach.noMeetings")}</EmptyNote>
        ) : (
          <ul className="divide-y divide-slate-200">
            {data.meetings.map((m) => (
              <li key={m.id} className="py-2">
                <Link to={`/coach/voorstellen/${m.proposalId}`} className="text-brand-700 underline">
                  {t("pipeline.home.meetingItem", { when: momentLabel(m.startsAt), code: m.publicCode, vacancy: m.vacancyTitle, employer: m.employerName })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="offers" title={t("pipeline.home.coach.offers")}>
        {data.offers.length === 0 ? (
          <EmptyNote>{t("pipeline.home.coach.noOffers")}</EmptyNote>
        ) : (
          <ul className="divide-y divide-slate-200">
            {data.offers.map((o) => (
              <li key={o.id} className="py-2">
                <Link to={`/coach/voorstellen/${o.proposalId}#offer`} className="text-brand-700 underline">
                  {t("pipeline.home.offerItem", { code: o.publicCode, vacancy: o.vacancyTitle, employer: o.employerName, date: o.expiresOn ? dayText(o.expiresOn) : "—" })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="proposals" title={t("pipeline.home.coach.proposals")}>
        {data.proposals.length === 0 ? (
          <EmptyNote>{t("pipeline.home.coach.noProposals")}</EmptyNote>
        ) : (
          <StatList items={countByStatus(data.proposals)} />
        )}
        <p className="mt-3">
          <Link to="/coach/voorstellen" className="text-brand-700 underline">
            {t("pipeline.page.coachList.title")}
          </Link>
        </p>
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
