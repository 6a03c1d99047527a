import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary, invariantResponse } from "~/components/error-boundary";
import { Field, FormError, SelectField, SubmitButton, TextareaField } from "~/components/forms";
import { PageTitle } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { lockedProfileSchema, openProfileSchema } from "~/domain/organisations/profile";
import {
  getEmployerProfile,
  identityLocked,
  parseProfileForm,
  updateEmployerProfile,
} from "~/domain/organisations/profile.server";
import { ORGANISATION_SIZES, SECTORS } from "~/domain/vacancies/options";
import { placeSuggestions } from "~/domain/vacancies/place.server";
import { checkWording } from "~/domain/vacancies/wording";
import { t, type MessageKey } from "~/i18n";
import { Notice, WordingWarnings } from "./__vacancy-form";

export const meta: MetaFunction = () => [{ title: `${t("employer.profile.title")} · ${t("app.name")}` }];

async function ownProfile(request: Request) {
  const context = await requirePermission(request, "manage:organisation-profile");
  const organisationId = context.organisation?.kind === "employer" ? context.organisation.id : null;
  const profile = organisationId ? await getEmployerProfile(getDb(), organisationId) : null;
  invariantResponse(profile, "Not Found", { status: 404 });
  return { context, profile };
}

// The fair-chance statement is about the organisation, not one job: only the wording rules apply.
const statementTips = (text: string | null) =>
  checkWording({ vogRequired: true, fields: { fairChanceStatement: text } });

export async function loader({ request }: LoaderFunctionArgs) {
  const { profile } = await ownProfile(request);
  const { id: _id, kind: _kind, ...shown } = profile;
  return json({
    profile: shown,
    locked: identityLocked(profile.verificationStatus),
    places: placeSuggestions(),
    warnings: statementTips(profile.fairChanceStatement),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { context, profile } = await ownProfile(request);
  const locked = identityLocked(profile.verificationStatus);
  const submission = parseProfileForm(await request.formData(), locked);
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  const outcome = await updateEmployerProfile(
    getDb(),
    { userId: context.user.id, organisationId: profile.id, origin: requestOrigin(request) },
    submission.value,
  );
  if (!outcome.ok) {
    if (outcome.reason === "not_found") throw new Response("Not Found", { status: 404 });
    const reply =
      outcome.reason === "kvk_taken"
        ? submission.reply({ fieldErrors: { kvkNumber: [t("employer.profile.error.kvkTaken")] } })
        : submission.reply({ formErrors: [t("employer.profile.lockedAfterVerification")] });
    return json({ result: reply, saved: false }, { status: 409 });
  }
  return json({ result: submission.reply(), saved: true });
}

export default function OrganisationProfile() {
  const { profile, locked, places, warnings } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const schema = locked ? lockedProfileSchema : openProfileSchema;
  const [form, fields] = useForm({
    id: "organisation-profile",
    lastResult: data?.result,
    defaultValue: { ...profile, sector: profile.sector ?? "", size: profile.size ?? "" },
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const f = fields as typeof fields & Partial<Record<"name" | "kvkNumber", (typeof fields)["address"]>>;
  const input = (name: keyof typeof fields, type: "text" | "email" | "tel" = "text") =>
    getInputProps(fields[name], { type });
  const err = (name: keyof typeof fields) => ({ errors: fields[name].errors, errorId: fields[name].errorId });
  const choose = { value: "", label: t("employer.profile.sizeNone") };
  return (
    <>
      <PageTitle intro={t("employer.profile.intro")}>{t("employer.profile.title")}</PageTitle>
      <p className="mb-4">
        {t("employer.profile.verification", {
          status: t(`admin.orgs.verification.${profile.verificationStatus}` as MessageKey).toLowerCase(),
        })}
      </p>
      {data?.saved ? <Notice>{t("employer.profile.saved")}</Notice> : null}
      <WordingWarnings warnings={warnings} />
      <Form method="post" {...getFormProps(form)} className="rounded-lg bg-white p-6 shadow">
        <FormError id={form.errorId} errors={form.errors} />
        {locked || !f.name || !f.kvkNumber ? (
          <div className="mb-4">
            <p className="font-medium">{t("employer.profile.name")}: {profile.name}</p>
            <p className="font-medium">{t("employer.profile.kvkNumber")}: {profile.kvkNumber ?? "—"}</p>
            <p className="text-sm text-slate-700">{t("employer.profile.lockedAfterVerification")}</p>
          </div>
        ) : (
          <>
            <Field label={t("employer.profile.name")} inputProps={getInputProps(f.name, { type: "text" })} errors={f.name.errors} errorId={f.name.errorId} />
            <Field
              label={t("employer.profile.kvkNumber")}
              help={t("employer.profile.kvkHelp")}
              inputProps={{ ...getInputProps(f.kvkNumber, { type: "text" }), inputMode: "numeric" }}
              errors={f.kvkNumber.errors}
              errorId={f.kvkNumber.errorId}
            />
          </>
        )}
        <SelectField
          label={t("employer.profile.sector")}
          selectProps={getSelectProps(fields.sector)}
          options={[choose, ...SECTORS.map((s) => ({ value: s, label: t(`vacancy.sector.${s}` as MessageKey) }))]}
          {...err("sector")}
        />
        <SelectField
          label={t("employer.profile.size")}
          selectProps={getSelectProps(fields.size)}
          options={[choose, ...ORGANISATION_SIZES.map((s) => ({ value: s, label: s }))]}
          {...err("size")}
        />
        <Field label={t("employer.profile.address")} inputProps={{ ...input("address"), autoComplete: "street-address" }} {...err("address")} />
        <Field
          label={t("employer.profile.placeName")}
          inputProps={{ ...input("placeName"), list: "profile-place-suggestions", autoComplete: "off" }}
          {...err("placeName")}
        />
        <datalist id="profile-place-suggestions">
          {places.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <Field label={t("employer.profile.contactName")} inputProps={{ ...input("contactName"), autoComplete: "name" }} {...err("contactName")} />
        <Field label={t("employer.profile.contactEmail")} inputProps={{ ...input("contactEmail", "email"), autoComplete: "email" }} {...err("contactEmail")} />
        <Field label={t("employer.profile.contactPhone")} inputProps={{ ...input("contactPhone", "tel"), autoComplete: "tel" }} {...err("contactPhone")} />
        <TextareaField
          label={t("employer.profile.fairChance")}
          help={t("employer.profile.fairChanceHelp")}
          textareaProps={getTextareaProps(fields.fairChanceStatement)}
          {...err("fairChanceStatement")}
        />
        <SubmitButton>{t("employer.profile.save")}</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
