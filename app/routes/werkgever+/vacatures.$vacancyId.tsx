import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary, invariantResponse } from "~/components/error-boundary";
import { Field, FormError, SelectField, SubmitButton } from "~/components/forms";
import { PageTitle, Section, StatList } from "~/components/home";
import { ProposalList } from "~/components/pipeline/parts";
import { listVacancyProposals } from "~/domain/pipeline/queries.server";
import { dutchToday } from "~/domain/vacancies/dates";
import {
  formDefaults,
  serverUpdateSchema,
  serverVacancySchema,
  titleSuggestions,
  toVacancyInput,
} from "~/domain/vacancies/form.server";
import { describeFailure, employerActor } from "~/domain/vacancies/http.server";
import { actionsFor, canFillPositions, isEditable, type VacancyAction } from "~/domain/vacancies/lifecycle";
import { placeSuggestions } from "~/domain/vacancies/place.server";
import { getOrganisationVacancy, proposalCounts } from "~/domain/vacancies/queries.server";
import { CLOSE_REASONS, fillIntentSchema, lifecycleIntentSchemas } from "~/domain/vacancies/schema";
import { changeVacancyStatus, recordFilledPositions, updateVacancy } from "~/domain/vacancies/vacancies.server";
import { checkVacancyWording, type WordingWarning } from "~/domain/vacancies/wording";
import { dayLabel } from "~/utils/dates";
import { t, type MessageKey } from "~/i18n";
import { VacancyDetails } from "../vacatures+/__vacancy-details";
import { Notice, useVacancyForm, VacancyFields, WordingWarnings } from "./__vacancy-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.vacancy.title ?? t("employer.vacancies.title")} · ${t("app.name")}` },
];

async function loadOwnVacancy(request: Request, vacancyId: string | undefined) {
  const context = await requirePermission(request, "write:vacancies:own-organisation");
  const actor = employerActor(context, request);
  const vacancy = await getOrganisationVacancy(getDb(), actor.organisationId, vacancyId);
  invariantResponse(vacancy, "Not Found", { status: 404 });
  return { context, actor, vacancy };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { context, vacancy } = await loadOwnVacancy(request, params.vacancyId);
  const counts = await proposalCounts(getDb(), [vacancy.id]);
  // The proposal inbox (public codes and headlines only; empty for an unverified employer).
  const inbox = await listVacancyProposals(getDb(), context, vacancy.id);
  return json({
    inbox,
    vacancy: { ...vacancy, publishedAt: vacancy.publishedAt?.toISOString() ?? null },
    defaults: formDefaults(vacancy),
    version: vacancy.updatedAt.toISOString(),
    warnings: checkVacancyWording(vacancy),
    verified: context.organisation?.verificationStatus === "verified",
    proposals: counts.get(vacancy.id)!,
    titles: isEditable(vacancy.status) ? titleSuggestions() : [],
    places: isEditable(vacancy.status) ? placeSuggestions() : [],
  });
}

const done = (id: string, what: string) => redirect(`/werkgever/vacatures/${id}?gedaan=${what}`);
const lifecycleDone: Record<VacancyAction, string> = { publish: "published", pause: "paused", resume: "resumed", close: "closed" };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, vacancy } = await loadOwnVacancy(request, params.vacancyId);
  const db = getDb();
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const saved = { startDate: vacancy.startDate, expiresOn: vacancy.expiresOn, positionsFilled: vacancy.positionsFilled };
  const refused = (intent: string, reply: SubmissionResult<string[]>, status: number) =>
    json({ intent, result: reply, warnings: [] as WordingWarning[], checked: false }, { status });

  if (intent === "update" || intent === "preview") {
    const schema = intent === "update" ? serverUpdateSchema({ today: dutchToday(), saved }) : serverVacancySchema({ today: dutchToday(), saved });
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return refused(intent, submission.reply(), 400);
    const input = toVacancyInput(submission.value);
    if (intent === "preview") {
      return json({ intent, result: submission.reply(), warnings: checkVacancyWording(input), checked: true });
    }
    const version = formData.get("version");
    const outcome = await updateVacancy(db, actor, vacancy.id, input, {
      version: typeof version === "string" && version ? version : undefined,
    });
    if (!outcome.ok) {
      const { status, message } = describeFailure(outcome.reason);
      return refused(intent, submission.reply({ formErrors: [message] }), status);
    }
    return done(vacancy.id, outcome.vacancy.status === "filled" ? "filled" : "updated");
  }

  if (intent === "fill") {
    const submission = parseWithZod(formData, { schema: fillIntentSchema(vacancy.positions - vacancy.positionsFilled) });
    if (submission.status !== "success") return refused(intent, submission.reply(), 400);
    const outcome = await recordFilledPositions(db, {
      vacancyId: vacancy.id,
      count: submission.value.count,
      scopeOrganisationId: actor.organisationId,
      actor,
      origin: actor.origin,
    });
    if (!outcome.ok) {
      const { status, message } = describeFailure(outcome.reason);
      return refused(intent, submission.reply({ formErrors: [message] }), status);
    }
    return done(vacancy.id, outcome.filled ? "filled" : "positionsFilled");
  }

  if (intent in lifecycleIntentSchemas) {
    const action = intent as VacancyAction;
    const submission = parseWithZod(formData, { schema: lifecycleIntentSchemas[action] });
    if (submission.status !== "success") return refused(intent, submission.reply(), 400);
    const reason = "reason" in submission.value ? submission.value.reason : undefined;
    const outcome = await changeVacancyStatus(db, actor, vacancy.id, action, {
      expectedFrom: submission.value.from,
      details: reason ? { reason } : undefined,
    });
    if (!outcome.ok) {
      const { status, message } = describeFailure(outcome.reason);
      return refused(intent, submission.reply({ formErrors: [message] }), status);
    }
    return done(vacancy.id, lifecycleDone[action]);
  }
  const unknownIntent: SubmissionResult<string[]> = { status: "error", error: { "": [t("error.badRequest")] } };
  return refused(intent, unknownIntent, 400);
}

const doneMessages: Record<string, MessageKey> = {
  created: "vacancy.outcome.created",
  updated: "vacancy.outcome.updated",
  published: "vacancy.outcome.published",
  paused: "vacancy.outcome.paused",
  resumed: "vacancy.outcome.resumed",
  closed: "vacancy.outcome.closed",
  filled: "vacancy.outcome.filled",
  positionsFilled: "vacancy.outcome.positionsFilled",
};

const secondary =
  "inline-flex items-center rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50";

export default function EmployerVacancy() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const v = data.vacancy;
  const editable = isEditable(v.status);
  const formResult = result?.intent === "update" || result?.intent === "preview" ? result.result : undefined;
  const [form, fields] = useVacancyForm({
    id: `vacancy-${v.id}`,
    lastResult: formResult,
    defaultValue: data.defaults,
    saved: { startDate: v.startDate, expiresOn: v.expiresOn, positionsFilled: v.positionsFilled },
  });
  const doneKey = doneMessages[params.get("gedaan") ?? ""];
  const lifecycleErrors = result && result.intent !== "update" && result.intent !== "preview" ? result.result?.error?.[""] : undefined;
  const warnings = result?.checked ? result.warnings : data.warnings;
  const status = t(`vacancy.status.${v.status}` as MessageKey);
  return (
    <>
      <PageTitle intro={t("employer.vacancy.status", { status })}>{v.title}</PageTitle>
      <p className="mb-4">
        <Link to="/werkgever/vacatures" className="text-brand-700 underline">
          {t("employer.vacancy.back")}
        </Link>
      </p>
      {doneKey && !result ? (
        <Notice>{t(doneKey, { filled: v.positionsFilled, positions: v.positions })}</Notice>
      ) : null}
      {result?.checked && result.warnings.length === 0 ? <Notice>{t("vacancy.outcome.previewClean")}</Notice> : null}
      <FormError errors={lifecycleErrors ?? undefined} />
      {!data.verified && (v.status === "draft" || v.status === "paused") ? (
        <p role="status" className="mb-4 rounded-md border border-amber-600 bg-amber-50 p-3">
          {t("employer.vacancies.notVerified")}
        </p>
      ) : null}

      <Section id="state" title={t("employer.vacancy.actions")}>
        <p className="mb-3">
          {t("employer.vacancy.positions", { filled: v.positionsFilled, positions: v.positions })}
          {v.expiresOn ? ` · ${t("employer.vacancy.expiresOn", { date: dayLabel(v.expiresOn) })}` : ""}
        </p>
        <div className="flex flex-wrap items-end gap-4">
          {actionsFor(v.status).map((a) => (
            <Form method="post" key={a} className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value={a} />
              <input type="hidden" name="from" value={v.status} />
              {a === "close" ? (
                <SelectField
                  label={t("employer.vacancy.closeReason")}
                  selectProps={{ id: "close-reason", name: "reason", defaultValue: "no_longer_needed" }}
                  options={CLOSE_REASONS.map((r) => ({ value: r, label: t(`employer.vacancy.closeReason.${r}` as MessageKey) }))}
                />
              ) : null}
              <div className="mb-4">
                <SubmitButton className={a === "publish" || a === "resume" ? undefined : secondary}>
                  {t(`employer.vacancy.action.${a}` as MessageKey)}
                </SubmitButton>
              </div>
            </Form>
          ))}
        </div>
        {canFillPositions(v.status) ? (
          <Form method="post" className="mt-2 border-t border-slate-200 pt-3">
            <h3 className="font-semibold">{t("employer.vacancy.fillTitle")}</h3>
            <p className="mb-2 text-sm text-slate-700">{t("employer.vacancy.fillHelp")}</p>
            <input type="hidden" name="intent" value="fill" />
            <div className="flex flex-wrap items-end gap-3">
              <Field
                label={t("employer.vacancy.fillCount")}
                inputProps={{ id: "fill-count", name: "count", type: "number", min: 1, max: v.positions - v.positionsFilled, defaultValue: 1 }}
                errors={result?.intent === "fill" ? result.result?.error?.count ?? undefined : undefined}
              />
              <div className="mb-4">
                <SubmitButton className={secondary}>
                  {t("employer.vacancy.fillSubmit")}
                </SubmitButton>
              </div>
            </div>
          </Form>
        ) : null}
      </Section>

      <Section id="proposals" title={t("employer.vacancy.proposals")}>
        <StatList
          items={Object.entries(data.proposals).map(([s, n]) => ({ label: t(`employer.home.proposal.${s}` as MessageKey), value: n }))}
        />
        <div className="mt-3">
          <ProposalList items={data.inbox} linkBase="/werkgever/voorstellen" showEmployer={false} empty="" />
        </div>
      </Section>

      <WordingWarnings warnings={editable ? warnings : []} />
      {editable ? (
        <Section id="edit" title={t("employer.vacancy.edit")}>
          <Form method="post" {...getFormProps(form)}>
            <FormError id={form.errorId} errors={form.errors} />
            <input type="hidden" name="version" value={data.version} />
            <VacancyFields fields={fields} titles={data.titles} places={data.places} />
            <div className="flex flex-wrap gap-3">
              <SubmitButton name="intent" value="update">
                {t("employer.vacancy.save")}
              </SubmitButton>
              <SubmitButton name="intent" value="preview" className={secondary}>
                {t("employer.vacancy.check")}
              </SubmitButton>
            </div>
          </Form>
        </Section>
      ) : (
        <Section id="details" title={t("employer.vacancy.readOnly", { status: status.toLowerCase() })}>
          <VacancyDetails vacancy={v} />
        </Section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
