import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { SavedNotice } from "~/components/candidate-intake";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormError, SubmitButton, TextareaField } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { requireScopedCandidate } from "~/domain/candidates/access.server";
import { readCoachCandidate } from "~/domain/candidates/caseload.server";
import { INTAKE_EDITABLE, saveBasicConditions, saveConstraints } from "~/domain/candidates/intake.server";
import {
  BASIC_CONDITION_STATUSES,
  basicConditionsSchema,
  constraintsSchema,
  TEXT_LIMITS,
  VOG_RISK_AREAS,
} from "~/domain/candidates/intake-schemas";
import { getGazetteer } from "~/domain/geo/gazetteer";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("candidates.intake.title")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-caseload");
  const c = await readCoachCandidate(getDb(), context, params.candidateId, "coach.intake", requestOrigin(request));
  const municipalities = [...getGazetteer().municipalities]
    .sort((a, b) => a.name.localeCompare(b.name, "nl"))
    .map((m) => ({ value: m.code, label: m.name }));
  return json({
    candidate: { id: c.id, firstName: c.firstName, lastName: c.lastName, status: c.status },
    canWrite: c.canWrite && INTAKE_EDITABLE.includes(c.status),
    conditions: c.conditions,
    constraints: { ...c.constraints, areaBans: c.constraints.areaBans.map((b) => b.code) },
    municipalities,
  });
}

const IntentSchema = z.object({ intent: z.enum(["conditions", "constraints"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, "write:profiles:own-caseload");
  const db = getDb();
  const candidate = await requireScopedCandidate(db, context, params.candidateId, "write");
  const formData = await request.formData();
  const chosen = parseWithZod(formData, { schema: IntentSchema });
  if (chosen.status !== "success") return json({ intent: null, result: chosen.reply() }, { status: 400 });
  const origin = requestOrigin(request);
  const submission =
    chosen.value.intent === "conditions"
      ? parseWithZod(formData, { schema: basicConditionsSchema })
      : parseWithZod(formData, { schema: constraintsSchema });
  const intent = chosen.value.intent;
  if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
  const { intent: _i, ...value } = submission.value;
  const result =
    "vogRiskAreas" in value
      ? await saveConstraints(db, context, candidate.id, value, origin)
      : await saveBasicConditions(db, context, candidate.id, value, origin);
  if (result.ok) return redirect(`/coach/kandidaten/${candidate.id}/intake?bewaard=${intent}`);
  if (result.reason === "not_found") throw new Response("Not Found", { status: 404 });
  return json({ intent, result: submission.reply({ formErrors: [t("candidates.form.invalidState")] }) }, { status: 400 });
}

export default function Intake() {
  const { candidate: c, canWrite, conditions, constraints, municipalities } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("bewaard");
  const [conditionsForm, conditionFields] = useForm<z.input<typeof basicConditionsSchema>>({
    id: "conditions",
    lastResult: data?.intent === "conditions" ? data.result : undefined,
    defaultValue: Object.fromEntries(conditions.map((k) => [k.kind, { status: k.status, note: k.note }])),
  });
  const [constraintsForm, constraintFields] = useForm<z.input<typeof constraintsSchema>>({
    id: "constraints",
    lastResult: data?.intent === "constraints" ? data.result : undefined,
    defaultValue: {
      vogRiskAreas: constraints.vogRiskAreas,
      areaBanMunicipalityCodes: constraints.areaBans,
      leaveHourLimits: constraints.leaveHourLimits,
    },
  });
  const disabled = !canWrite;
  return (
    <>
      <PageTitle intro={t("candidates.intake.intro")}>{t("candidates.intake.titleFor", { name: `${c.firstName} ${c.lastName}` })}</PageTitle>
      <p className="mb-4">
        <Link to={`/coach/kandidaten/${c.id}`} className="text-brand-700 underline">{t("candidates.detail.back")}</Link>
      </p>
      <SavedNotice show={saved === "start-intake"}>{t("candidates.intake.started")}</SavedNotice>
      <SavedNotice show={saved === "conditions" || saved === "constraints"}>{t("candidates.form.saved")}</SavedNotice>
      {data?.intent === null ? <FormError errors={[t("error.badRequest")]} /> : null}
      <Section id="conditions" title={t("candidates.conditions.title")}>
        <p className="mb-3 text-sm text-slate-700">{t("candidates.conditions.help")}</p>
        <Form method="post" {...getFormProps(conditionsForm)}>
          <FormError id={conditionsForm.errorId} errors={conditionsForm.errors} />
          <input type="hidden" name="intent" value="conditions" />
          <fieldset disabled={disabled}>
            {conditions.map(({ kind }) => {
              const fieldset = conditionFields[kind].getFieldset();
              return (
                <fieldset key={kind} className="mb-4 rounded-md border border-slate-200 p-3">
                  <legend className="px-1 font-semibold">{t(`candidates.conditions.kind.${kind}` as MessageKey)}</legend>
                  <div className="flex flex-wrap gap-4">
                    {BASIC_CONDITION_STATUSES.map((status) => (
                      <label key={status} className="flex items-center gap-2">
                        <input
                          type="radio"
                          name={fieldset.status.name}
                          value={status}
                          defaultChecked={fieldset.status.initialValue === status}
                          className="h-4 w-4"
                        />
                        <span>{t(`candidates.conditions.status.${status}` as MessageKey)}</span>
                      </label>
                    ))}
                  </div>
                  <ErrorList id={fieldset.status.errorId} errors={fieldset.status.errors} />
                  <TextareaField
                    label={t("candidates.conditions.note")}
                    textareaProps={{ ...getTextareaProps(fieldset.note), rows: 2, maxLength: TEXT_LIMITS.note }}
                    errors={fieldset.note.errors}
                    errorId={fieldset.note.errorId}
                  />
                </fieldset>
              );
            })}
            {canWrite ? <SubmitButton pendingText={t("form.saving")}>{t("candidates.conditions.save")}</SubmitButton> : null}
          </fieldset>
        </Form>
      </Section>
      <Section id="constraints" title={t("candidates.constraints.title")}>
        <p className="mb-3 text-sm text-slate-700">{t("candidates.constraints.hiddenNote")}</p>
        <Form method="post" {...getFormProps(constraintsForm)}>
          <FormError id={constraintsForm.errorId} errors={constraintsForm.errors} />
          <input type="hidden" name="intent" value="constraints" />
          <fieldset disabled={disabled}>
            <fieldset className="mb-4">
              <legend className="font-medium">{t("candidates.constraints.vog")}</legend>
              <p className="text-sm text-slate-700">{t("candidates.constraints.vogHelp")}</p>
              <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2">
                {VOG_RISK_AREAS.map((area) => (
                  <label key={area} className="flex items-center gap-2">
                    <input type="checkbox" name={constraintFields.vogRiskAreas.name} value={area} defaultChecked={constraints.vogRiskAreas.includes(area)} className="h-4 w-4" />
                    <span>{t(`candidates.vog.${area}` as MessageKey)}</span>
                  </label>
                ))}
              </div>
              <ErrorList errors={constraintFields.vogRiskAreas.errors} />
            </fieldset>
            <div className="mb-4">
              <label htmlFor="area-bans" className="block font-medium">{t("candidates.constraints.areaBans")}</label>
              <p className="text-sm text-slate-700">{t("candidates.constraints.areaBansHelp")}</p>
              <select id="area-bans" name={constraintFields.areaBanMunicipalityCodes.name} multiple defaultValue={constraints.areaBans} size={8} className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2">
                {municipalities.map((m) => (
                  <option key={m.value} value={m.value}>{m.label}</option>
                ))}
              </select>
              <ErrorList errors={constraintFields.areaBanMunicipalityCodes.errors ?? Object.values(constraintFields.areaBanMunicipalityCodes.allErrors).flat()} />
            </div>
            <TextareaField
              label={t("candidates.constraints.leaveHours")}
              help={t("candidates.constraints.leaveHoursHelp")}
              textareaProps={{ ...getTextareaProps(constraintFields.leaveHourLimits), rows: 2, maxLength: TEXT_LIMITS.leaveHours }}
              errors={constraintFields.leaveHourLimits.errors}
              errorId={constraintFields.leaveHourLimits.errorId}
            />
            {canWrite ? <SubmitButton pendingText={t("form.saving")}>{t("candidates.constraints.save")}</SubmitButton> : null}
          </fieldset>
        </Form>
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
