import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, SelectField, SubmitButton, TextareaField } from "~/components/forms";
import { PageTitle } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { nominationSchema, TEXT_LIMITS, todayInNetherlands } from "~/domain/candidates/intake-schemas";
import { nominateCandidate } from "~/domain/candidates/nomination.server";
import { getGazetteer } from "~/domain/geo/gazetteer";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("candidates.nominate.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "nominate:candidates");
  const municipalities = [...getGazetteer().municipalities]
    .sort((a, b) => a.name.localeCompare(b.name, "nl"))
    .map((m) => ({ value: m.code, label: m.name }));
  return json({ prisonName: context.organisation?.name ?? "", today: todayInNetherlands(), municipalities });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requirePermission(request, "nominate:candidates");
  const submission = parseWithZod(await request.formData(), { schema: nominationSchema(todayInNetherlands()) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await nominateCandidate(getDb(), context, submission.value, requestOrigin(request));
  if (!result.ok) {
    if (result.reason === "not_a_prison") throw new Response("Forbidden", { status: 403 });
    return json(submission.reply({ formErrors: [t("candidates.nominate.duplicate")] }), { status: 400 });
  }
  return redirect(`/pi/kandidaten/${result.candidateId}?aangemeld=1`);
}

export default function NominateCandidate() {
  const { prisonName, today, municipalities } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = nominationSchema(today);
  const [form, fields] = useForm<z.input<typeof schema>>({
    id: "nominate",
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <PageTitle intro={t("candidates.nominate.intro", { prison: prisonName })}>{t("candidates.nominate.title")}</PageTitle>
      <Form method="post" {...getFormProps(form)} className="max-w-2xl rounded-lg bg-white p-6 shadow">
        <FormError id={form.errorId} errors={form.errors} />
        <fieldset className="mb-4">
          <legend className="mb-2 text-lg font-semibold">{t("candidates.nominate.identity")}</legend>
          <p className="mb-3 text-sm text-slate-700">{t("candidates.nominate.identityHelp")}</p>
          <Field label={t("candidates.field.firstName")} inputProps={{ ...getInputProps(fields.firstName, { type: "text" }), autoComplete: "off" }} errors={fields.firstName.errors} errorId={fields.firstName.errorId} />
          <Field label={t("candidates.field.lastName")} inputProps={{ ...getInputProps(fields.lastName, { type: "text" }), autoComplete: "off" }} errors={fields.lastName.errors} errorId={fields.lastName.errorId} />
          <Field label={t("candidates.field.dateOfBirth")} inputProps={getInputProps(fields.dateOfBirth, { type: "date" })} errors={fields.dateOfBirth.errors} errorId={fields.dateOfBirth.errorId} />
          <Field label={t("candidates.field.phoneOptional")} inputProps={{ ...getInputProps(fields.phone, { type: "tel" }), autoComplete: "off" }} errors={fields.phone.errors} errorId={fields.phone.errorId} />
          <Field label={t("candidates.field.emailOptional")} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off" }} errors={fields.email.errors} errorId={fields.email.errorId} />
        </fieldset>
        <fieldset className="mb-4">
          <legend className="mb-2 text-lg font-semibold">{t("candidates.nominate.detention")}</legend>
          <Field label={t("candidates.field.releaseDate")} inputProps={getInputProps(fields.releaseDate, { type: "date" })} errors={fields.releaseDate.errors} errorId={fields.releaseDate.errorId} />
          <Field
            label={t("candidates.field.workExperienceAllowedFrom")}
            help={t("candidates.field.workExperienceAllowedFromHelp")}
            inputProps={getInputProps(fields.workExperienceAllowedFrom, { type: "date" })}
            errors={fields.workExperienceAllowedFrom.errors}
            errorId={fields.workExperienceAllowedFrom.errorId}
          />
          <SelectField
            label={t("candidates.field.municipality")}
            selectProps={getSelectProps(fields.municipalityCode)}
            options={[{ value: "", label: t("candidates.field.municipalityChoose") }, ...municipalities]}
            errors={fields.municipalityCode.errors}
            errorId={fields.municipalityCode.errorId}
          />
        </fieldset>
        <fieldset className="mb-4">
          <legend className="mb-2 text-lg font-semibold">{t("candidates.nominate.motivation")}</legend>
          <TextareaField
            label={t("candidates.field.motivationAssessment")}
            help={t("candidates.field.motivationAssessmentHelp", { max: TEXT_LIMITS.motivation })}
            textareaProps={getTextareaProps(fields.motivationAssessment)}
            errors={fields.motivationAssessment.errors}
            errorId={fields.motivationAssessment.errorId}
          />
          <div className="mb-4">
            <label className="flex items-start gap-2">
              <input {...getInputProps(fields.participationAgreed, { type: "checkbox" })} className="mt-1 h-4 w-4" />
              <span>{t("candidates.field.participationAgreed")}</span>
            </label>
            {fields.participationAgreed.errors?.length ? (
              <p id={fields.participationAgreed.errorId} className="mt-1 text-sm text-red-700">
                {fields.participationAgreed.errors[0]}
              </p>
            ) : null}
          </div>
        </fieldset>
        <SubmitButton pendingText={t("form.saving")}>{t("candidates.nominate.submit")}</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
