import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getSelectProps } from "@conform-to/react";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import {
  CheckboxField,
  DoneNotice,
  IntentButton,
  IntentForm,
  StepBox,
  useIntentForm,
} from "~/components/pipeline/forms";
import { candidateStatusLabel } from "~/components/pipeline/format";
import {
  CandidateUnavailableNotice,
  Facts,
  MeetingList,
  NoteField,
  OfferTerms,
  StatusBadge,
} from "~/components/pipeline/parts";
import { Thread } from "~/components/pipeline/thread";
import { toLocalDateTime } from "~/domain/candidates/intake-schemas";
import {
  donePath,
  sharedProposalIntents,
  intentSpec,
  notFound,
  readOrThrow,
  runIntent,
  stepOptions,
} from "~/domain/pipeline/http.server";
import { listMessages } from "~/domain/pipeline/messages.server";
import { acceptOffer, declineOffer, recordOfferAdvice } from "~/domain/pipeline/offers.server";
import { decideRequest } from "~/domain/pipeline/proposals.server";
import { getProposal } from "~/domain/pipeline/queries.server";
import {
  answerOfferSchema,
  decideRequestSchema,
  offerAdviceSchema,
} from "~/domain/pipeline/schemas";
import {
  COACH_DECLINE_REASONS,
  heldUpByUnavailableCandidate,
  isClosedProposal,
} from "~/domain/pipeline/transitions";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? t("pipeline.page.list.title", { code: data.proposal.publicCode, vacancy: data.proposal.vacancy.title }) : t("error.title")} · ${t("app.name")}`,
  },
];

/**
 * The coach's view of a proposal of their caseload: everything of the case, including their own
 * notes. A colleague of the same organisation reads it without acting.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-caseload");
  const db = getDb();
  const { origin, now } = stepOptions(request);
  const { proposal } = readOrThrow(
    await getProposal(db, context, params.proposalId ?? "", { origin }),
  );
  if (proposal.party !== "coach") notFound();
  // A colleague may read the case, not its conversation.
  const thread = await listMessages(db, context, proposal.id);
  const readOnly = !thread.ok;
  return json({
    proposal,
    messages: thread.ok ? thread.messages : [],
    readOnly,
    now: now.toISOString(),
    nowLocal: toLocalDateTime(now),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, "propose:candidates");
  const db = getDb();
  const options = stepOptions(request);
  const formData = await request.formData();
  const proposalId = params.proposalId ?? "";
  if (formData.has("proposalId")) formData.set("proposalId", proposalId);
  const here = `/coach/voorstellen/${proposalId}`;
  return runIntent(formData, {
    ...sharedProposalIntents(db, context, options, here),
    decide: intentSpec({
      schema: decideRequestSchema,
      run: (v) => decideRequest(db, context, v, options),
      done: (r) => donePath(here, r.status),
    }),
    advice: intentSpec({
      schema: offerAdviceSchema,
      run: (v) => recordOfferAdvice(db, context, v, options),
      done: () => donePath(here, "advice"),
    }),
    accept: intentSpec({
      schema: answerOfferSchema,
      run: (v) => acceptOffer(db, context, v, options),
      done: (r) => donePath(`/coach/plaatsingen/${r.placementId}`, "placed"),
    }),
    decline: intentSpec({
      schema: answerOfferSchema,
      run: (v) => declineOffer(db, context, v, options),
      done: () => donePath(here, "declined"),
    }),
  });
}

export default function CoachProposal() {
  const { proposal: p, messages, readOnly, now, nowLocal } = useLoaderData<typeof loader>();
  const openOffer = p.offers.find((o) => o.status === "open");
  return (
    <>
      <PageTitle intro={t("pipeline.page.coach.intro", { employer: p.employerName })}>
        {t("pipeline.page.list.title", { code: p.publicCode, vacancy: p.vacancy.title })}
      </PageTitle>
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <StatusBadge status={p.status} />
        <Link to={`/coach/kandidaten/${p.candidateId}`} className="text-brand-700 underline">
          {t("pipeline.page.coach.toCandidate")}
        </Link>
        <Link to={`/coach/matches/kandidaat/${p.candidateId}`} className="text-brand-700 underline">
          {t("pipeline.page.coach.toMatches")}
        </Link>
      </p>
      <DoneNotice />
      {heldUpByUnavailableCandidate(p.status, p.candidateAvailable) ? <CandidateUnavailableNotice party="coach" /> : null}
      {readOnly ? (
        <p className="mb-4 rounded-md border border-slate-400 bg-slate-50 p-3">
          {t("pipeline.page.coach.readOnly")}
        </p>
      ) : null}

      <Section id="case" title={t("pipeline.page.coach.case")}>
        <Facts
          items={[
            { label: t("pipeline.page.vacancy"), value: `${p.vacancy.title} · ${p.employerName}` },
            {
              label: t("pipeline.page.candidateStatus"),
              value: candidateStatusLabel(p.candidateStatus),
            },
            {
              label: t("pipeline.page.identity.label"),
              value: p.identityShared
                ? t("pipeline.page.coach.identityShared")
                : t("pipeline.page.coach.identityNotShared"),
            },
            ...(p.note
              ? [
                  {
                    label: t("pipeline.page.note"),
                    value: <span className="whitespace-pre-line">{p.note}</span>,
                  },
                ]
              : []),
            ...(p.reason
              ? [
                  {
                    label: t("pipeline.page.reason"),
                    value: [p.reason, p.reasonText].filter(Boolean).join(": "),
                  },
                ]
              : []),
          ]}
        />
      </Section>

      {p.steps.includes("proposed") || p.steps.includes("declined_by_coach") ? (
        <DecideForms proposalId={p.id} version={p.version} canPropose={p.steps.includes("proposed")} />
      ) : null}

      {p.meetings.length > 0 ? (
        <Section id="meetings" title={t("pipeline.page.meeting.title")}>
          <p className="mb-3 text-sm text-slate-700">{t("pipeline.page.coach.meetingHelp")}</p>
          <MeetingList
            meetings={p.meetings}
            actions={
              !readOnly && p.status === "meeting_planned"
                ? { version: p.version, now, nowLocal }
                : undefined
            }
          />
        </Section>
      ) : null}

      {p.offers.length > 0 ? (
        <Section id="offer" title={t("pipeline.page.offer.title")}>
          {p.offers.map((o) => (
            <div key={o.id} className="mb-4">
              <OfferTerms offer={o} showAdvice />
            </div>
          ))}
          {openOffer && !readOnly ? (
            <OfferReview
              offerId={openOffer.id}
              version={p.version}
              advice={openOffer.coachAdvice}
              canAccept={p.steps.includes("accepted")}
            />
          ) : null}
        </Section>
      ) : null}

      {!readOnly ? (
        <Section id="gesprek" title={t("pipeline.thread.title")}>
          <Thread
            messages={messages}
            canPost={!isClosedProposal(p.status)}
            masking={!p.identityShared}
            proposalId={p.id}
          />
        </Section>
      ) : null}
    </>
  );
}

function DecideForms({
  proposalId,
  version,
  canPropose,
}: {
  proposalId: string;
  version: number;
  canPropose: boolean;
}) {
  const [proposeForm, propose] = useIntentForm({
    intent: "decide",
    target: "propose",
    schema: decideRequestSchema,
  });
  const [declineForm, decline] = useIntentForm({
    intent: "decide",
    target: "decline",
    schema: decideRequestSchema,
    defaultValue: { reasonCode: "not_ready" },
  });
  const fields = { proposalId, expectedVersion: version };
  return (
    <Section id="decide" title={t("pipeline.page.decide.title")}>
      <p className="mb-3">{t("pipeline.page.decide.help")}</p>
      {canPropose ? (
        <StepBox title={t("pipeline.page.decide.proposeTitle")}>
          <IntentForm
            intent="decide"
            target="propose"
            form={proposeForm}
            fields={{ ...fields, decision: "propose" }}
          >
            <NoteField
              field={propose.note}
              label={t("pipeline.page.decide.note")}
              help={t("pipeline.page.decide.noteHelp")}
              maxLength={1000}
            />
            <IntentButton intent="decide" target="propose">
              {t("pipeline.page.decide.propose")}
            </IntentButton>
          </IntentForm>
        </StepBox>
      ) : null}
      <StepBox title={t("pipeline.page.decide.declineTitle")}>
        <IntentForm
          intent="decide"
          target="decline"
          form={declineForm}
          fields={{ ...fields, decision: "decline" }}
        >
          <SelectField
            label={t("pipeline.page.decide.reason")}
            selectProps={getSelectProps(decline.reasonCode)}
            options={COACH_DECLINE_REASONS.map((r) => ({
              value: r,
              label: t(`pipeline.reason.declined.${r}` as MessageKey),
            }))}
            errors={decline.reasonCode.errors}
            errorId={decline.reasonCode.errorId}
          />
          <p className="mb-3 text-sm text-slate-700">{t("pipeline.page.decide.reasonHelp")}</p>
          <NoteField
            field={decline.note}
            label={t("pipeline.page.decide.privateNote")}
            maxLength={1000}
          />
          <IntentButton intent="decide" target="decline" variant="danger">
            {t("pipeline.page.decide.decline")}
          </IntentButton>
        </IntentForm>
      </StepBox>
    </Section>
  );
}

/** The coach reviews the offer with the candidate: advice, and the answer with the candidate present. */
function OfferReview({
  offerId,
  version,
  advice,
  canAccept,
}: {
  offerId: string;
  version: number;
  advice: string | null;
  canAccept: boolean;
}) {
  const [adviceForm, adviceFields] = useIntentForm({
    intent: "advice",
    target: offerId,
    schema: offerAdviceSchema,
    defaultValue: { advice: advice ?? "" },
  });
  const [acceptForm, accept] = useIntentForm({
    intent: "accept",
    target: offerId,
    schema: answerOfferSchema,
  });
  const [declineForm, decline] = useIntentForm({
    intent: "decline",
    target: offerId,
    schema: answerOfferSchema,
  });
  const fields = { offerId, expectedVersion: version };
  return (
    <>
      <StepBox title={t("pipeline.page.advice.title")}>
        <IntentForm intent="advice" target={offerId} form={adviceForm} fields={{ offerId }}>
          <NoteField
            field={adviceFields.advice}
            label={t("pipeline.page.advice.label")}
            help={t("pipeline.page.advice.help")}
            maxLength={4000}
            required
          />
          <IntentButton intent="advice" target={offerId}>
            {t("pipeline.page.advice.submit")}
          </IntentButton>
        </IntentForm>
      </StepBox>
      <StepBox title={t("pipeline.page.onBehalf.title")}>
        <p className="mb-3 text-sm text-slate-700">{t("pipeline.page.onBehalf.help")}</p>
        {canAccept ? (
          <IntentForm
            intent="accept"
            target={offerId}
            form={acceptForm}
            fields={fields}
            className="mb-4"
          >
            <CheckboxField
              field={accept.candidatePresent}
              label={t("pipeline.page.onBehalf.present")}
            />
            <CheckboxField field={accept.consent} label={t("pipeline.page.onBehalf.consent")} />
            <IntentButton intent="accept" target={offerId}>
              {t("pipeline.page.onBehalf.accept")}
            </IntentButton>
          </IntentForm>
        ) : null}
        <IntentForm intent="decline" target={offerId} form={declineForm} fields={fields}>
          <CheckboxField
            field={decline.candidatePresent}
            label={t("pipeline.page.onBehalf.present")}
          />
          <NoteField
            field={decline.reason}
            label={t("pipeline.page.answer.declineReason")}
            maxLength={500}
          />
          <IntentButton intent="decline" target={offerId} variant="danger">
            {t("pipeline.page.onBehalf.decline")}
          </IntentButton>
        </IntentForm>
      </StepBox>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
