import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { candidates, organisations, users } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { t, type MessageKey } from "~/i18n";
import { CandidateProposalCards } from "~/components/pipeline/candidate";
import { momentLabel } from "~/components/pipeline/format";
import { listPlacements, openOffers, upcomingMeetings } from "~/domain/pipeline/queries.server";
import { clockNow } from "~/utils/clock.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:profile:own");
  if (!context.candidateId) throw new Response("Not Found", { status: 404 });
  const db = getDb();
  const [me] = await db
    .select({
      status: candidates.status,
      coachName: users.name,
      coachEmail: users.email,
      coachingOrganisation: organisations.name,
      coachingPhone: organisations.contactPhone,
    })
    .from(candidates)
    .leftJoin(users, eq(users.id, candidates.coachUserId))
    .leftJoin(organisations, eq(organisations.id, candidates.coachingOrganisationId))
    .where(eq(candidates.id, context.candidateId));
  if (!me) throw new Response("Not Found", { status: 404 });
  const offers = await openOffers(db, context);
  const meetings = await upcomingMeetings(db, context, { now: clockNow(), days: 60 });
  const working = (await listPlacements(db, context, { status: "active" })).length > 0;
  return json({
    name: context.user.name,
    me,
    offers: offers.map((o) => ({
      id: o.proposalId,
      status: "offer_made",
      vacancyTitle: o.vacancyTitle,
      employerName: o.employerName,
      nextMeetingAt: null,
      openOfferExpiresOn: o.expiresOn,
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      proposalId: m.proposalId,
      startsAt: m.startsAt,
      where: m.location ?? t("pipeline.meeting.video"),
      vacancyTitle: m.vacancyTitle,
      employerName: m.employerName,
    })),
    working,
  });
}

export default function CandidateHome() {
  const { name, me, offers, meetings, working } = useLoaderData<typeof loader>();
  return (
    <div className="text-lg">
      <PageTitle intro={t("home.kandidaat.intro")}>{t("home.kandidaat.title", { name })}</PageTitle>
      <Section id="status" title={t("home.kandidaat.where")}>
        <p>{t(`candidate.explain.${me.status}` as MessageKey)}</p>
        {working ? (
          <p className="mt-2">
            <Link to="/kandidaat/werk" className="font-semibold text-brand-700 underline">
              {t("pipeline.home.candidate.work")}
            </Link>
          </p>
        ) : null}
      </Section>
      <Section id="offers" title={t("pipeline.home.candidate.offers")}>
        <CandidateProposalCards items={offers} empty={t("pipeline.home.candidate.noOffers")} />
      </Section>
      <Section id="meetings" title={t("pipeline.home.candidate.meetings")}>
        {meetings.length === 0 ? (
          <p>{t("pipeline.home.candidate.noMeetings")}</p>
        ) : (
          <ul className="space-y-3">
            {meetings.map((m) => (
              <li key={m.id}>
                <Link to={`/kandidaat/voorstellen/${m.proposalId}`} className="font-semibold text-brand-700 underline">
                  {momentLabel(m.startsAt)}
                </Link>
                <p>
                  {m.vacancyTitle} · {m.employerName} · {m.where}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="coach" title={t("home.kandidaat.coach")}>
        {me.coachName ? (
          <p>
            {t("home.kandidaat.coachIs", { name: me.coachName })}
            {me.coachingOrganisation ? ` (${me.coachingOrganisation})` : ""}.{" "}
            {me.coachEmail ? (
              <a className="text-brand-700 underline" href={`mailto:${me.coachEmail}`}>
                {me.coachEmail}
              </a>
            ) : null}
            {me.coachingPhone ? (
              <>
                {" · "}
                <a className="text-brand-700 underline" href={`tel:${me.coachingPhone.replace(/\s/g, "")}`}>
                  {me.coachingPhone}
                </a>
              </>
            ) : null}
          </p>
        ) : (
          <p>{t("home.kandidaat.noCoach")}</p>
        )}
      </Section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
