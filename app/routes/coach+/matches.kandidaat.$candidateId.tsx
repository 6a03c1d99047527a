import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { coachCandidateMatches, shareVacancy, type ShareResult } from "~/domain/search/matches.server";
import { ExplanationList, FallbackNotice, kmLabel } from "~/domain/search/ui";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("search.coachCandidate.title", { name: "" })} · ${t("app.name")}` }];

const ShareSchema = z.object({
  intent: z.literal("share"),
  vacancyId: z.uuid(),
  note: z.string().trim().max(500, { error: t("search.share.noteTooLong") }).optional(),
});

/** Open vacancies ranked for a candidate the coach may see, with the hidden constraints applied. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-caseload");
  return json(await coachCandidateMatches(getDb(), context, params.candidateId, requestOrigin(request)));
}

const messages: Record<ShareResult, string> = {
  shared: t("search.share.done"),
  already_shared: t("search.share.already"),
  does_not_fit: t("search.share.doesNotFit"),
};

/** Shares one vacancy with the candidate: a shared_vacancies row, an audit row and a notification. */
export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, "propose:candidates");
  const submission = parseWithZod(await request.formData(), { schema: ShareSchema });
  if (submission.status !== "success") return json({ ...submission.reply(), vacancyId: null, outcome: null }, { status: 400 });
  const outcome = await shareVacancy(
    getDb(),
    context,
    { candidateId: params.candidateId, vacancyId: submission.value.vacancyId, note: submission.value.note },
    requestOrigin(request),
  );
  return json(
    { ...submission.reply({ resetForm: true }), vacancyId: submission.value.vacancyId, outcome },
    { status: outcome === "does_not_fit" ? 409 : 200 },
  );
}

export default function CoachCandidateMatches() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const c = data.candidate;
  return (
    <>
      <PageTitle intro={t("search.coachCandidate.intro", { code: c.code })}>
        {t("search.coachCandidate.title", { name: c.name })}
      </PageTitle>
      <FallbackNotice show={data.fallback} />
      <Section id="hidden" title={t("search.coachCandidate.hiddenTitle")}>
        <p className="text-sm text-slate-700">{t("search.coachCandidate.hiddenIntro")}</p>
        <ul className="mt-2 list-disc pl-5" data-testid="hidden-constraints">
          <li>
            {c.hidden.vogRiskAreas.length
              ? t("search.coachCandidate.hiddenVog", { areas: c.hidden.vogRiskAreas.join(", ") })
              : t("search.coachCandidate.hiddenVogNone")}
          </li>
          <li>
            {c.hidden.areaBans.length
              ? t("search.coachCandidate.hiddenAreas", { areas: c.hidden.areaBans.join(", ") })
              : t("search.coachCandidate.hiddenAreasNone")}
          </li>
          {c.hidden.leaveHourLimits ? <li>{t("search.coachCandidate.hiddenLeave", { limits: c.hidden.leaveHourLimits })}</li> : null}
        </ul>
      </Section>
      {!c.canShare ? <p className="mb-4 text-slate-700">{t("search.share.readOnly")}</p> : null}
      {data.profileIncomplete ? (
        <EmptyNote>{t("search.coachCandidate.profileIncomplete")}</EmptyNote>
      ) : data.hits.length === 0 ? (
        <EmptyNote>{t("search.coachCandidate.none")}</EmptyNote>
      ) : (
        <ol className="space-y-4">
          {data.hits.map((v) => (
            <li key={v.id} className="rounded-lg bg-white p-4 shadow" data-testid="coach-vacancy-hit">
              <h2 className="text-lg font-semibold">{v.title}</h2>
              <p className="text-sm text-slate-700">
                {v.organisationName} · {v.placeName} · {kmLabel(v.distanceKm)}
              </p>
              <p className="text-sm text-slate-700">
                {t(`search.vacancy.kind.${v.kind}`)} · {v.hours} · {v.start}
                {v.vogRequired ? ` · ${t("search.vacancy.vog")}` : ""}
              </p>
              <ExplanationList items={v.explanation} label={t("search.hit.why")} />
              {result?.vacancyId === v.id && result.outcome ? (
                <p role="status" className="mt-2 font-semibold">{messages[result.outcome]}</p>
              ) : null}
              {v.shared ? (
                <p className="mt-2 font-semibold text-green-800">{t("search.share.shared")}</p>
              ) : c.canShare ? (
                <Form method="post" className="mt-3 flex flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="share" />
                  <input type="hidden" name="vacancyId" value={v.id} />
                  <label className="grow">
                    <span className="block text-sm">{t("search.share.note")}</span>
                    <input name="note" maxLength={500} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2" />
                  </label>
                  <SubmitButton name="vacancyId" value={v.id}>{t("search.share.button")}</SubmitButton>
                </Form>
              ) : null}
              <p className="mt-2 flex flex-wrap gap-4">
                {c.canShare && c.status === "published" ? (
                  <Link className="font-semibold text-brand-700 underline" to={`/coach/voorstellen/nieuw?kandidaat=${c.id}&vacature=${v.id}`}>
                    {t("pipeline.page.propose.title")}
                  </Link>
                ) : null}
                <Link className="text-brand-700 underline" to={`/coach/matches/vacature/${v.id}`}>
                  {t("search.coachCandidate.otherCandidates")}
                </Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
