import {
  type FieldMetadata,
  type SubmissionResult,
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import {
  COMMON_CERTIFICATES,
  EDUCATION_LEVELS,
  LANGUAGE_LEVELS,
  LICENCES,
  LIMITS,
  SECTORS,
  SHIFTS,
  TRANSPORT,
} from "~/domain/candidates/profile-schemas";
import { catalogues, t, type MessageKey } from "~/i18n";
import { ErrorList, Field, FormError, SelectField, SubmitButton, TextareaField } from "./forms";

/*
 * The coach's profile form. It works without JavaScript: spare rows for experience and
 * languages, checkbox groups, and <datalist> suggestions from the occupation taxonomy and the
 * gazetteer. Errors come from the server (Conform's reply).
 */

export type ProfileFormValue = {
  intent: "save";
  headline: string;
  summary: string;
  motivation: string;
  sectors: string[];
  occupations: string[];
  skills: string;
  certificates: string[];
  otherCertificates: string;
  licences: string[];
  languages: { language?: string; level?: string }[];
  educationLevel: string;
  experience: { title?: string; sector?: string; months?: string; duringDetention?: string }[];
  hoursMin: string;
  hoursMax: string;
  shifts: string[];
  transport: string[];
  region: string;
  travelKm: string;
  availableDuringDetentionFrom: string;
  availableAfterReleaseFrom: string;
};

function label(prefix: string, value: string) {
  const key = `${prefix}.${value}`;
  return key in catalogues.nl ? t(key as MessageKey) : value;
}

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

function Checkboxes({
  legend,
  meta,
  options,
  labelPrefix,
}: {
  legend: string;
  meta: FieldMetadata<string[]>;
  options: readonly string[];
  labelPrefix?: string;
}) {
  return (
    <fieldset className="mb-4">
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {getCollectionProps(meta, { type: "checkbox", options: [...options] }).map(({ key, ...props }) => (
          <label key={key} htmlFor={props.id} className="inline-flex items-center gap-2">
            <input {...props} className="h-4 w-4" />
            {labelPrefix ? label(labelPrefix, props.value) : props.value}
          </label>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

const choiceOptions = (values: readonly string[], prefix: string) => [
  { value: "", label: t("profile.edit.chooseOne") },
  ...values.map((v) => ({ value: v, label: label(prefix, v) })),
];

export function ProfileEditorForm({
  defaultValue,
  lastResult,
  verifiedCertificates,
  verifiedExperience,
  occupationOptions,
  placeOptions,
}: {
  defaultValue: ProfileFormValue;
  lastResult?: SubmissionResult<string[]> | null;
  verifiedCertificates: string[];
  verifiedExperience: boolean[];
  occupationOptions: string[];
  placeOptions: string[];
}) {
  const [form, fields] = useForm<ProfileFormValue>({
    id: "profile-editor",
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
  });
  const occupations = fields.occupations.getFieldList();
  const experience = fields.experience.getFieldList();
  const languages = fields.languages.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} noValidate>
      <FormError id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <datalist id="occupation-options">
        {occupationOptions.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <datalist id="place-options">
        {placeOptions.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>

      <Fieldset legend={t("profile.edit.texts")}>
        <Field
          label={t("profile.edit.headline")}
          help={t("profile.edit.headlineHelp", { max: LIMITS.headline })}
          inputProps={{ ...getInputProps(fields.headline, { type: "text" }), maxLength: LIMITS.headline }}
          errors={fields.headline.errors}
          errorId={fields.headline.errorId}
        />
        <TextareaField
          label={t("profile.edit.summary")}
          help={t("profile.edit.summaryHelp", { max: LIMITS.summary })}
          textareaProps={{ ...getTextareaProps(fields.summary), maxLength: LIMITS.summary, rows: 6 }}
          errors={fields.summary.errors}
          errorId={fields.summary.errorId}
        />
        <TextareaField
          label={t("profile.edit.motivation")}
          help={t("profile.edit.motivationHelp", { max: LIMITS.motivation })}
          textareaProps={{ ...getTextareaProps(fields.motivation), maxLength: LIMITS.motivation }}
          errors={fields.motivation.errors}
          errorId={fields.motivation.errorId}
        />
      </Fieldset>

      <Fieldset legend={t("profile.edit.work")}>
        <Checkboxes legend={t("profile.edit.sectors")} meta={fields.sectors} options={SECTORS} labelPrefix="profile.sector" />
        <fieldset className="mb-4">
          <legend className="font-medium">{t("profile.edit.occupations")}</legend>
          <p className="text-sm text-slate-700">{t("profile.edit.occupationsHelp", { max: LIMITS.occupations })}</p>
          {occupations.map((o, i) => (
            <Field
              key={o.key}
              label={t("profile.edit.occupation", { n: i + 1 })}
              inputProps={{ ...getInputProps(o, { type: "text" }), list: "occupation-options", maxLength: 100 }}
              errors={o.errors}
              errorId={o.errorId}
            />
          ))}
        </fieldset>
        <TextareaField
          label={t("profile.edit.skills")}
          help={t("profile.edit.skillsHelp", { max: LIMITS.skills })}
          textareaProps={getTextareaProps(fields.skills)}
          errors={fields.skills.errors}
          errorId={fields.skills.errorId}
        />
        <Checkboxes legend={t("profile.edit.certificates")} meta={fields.certificates} options={COMMON_CERTIFICATES} />
        <TextareaField
          label={t("profile.edit.otherCertificates")}
          help={t("profile.edit.otherCertificatesHelp")}
          textareaProps={{ ...getTextareaProps(fields.otherCertificates), rows: 2 }}
          errors={fields.otherCertificates.errors}
          errorId={fields.otherCertificates.errorId}
        />
        {verifiedCertificates.length ? (
          <p className="mb-4 text-sm text-green-900">
            ✓ {verifiedCertificates.join(", ")}: {t("profile.edit.verifiedNote")}
          </p>
        ) : null}
        <Checkboxes legend={t("profile.edit.licences")} meta={fields.licences} options={LICENCES} />
        <SelectField
          label={t("profile.edit.education")}
          selectProps={getSelectProps(fields.educationLevel)}
          options={choiceOptions(EDUCATION_LEVELS, "profile.education")}
          errors={fields.educationLevel.errors}
          errorId={fields.educationLevel.errorId}
        />
        <fieldset className="mb-4">
          <legend className="font-medium">{t("profile.edit.languages")}</legend>
          {languages.map((row, i) => {
            const f = row.getFieldset();
            return (
              <div key={row.key} className="grid gap-3 sm:grid-cols-2">
                <Field
                  label={`${t("profile.edit.language")} ${i + 1}`}
                  inputProps={{ ...getInputProps(f.language, { type: "text" }), maxLength: 40 }}
                  errors={f.language.errors}
                  errorId={f.language.errorId}
                />
                <SelectField
                  label={`${t("profile.edit.languageLevel")} ${i + 1}`}
                  selectProps={getSelectProps(f.level)}
                  options={choiceOptions(LANGUAGE_LEVELS, "profile.level")}
                  errors={f.level.errors}
                  errorId={f.level.errorId}
                />
              </div>
            );
          })}
          <ErrorList errors={fields.languages.errors} />
        </fieldset>
      </Fieldset>

      <Fieldset legend={t("profile.edit.experience")}>
        <p className="mb-3 text-sm text-slate-700">{t("profile.edit.experienceHelp")}</p>
        {experience.map((row, i) => {
          const f = row.getFieldset();
          return (
            <fieldset key={row.key} className="mb-4 rounded-md border border-slate-200 p-3">
              <legend className="px-1 font-medium">
                {t("profile.edit.experienceRow", { n: i + 1 })}
                {verifiedExperience[i] ? <span className="ml-2 text-sm text-green-900">✓ {t("profile.view.verified")}</span> : null}
              </legend>
              <div className="grid gap-3 sm:grid-cols-3">
                <Field
                  label={t("profile.edit.experienceTitle")}
                  inputProps={{ ...getInputProps(f.title, { type: "text" }), list: "occupation-options", maxLength: LIMITS.experienceTitle }}
                  errors={f.title.errors}
                  errorId={f.title.errorId}
                />
                <SelectField
                  label={t("profile.edit.experienceSector")}
                  selectProps={getSelectProps(f.sector)}
                  options={choiceOptions(SECTORS, "profile.sector")}
                  errors={f.sector.errors}
                  errorId={f.sector.errorId}
                />
                <Field
                  label={t("profile.edit.experienceMonths")}
                  inputProps={{ ...getInputProps(f.months, { type: "number" }), min: 0, max: 600 }}
                  errors={f.months.errors}
                  errorId={f.months.errorId}
                />
              </div>
              <label className="inline-flex items-center gap-2">
                <input {...getInputProps(f.duringDetention, { type: "checkbox" })} className="h-4 w-4" />
                {t("profile.edit.experienceDetention")}
              </label>
            </fieldset>
          );
        })}
        <ErrorList errors={fields.experience.errors} />
      </Fieldset>

      <Fieldset legend={t("profile.edit.availability")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label={t("profile.edit.hoursMin")}
            inputProps={{ ...getInputProps(fields.hoursMin, { type: "number" }), min: 0, max: 60 }}
            errors={fields.hoursMin.errors}
            errorId={fields.hoursMin.errorId}
          />
          <Field
            label={t("profile.edit.hoursMax")}
            inputProps={{ ...getInputProps(fields.hoursMax, { type: "number" }), min: 0, max: 60 }}
            errors={fields.hoursMax.errors}
            errorId={fields.hoursMax.errorId}
          />
        </div>
        <Checkboxes legend={t("profile.edit.shifts")} meta={fields.shifts} options={SHIFTS} labelPrefix="profile.shift" />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label={t("profile.edit.region")}
            help={t("profile.edit.regionHelp")}
            inputProps={{ ...getInputProps(fields.region, { type: "text" }), list: "place-options", maxLength: 80 }}
            errors={fields.region.errors}
            errorId={fields.region.errorId}
          />
          <Field
            label={t("profile.edit.travelKm")}
            inputProps={{ ...getInputProps(fields.travelKm, { type: "number" }), min: 0, max: 300 }}
            errors={fields.travelKm.errors}
            errorId={fields.travelKm.errorId}
          />
        </div>
        <Checkboxes legend={t("profile.edit.transport")} meta={fields.transport} options={TRANSPORT} labelPrefix="profile.transport" />
        <p className="mb-2 text-sm text-slate-700">{t("profile.edit.availabilityHelp")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label={t("profile.edit.availableDuringDetentionFrom")}
            inputProps={getInputProps(fields.availableDuringDetentionFrom, { type: "date" })}
            errors={fields.availableDuringDetentionFrom.errors}
            errorId={fields.availableDuringDetentionFrom.errorId}
          />
          <Field
            label={t("profile.edit.availableAfterReleaseFrom")}
            inputProps={getInputProps(fields.availableAfterReleaseFrom, { type: "date" })}
            errors={fields.availableAfterReleaseFrom.errors}
            errorId={fields.availableAfterReleaseFrom.errorId}
          />
        </div>
      </Fieldset>

      <SubmitButton pendingText={t("form.saving")}>{t("profile.edit.save")}</SubmitButton>
    </Form>
  );
}
