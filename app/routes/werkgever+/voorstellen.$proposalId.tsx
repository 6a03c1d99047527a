import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getInputProps, getSelectProps } from "@conform-to/react";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SelectField } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { DoneNotice, IntentButton, IntentForm, StepBox, useIntentForm } from "~/components/pipeline/forms";
import {
  CandidateUnavailableNotice,
  Facts,
  MeetingList,
  NoteField,
  OfferTerms,
  PlanMeetingForm,
  StatusBadge,
} from "~/components/pipeline/parts";
import { Thread } from "~/components/pipeline/thread";
import { PublicProfileView } from "~/components/public-profile";
import { toLocalDateTime } from "~/domain/candidates/intake-schemas";
import { addDays, dutchToday } from "~/domain/pipeline/dates";
import {
  donePath,
  intentSpec,
  localDateTimeField,
  notFound,
  readOrThrow,
  runIntent,
  sharedProposalIntents,
  stepOptions,
} from "~/domain/pipeline/http.server";
import { planMeeting } from "~/domain/pipeline/meetings.server";
import { listMessages } from "~/domain/pipeline/messages.server";
import { makeOffer, withdrawOffer } from "~/domain/pipeline/offers.server";
import { reviewProposal } from "~/domain/pipeline/proposals.server";
import { getProposal } from "~/domain/pipeline/queries.server";
import {
  offerTermsSchema,
  planMeetingSchema,
  reviewProposalSchema,
  withdrawOfferSchema,
} from "~/domain/pipeline/schemas";
import { heldUpByUnavailableCandidate, isClosedProposal, REJECTION_REASONS } from "~/domain/pipeline/transitions";
import { CONTRACT_TYPES } from "~/domain/vacancies/options";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("pipeline.page.list.title", { code: data.proposal.publicCode, vacancy: data.proposal.vacancy.title }) : t("error.title")} · ${t("app.name")}` },
];

const PERMISSION = "review:proposals:own-organisation" as const;

/** The employer's view of one proposal: the anonymised profile, identity only under consent. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const db = getDb();
  const { origin, now } = stepOptions(request);
  const { proposal } = readOrThrow(await getProposal(db, context, params.proposalId ?? "", { origin }));
  if (proposal.party !== "employer") notFound();
  const { messages } = readOrThrow(await listMessages(db, context, proposal.id));
  const today = dutchToday(now);
  return json({
    proposal,
    messages,
    now: now.toISOString(),
    nowLocal: toLocalDateTime(now),
    today,
    offerDefaults: { startDate: addDays(today, 14), expiresOn: addDays(today, 7) },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const db = getDb();
  const options = stepOptions(request);
  const formData = await request.formData();
  const proposalId = params.proposalId ?? "";
  // The page's own proposal, whatever the form says.
  if (formData.has("proposalId")) formData.set("proposalId", proposalId);
  const here = `/werkgever/voorstellen/${proposalId}`;
  return runIntent(formData, {
    ...sharedProposalIntents(db, context, options, here),
    review: intentSpec({
      schema: reviewProposalSchema,
      run: (v) => reviewProposal(db, context, v, options),
      done: (r) => donePath(here, r.status),
    }),
    plan: intentSpec({
      schema: planMeetingSchema,
      prepare: localDateTimeField("startsAt"),
      run: (v) => planMeeting(db, context, v, options),
      done: () => donePath(here, "meetingPlanned"),
    }),
    offer: intentSpec({
      schema: offerTermsSchema,
      run: (v) => makeOffer(db, context, v, options),
      done: () => donePath(here, "offerMade"),
    }),
    withdraw: intentSpec({
      schema: withdrawOfferSchema,
      run: (v) => withdrawOffer(db, context, v, options),
      done: () => donePath(here, "offerWithdrawn"),
    }),
  });
}

export default function EmployerProposal() {
  const { proposal: p, messages, now, nowLocal, offerDefaults } = useLoaderData<typeof loader>();
  const planned = p.meetings.some((m) => m.status === "planned");
  const openOffer = p.offers.find((o) => o.status === "open");
  // A new introduction after a cancelled one, as the server allows it (not while the candidate is unavailable).
  const canPlan =
    p.steps.includes("meeting_planned") || (p.status === "meeting_planned" && !planned && p.candidateAvailable);
  return (
    <>
      <PageTitle intro={t("pipeline.page.employer.intro", { vacancy: p.vacancy.title })}>
        {t("pipeline.page.list.title", { code: p.publicCode, vacancy: p.vacancy.title })}
      </PageTitle>
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <StatusBadge status={p.status} />
        <Link to={`/werkgever/vacatures/${p.vacancy.id}`} className="text-brand-700 underline">
          {t("pipeline.page.employer.toVacancy")}
        </Link>
      </p>
      <DoneNotice />
      {heldUpByUnavailableCandidate(p.status, p.candidateAvailable) ? <CandidateUnavailableNotice party="employer" /> : null}

      <Section id="who" title={t("pipeline.page.employer.who")}>
        {p.identity ? (
          <div className="mb-3 rounded-md border border-green-700 bg-green-50 p-3" data-testid="identity">
            <p className="font-semibold">{t("pipeline.page.identity.shared")}</p>
            <Facts
              items={[
                { label: t("pipeline.page.identity.name"), value: `${p.identity.firstName} ${p.identity.lastName}` },
                { label: t("pipeline.page.identity.phone"), value: p.identity.phone ?? t("pipeline.page.none") },
                { label: t("pipeline.page.identity.email"), value: p.identity.email ?? t("pipeline.page.none") },
              ]}
            />
          </div>
        ) : (
          <p className="mb-3 text-sm text-slate-700">{t("pipeline.page.identity.notShared")}</p>
        )}
        <Facts
          items={[
            { label: t("pipeline.page.coach"), value: p.coach ? `${p.coach.name} (${p.coach.email})` : t("pipeline.page.none") },
            ...(p.note ? [{ label: t("pipeline.page.note"), value: <span className="whitespace-pre-line">{p.note}</span> }] : []),
            ...(p.reason ? [{ label: t("pipeline.page.reason"), value: p.reason }] : []),
          ]}
        />
      </Section>

      {p.steps.includes("interested") || p.steps.includes("rejected") ? (
        <ReviewForms proposalId={p.id} version={p.version} canBeInterested={p.steps.includes("interested")} />
      ) : null}

      {p.status !== "requested" && p.status !== "proposed" && p.status !== "declined_by_coach" && p.status !== "rejected" ? (
        <Section id="meetings" title={t("pipeline.page.meeting.title")}>
          <MeetingList meetings={p.meetings} actions={p.status === "meeting_planned" ? { version: p.version, now, nowLocal } : undefined} />
          {canPlan ? <PlanMeetingForm proposalId={p.id} version={p.version} nowLocal={nowLocal} /> : null}
        </Section>
      ) : null}

      {p.offers.length > 0 || p.steps.includes("offer_made") ? (
        <Section id="offer" title={t("pipeline.page.offer.title")}>
          {p.offers.map((o) => (
            <div key={o.id} className="mb-4">
              <OfferTerms offer={o} showAdvice={false} />
            </div>
          ))}
          {openOffer ? <WithdrawForm offerId={openOffer.id} version={p.version} /> : null}
          {p.steps.includes("offer_made") ? <OfferForm proposalId={p.id} version={p.version} defaults={offerDefaults} /> : null}
        </Section>
      ) : null}

      <Section id="gesprek" title={t("pipeline.thread.title")}>
        <Thread messages={messages} canPost={!isClosedProposal(p.status)} masking={!p.identity} proposalId={p.id} />
      </Section>

      {p.profile ? (
        <section aria-label={t("pipeline.page.employer.profile")} className="mb-6">
          <PublicProfileView profile={p.profile} />
        </section>
      ) : null}
    </>
  );
}

function ReviewForms({
  proposalId,
  version,
  canBeInterested,
}: {
  proposalId: string;
  version: number;
  canBeInterested: boolean;
}) {
  const [rejectForm, rejected] = useIntentForm({
    intent: "review",
    target: "rejected",
    schema: reviewProposalSchema,
    defaultValue: { reasonCode: "skills" },
  });
  const fields = { proposalId, expectedVersion: version };
  return (
    <Section id="review" title={t("pipeline.page.review.title")}>
      <p className="mb-3">{t("pipeline.page.review.help")}</p>
      {canBeInterested ? (
        <IntentForm intent="review" target="interested" fields={{ ...fields, decision: "interested" }} className="mb-4">
          <IntentButton intent="review" target="interested">
            {t("pipeline.page.review.interested")}
          </IntentButton>
        </IntentForm>
      ) : null}
      <StepBox title={t("pipeline.page.review.rejectTitle")}>
        <IntentForm intent="review" target="rejected" form={rejectForm} fields={{ ...fields, decision: "rejected" }}>
          <SelectField
            label={t("pipeline.page.review.reason")}
            selectProps={getSelectProps(rejected.reasonCode)}
            options={REJECTION_REASONS.map((r) => ({ value: r, label: t(`pipeline.reason.rejected.${r}` as MessageKey) }))}
            errors={rejected.reasonCode.errors}
            errorId={rejected.reasonCode.errorId}
          />
          <NoteField
            field={rejected.reasonText}
            label={t("pipeline.page.review.reasonText")}
            help={t("pipeline.page.review.reasonTextHelp")}
            maxLength={500}
          />
          <IntentButton intent="review" target="rejected" variant="danger">
            {t("pipeline.page.review.reject")}
          </IntentButton>
        </IntentForm>
      </StepBox>
    </Section>
  );
}

function OfferForm({
  proposalId,
  version,
  defaults,
}: {
  proposalId: string;
  version: number;
  defaults: { startDate: string; expiresOn: string };
}) {
  const [form, fields] = useIntentForm({
    intent: "offer",
    schema: offerTermsSchema,
    defaultValue: { startDate: defaults.startDate, hoursPerWeek: "32", contractType: "tijdelijk", expiresOn: defaults.expiresOn },
  });
  return (
    <StepBox title={t("pipeline.page.offer.makeTitle")}>
      <p className="mb-3 text-sm text-slate-700">{t("pipeline.page.offer.makeHelp")}</p>
      <IntentForm intent="offer" form={form} fields={{ proposalId, expectedVersion: version }}>
        <Field
          label={t("pipeline.page.offer.startDate")}
          inputProps={{ ...getInputProps(fields.startDate, { type: "date" }), required: true }}
          errors={fields.startDate.errors}
          errorId={fields.startDate.errorId}
        />
        <Field
          label={t("pipeline.page.offer.hours")}
          inputProps={{ ...getInputProps(fields.hoursPerWeek, { type: "number" }), min: 1, max: 60, required: true }}
          errors={fields.hoursPerWeek.errors}
          errorId={fields.hoursPerWeek.errorId}
        />
        <SelectField
          label={t("pipeline.page.offer.contract")}
          selectProps={getSelectProps(fields.contractType)}
          options={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`vacancy.contract.${c}` as MessageKey) }))}
          errors={fields.contractType.errors}
          errorId={fields.contractType.errorId}
        />
        <Field
          label={t("pipeline.page.offer.wage")}
          inputProps={{ ...getInputProps(fields.wageIndication, { type: "text" }), maxLength: 200, placeholder: "€ 15 per uur" }}
          errors={fields.wageIndication.errors}
          errorId={fields.wageIndication.errorId}
        />
        <NoteField
          field={fields.firstDayDetails}
          label={t("pipeline.page.offer.firstDay")}
          help={t("pipeline.page.offer.firstDayHelp")}
          maxLength={2000}
        />
        <Field
          label={t("pipeline.page.offer.expiresOn")}
          help={t("pipeline.page.offer.expiresHelp")}
          inputProps={{ ...getInputProps(fields.expiresOn, { type: "date" }), required: true }}
          errors={fields.expiresOn.errors}
          errorId={fields.expiresOn.errorId}
        />
        <IntentButton intent="offer">{t("pipeline.page.offer.makeSubmit")}</IntentButton>
      </IntentForm>
    </StepBox>
  );
}

function WithdrawForm({ offerId, version }: { offerId: string; version: number }) {
  const [form, fields] = useIntentForm({ intent: "withdraw", target: offerId, schema: withdrawOfferSchema });
  return (
    <details className="mb-4" open={Object.keys(form.allErrors).length > 0 || undefined}>
      <summary className="cursor-pointer text-brand-700 underline">{t("pipeline.page.offer.withdraw")}</summary>
      <IntentForm intent="withdraw" target={offerId} form={form} fields={{ offerId, expectedVersion: version }} className="mt-2">
        <Field
          label={t("pipeline.page.offer.withdrawReason")}
          inputProps={{ ...getInputProps(fields.reason, { type: "text" }), required: true, maxLength: 500 }}
          errors={fields.reason.errors}
          errorId={fields.reason.errorId}
        />
        <IntentButton intent="withdraw" target={offerId} variant="danger">
          {t("pipeline.page.offer.withdrawSubmit")}
        </IntentButton>
      </IntentForm>
    </details>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
