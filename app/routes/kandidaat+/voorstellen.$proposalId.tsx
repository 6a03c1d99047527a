import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { CheckboxField, DoneNotice, IntentButton, IntentForm, StepBox, useIntentForm } from "~/components/pipeline/forms";
import { proposalStatusLabel } from "~/components/pipeline/format";
import { CandidateUnavailableNotice, MeetingList, NoteField, OfferTerms } from "~/components/pipeline/parts";
import { Thread } from "~/components/pipeline/thread";
import { donePath, intentSpec, notFound, readOrThrow, runIntent, stepOptions } from "~/domain/pipeline/http.server";
import { listMessages, postMessage } from "~/domain/pipeline/messages.server";
import { acceptOffer, declineOffer } from "~/domain/pipeline/offers.server";
import { getProposal } from "~/domain/pipeline/queries.server";
import { answerOfferSchema, postMessageSchema } from "~/domain/pipeline/schemas";
import { candidateTakesPart, heldUpByUnavailableCandidate, isClosedProposal } from "~/domain/pipeline/transitions";
import { t } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.proposal.vacancy.title : t("error.title")} · ${t("app.name")}` },
];

/** The candidate's own introduction and offer: terms, the coach's advice, their answer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:profile:own");
  const db = getDb();
  const { origin } = stepOptions(request);
  const { proposal } = readOrThrow(await getProposal(db, context, params.proposalId ?? "", { origin }));
  if (proposal.party !== "candidate") notFound();
  const messages = candidateTakesPart(proposal.status)
    ? readOrThrow(await listMessages(db, context, proposal.id)).messages
    : [];
  return json({ proposal, messages });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, "manage:consents:own");
  const db = getDb();
  const options = stepOptions(request);
  const formData = await request.formData();
  const proposalId = params.proposalId ?? "";
  if (formData.has("proposalId")) formData.set("proposalId", proposalId);
  const here = `/kandidaat/voorstellen/${proposalId}`;
  return runIntent(formData, {
    accept: intentSpec({
      schema: answerOfferSchema,
      run: (v) => acceptOffer(db, context, { ...v, candidatePresent: false }, options),
      done: () => donePath("/kandidaat/werk", "placed"),
    }),
    decline: intentSpec({
      schema: answerOfferSchema,
      run: (v) => declineOffer(db, context, { ...v, candidatePresent: false }, options),
      done: () => donePath(here, "declined"),
    }),
    message: intentSpec({
      schema: postMessageSchema,
      run: (v) => postMessage(db, context, v, options),
      done: () => `${here}#gesprek`,
    }),
  });
}

export default function CandidateProposal() {
  const { proposal: p, messages } = useLoaderData<typeof loader>();
  const openOffer = p.offers.find((o) => o.status === "open");
  const consented = p.offers.some((o) => o.status === "accepted");
  return (
    <div className="text-lg">
      <PageTitle intro={t("pipeline.page.candidate.intro", { employer: p.employerName })}>{p.vacancy.title}</PageTitle>
      <p className="mb-4">
        <span className="font-semibold">{t("pipeline.page.candidate.where")}</span> {proposalStatusLabel(p.status)}
      </p>
      <DoneNotice />
      {heldUpByUnavailableCandidate(p.status, p.candidateAvailable) ? <CandidateUnavailableNotice party="candidate" /> : null}

      {p.coach ? (
        <Section id="coach" title={t("pipeline.page.candidate.coachTitle")}>
          <p>{t("pipeline.page.candidate.coachHelp", { name: p.coach.name })}</p>
          <p>
            <a className="text-brand-700 underline" href={`mailto:${p.coach.email}`}>
              {p.coach.email}
            </a>
          </p>
        </Section>
      ) : null}

      {p.meetings.length > 0 ? (
        <Section id="meetings" title={t("pipeline.page.candidate.meetingTitle")}>
          <p className="mb-3">{t("pipeline.page.candidate.meetingHelp")}</p>
          <MeetingList meetings={p.meetings} />
        </Section>
      ) : null}

      {p.offers.length > 0 ? (
        <Section id="offer" title={t("pipeline.page.candidate.offerTitle")}>
          {p.offers.map((o) => (
            <div key={o.id} className="mb-4">
              <OfferTerms offer={o} showAdvice />
            </div>
          ))}
          {openOffer ? (
            <AnswerForms offerId={openOffer.id} version={p.version} employer={p.employerName} canAccept={p.steps.includes("accepted")} />
          ) : null}
        </Section>
      ) : null}

      {candidateTakesPart(p.status) ? (
        <Section id="gesprek" title={t("pipeline.thread.title")}>
          <Thread messages={messages} canPost={!isClosedProposal(p.status)} masking={!consented} proposalId={p.id} />
        </Section>
      ) : null}

      <p>
        <Link to="/kandidaat/voorstellen" className="text-brand-700 underline">
          {t("pipeline.page.candidate.back")}
        </Link>
      </p>
    </div>
  );
}

function AnswerForms({
  offerId,
  version,
  employer,
  canAccept,
}: {
  offerId: string;
  version: number;
  employer: string;
  canAccept: boolean;
}) {
  const [acceptForm, accept] = useIntentForm({ intent: "accept", target: offerId, schema: answerOfferSchema });
  const [declineForm, decline] = useIntentForm({ intent: "decline", target: offerId, schema: answerOfferSchema });
  const fields = { offerId, expectedVersion: version };
  return (
    <>
      {canAccept ? (
        <StepBox title={t("pipeline.page.answer.acceptTitle")}>
          <p className="mb-3">{t("pipeline.page.answer.together")}</p>
          <IntentForm intent="accept" target={offerId} form={acceptForm} fields={fields}>
            <CheckboxField field={accept.consent} label={t("pipeline.page.answer.consent", { employer })} />
            <IntentButton intent="accept" target={offerId}>
              {t("pipeline.page.answer.accept")}
            </IntentButton>
          </IntentForm>
        </StepBox>
      ) : null}
      <StepBox title={t("pipeline.page.answer.declineTitle")}>
        <IntentForm intent="decline" target={offerId} form={declineForm} fields={fields}>
          <NoteField field={decline.reason} label={t("pipeline.page.answer.declineReason")} maxLength={500} />
          <IntentButton intent="decline" target={offerId} variant="danger">
            {t("pipeline.page.answer.decline")}
          </IntentButton>
        </IntentForm>
      </StepBox>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
