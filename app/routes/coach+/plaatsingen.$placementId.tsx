import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getInputProps, getSelectProps } from "@conform-to/react";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SelectField } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { CoachCheckIns } from "~/components/pipeline/check-ins";
import { DoneNotice, IntentButton, IntentForm, StepBox, useIntentForm } from "~/components/pipeline/forms";
import { candidateStatusLabel, contractLabel, dayText, placementStatusLabel } from "~/components/pipeline/format";
import { Facts, JobCoachCard, NoteField, RetentionList } from "~/components/pipeline/parts";
import { logCheckIn } from "~/domain/pipeline/checkins.server";
import { dutchToday } from "~/domain/pipeline/dates";
import { donePath, intentSpec, notFound, readOrThrow, runIntent, stepOptions } from "~/domain/pipeline/http.server";
import { coachMayAct, handoverCoachChoices } from "~/domain/pipeline/page-queries.server";
import { endPlacement, handOverPlacement } from "~/domain/pipeline/placements.server";
import { getPlacement } from "~/domain/pipeline/queries.server";
import { endPlacementSchema, handOverPlacementSchema, logCheckInSchema } from "~/domain/pipeline/schemas";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.placement.title")} · ${t("app.name")}` }];

const PERMISSION = "log:check-ins" as const;

/** The job coach's (or the candidate's coach's) view of a placement: all check-in fields, retention. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const db = getDb();
  const { origin, now } = stepOptions(request);
  const { placement } = readOrThrow(await getPlacement(db, context, params.placementId ?? "", { origin, now }));
  if (placement.party !== "jobCoach" && placement.party !== "coach") notFound();
  const canAct = placement.party === "jobCoach" || (await coachMayAct(db, context, placement.candidateId));
  const coaches =
    canAct && placement.status === "active"
      ? await handoverCoachChoices(db, context, placement.candidateId, placement.jobCoach.userId)
      : [];
  return json({ placement, canAct, coaches, today: dutchToday(now) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const db = getDb();
  const options = stepOptions(request);
  const formData = await request.formData();
  const placementId = params.placementId ?? "";
  if (formData.has("placementId")) formData.set("placementId", placementId);
  const here = `/coach/plaatsingen/${placementId}`;
  return runIntent(formData, {
    checkIn: intentSpec({
      schema: logCheckInSchema,
      run: (v) => logCheckIn(db, context, v, options),
      done: () => donePath(here, "checkIn"),
    }),
    handOver: intentSpec({
      schema: handOverPlacementSchema,
      run: (v) => handOverPlacement(db, context, v, options),
      done: () => donePath(here, "handedOver"),
    }),
    end: intentSpec({
      schema: endPlacementSchema,
      run: (v) => endPlacement(db, context, v, options),
      done: (r) => donePath(here, r.status),
    }),
  });
}

export default function CoachPlacement() {
  const { placement: p, canAct, coaches, today } = useLoaderData<typeof loader>();
  const active = p.status === "active";
  return (
    <>
      <PageTitle intro={t("pipeline.page.placement.intro", { employer: p.employerName, vacancy: p.vacancy.title })}>
        {t("pipeline.page.placement.heading", { code: p.publicCode })}
      </PageTitle>
      <p className="mb-4 flex flex-wrap gap-3">
        <span className="font-semibold" data-testid="placement-status">
          {placementStatusLabel(p.status)}
        </span>
        <Link to={`/coach/kandidaten/${p.candidateId}`} className="text-brand-700 underline">
          {t("pipeline.page.coach.toCandidate")}
        </Link>
      </p>
      <DoneNotice />
      {!canAct ? <p className="mb-4 rounded-md border border-slate-400 bg-slate-50 p-3">{t("pipeline.page.coach.readOnly")}</p> : null}

      <Section id="placement" title={t("pipeline.page.placement.facts")}>
        <Facts
          items={[
            { label: t("pipeline.page.placement.started"), value: dayText(p.startedOn) },
            ...(p.endedOn ? [{ label: t("pipeline.page.placement.ended"), value: dayText(p.endedOn) }] : []),
            ...(p.endReason ? [{ label: t("pipeline.page.placement.endReason"), value: p.endReason }] : []),
            { label: t("pipeline.page.offer.hours"), value: t("pipeline.page.offer.hoursValue", { hours: p.offer.hoursPerWeek }) },
            { label: t("pipeline.page.offer.contract"), value: contractLabel(p.offer.contractType) },
            { label: t("pipeline.page.candidateStatus"), value: candidateStatusLabel(p.candidateStatus) },
          ]}
        />
      </Section>

      <Section id="job-coach" title={t("pipeline.page.placement.jobCoach")}>
        <JobCoachCard coach={p.jobCoach} />
        {p.handoverNote ? (
          <div className="mt-3 rounded-md bg-slate-50 p-3">
            <p className="font-semibold">{t("pipeline.page.handOver.noteTitle")}</p>
            <p className="whitespace-pre-line">{p.handoverNote}</p>
          </div>
        ) : null}
        {canAct && active && coaches.length > 0 ? <HandOverForm placementId={p.id} coaches={coaches} /> : null}
      </Section>

      <Section id="check-ins" title={t("pipeline.page.checkIn.title")}>
        <p className="mb-3 text-sm text-slate-700">{t("pipeline.page.checkIn.coachOnly")}</p>
        <CoachCheckIns checkIns={p.checkIns} canLog={canAct && active} today={today} />
      </Section>

      <Section id="retention" title={t("pipeline.page.retention.title")}>
        <RetentionList retention={p.retention} />
      </Section>

      {canAct && active ? <EndForm placementId={p.id} today={today} /> : null}
    </>
  );
}

function HandOverForm({ placementId, coaches }: { placementId: string; coaches: { userId: string; name: string; organisationName: string }[] }) {
  const [form, fields] = useIntentForm({ intent: "handOver", schema: handOverPlacementSchema });
  return (
    <StepBox title={t("pipeline.page.handOver.title")}>
      <IntentForm intent="handOver" form={form} fields={{ placementId }}>
        <SelectField
          label={t("pipeline.page.handOver.to")}
          selectProps={getSelectProps(fields.toCoachUserId)}
          options={coaches.map((c) => ({ value: c.userId, label: `${c.name} · ${c.organisationName}` }))}
          errors={fields.toCoachUserId.errors}
          errorId={fields.toCoachUserId.errorId}
        />
        <NoteField field={fields.note} label={t("pipeline.page.handOver.note")} help={t("pipeline.page.handOver.noteHelp")} maxLength={4000} required />
        <IntentButton intent="handOver" variant="secondary">
          {t("pipeline.page.handOver.submit")}
        </IntentButton>
      </IntentForm>
    </StepBox>
  );
}

function EndForm({ placementId, today }: { placementId: string; today: string }) {
  const [form, fields] = useIntentForm({
    intent: "end",
    schema: endPlacementSchema,
    defaultValue: { outcome: "completed", endedOn: today },
  });
  return (
    <Section id="end" title={t("pipeline.page.end.title")}>
      <IntentForm intent="end" form={form} fields={{ placementId }}>
        <SelectField
          label={t("pipeline.page.end.outcome")}
          selectProps={getSelectProps(fields.outcome)}
          options={[
            { value: "completed", label: t("pipeline.page.end.completed") },
            { value: "ended_early", label: t("pipeline.page.end.endedEarly") },
          ]}
          errors={fields.outcome.errors}
          errorId={fields.outcome.errorId}
        />
        <Field
          label={t("pipeline.page.end.endedOn")}
          inputProps={{ ...getInputProps(fields.endedOn, { type: "date" }), required: true, max: today }}
          errors={fields.endedOn.errors}
          errorId={fields.endedOn.errorId}
        />
        <NoteField field={fields.reason} label={t("pipeline.page.end.reason")} help={t("pipeline.page.end.reasonHelp")} maxLength={500} />
        <IntentButton intent="end" variant="danger">
          {t("pipeline.page.end.submit")}
        </IntentButton>
      </IntentForm>
    </Section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
