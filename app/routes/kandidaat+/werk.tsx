import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { DoneNotice } from "~/components/pipeline/forms";
import { contractLabel, dayText, placementStatusLabel } from "~/components/pipeline/format";
import { Facts, JobCoachCard, PlainCheckIns } from "~/components/pipeline/parts";
import { readOrThrow, stepOptions } from "~/domain/pipeline/http.server";
import { getPlacement, listPlacements } from "~/domain/pipeline/queries.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.work.title")} · ${t("app.name")}` }];

/** The candidate's work: the current (or last) placement, the job coach, the check-in dates. */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:profile:own");
  const db = getDb();
  const { origin, now } = stepOptions(request);
  const all = await listPlacements(db, context);
  const current = all.find((p) => p.status === "active") ?? all[0];
  if (!current) return json({ placement: null });
  const { placement } = readOrThrow(await getPlacement(db, context, current.id, { origin, now }));
  if (placement.party !== "candidate") return json({ placement: null });
  return json({ placement });
}

export default function CandidateWork() {
  const { placement: p } = useLoaderData<typeof loader>();
  return (
    <div className="text-lg">
      <PageTitle intro={t("pipeline.page.work.intro")}>{t("pipeline.page.work.title")}</PageTitle>
      <DoneNotice />
      {!p ? (
        <p>{t("pipeline.page.work.none")}</p>
      ) : (
        <>
          <Section id="job" title={`${p.vacancy.title} · ${p.employerName}`}>
            <p className="mb-2 font-semibold">{placementStatusLabel(p.status)}</p>
            <Facts
              items={[
                { label: t("pipeline.page.work.start"), value: dayText(p.startedOn) },
                ...(p.endedOn ? [{ label: t("pipeline.page.placement.ended"), value: dayText(p.endedOn) }] : []),
                { label: t("pipeline.page.offer.hours"), value: t("pipeline.page.offer.hoursValue", { hours: p.offer.hoursPerWeek }) },
                { label: t("pipeline.page.offer.contract"), value: contractLabel(p.offer.contractType) },
                ...(p.offer.firstDayDetails ? [{ label: t("pipeline.page.offer.firstDay"), value: <span className="whitespace-pre-line">{p.offer.firstDayDetails}</span> }] : []),
              ]}
            />
          </Section>
          <Section id="job-coach" title={t("pipeline.page.work.jobCoach")}>
            <p className="mb-2">{t("pipeline.page.work.jobCoachHelp")}</p>
            <JobCoachCard coach={p.jobCoach} />
          </Section>
          <Section id="check-ins" title={t("pipeline.page.work.checkIns")}>
            <p className="mb-2">{t("pipeline.page.work.checkInsHelp")}</p>
            <PlainCheckIns checkIns={p.checkIns} />
          </Section>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
