import {
  type FieldMetadata,
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ReactNode } from "react";
import type { z } from "zod";
import { ErrorList, Field, SelectField, TextareaField } from "~/components/forms";
import { dutchToday } from "~/domain/vacancies/dates";
import {
  COMMON_CERTIFICATES,
  CONTRACT_TYPES,
  LICENCES,
  SECTORS,
  SHIFTS,
  SUPPORT_OPTIONS,
  VACANCY_KINDS,
  VOG_RISK_AREAS,
} from "~/domain/vacancies/options";
import { vacancyFormSchema, type VacancyFormContext } from "~/domain/vacancies/schema";
import type { WordingWarning } from "~/domain/vacancies/wording";
import { t, type MessageKey } from "~/i18n";

/*
 * The vacancy form shared by "new" and "edit" (this file is not a route: remix-flat-routes
 * ignores names starting with "__"), and the list of wording tips.
 */

type Options = readonly string[];
const labelled = (values: Options, prefix: string) =>
  values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));

type VacancyFormInput = z.output<ReturnType<typeof vacancyFormSchema>>;
type FormOptions = Parameters<typeof useForm<VacancyFormInput>>[0];

export function useVacancyForm(options: {
  id: string;
  lastResult: FormOptions["lastResult"];
  defaultValue?: Record<string, unknown>;
  saved?: VacancyFormContext["saved"];
}) {
  const schema = vacancyFormSchema({ today: dutchToday(), saved: options.saved });
  return useForm<VacancyFormInput>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue as FormOptions["defaultValue"],
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

type Fields = ReturnType<typeof useVacancyForm>[1];

function CheckboxGroup({
  legend,
  field,
  options,
  help,
}: {
  legend: string;
  field: FieldMetadata<string[] | undefined>;
  options: { value: string; label: string }[];
  help?: ReactNode;
}) {
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return (
    <fieldset className="mb-4" aria-describedby={field.errors ? field.errorId : undefined}>
      <legend className="font-medium text-slate-900">{legend}</legend>
      {help ? <p className="text-sm text-slate-700">{help}</p> : null}
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
        {getCollectionProps(field, { type: "checkbox", options: options.map((o) => o.value) }).map(
          ({ key, ...props }) => (
            <label key={key} className="inline-flex items-center gap-2">
              <input {...props} className="h-4 w-4" />
              <span>{labels.get(props.value)}</span>
            </label>
          ),
        )}
      </div>
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mb-6 border-t border-slate-200 pt-4">
      <legend className="pr-2 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

/** All fields of a vacancy. `titles` and `places` feed the suggestion lists. */
export function VacancyFields({
  fields,
  titles,
  places,
}: {
  fields: Fields;
  titles: string[];
  places: string[];
}) {
  const input = (name: keyof Fields, type: "text" | "number" | "date" = "text") =>
    getInputProps(fields[name] as FieldMetadata<string>, { type });
  const textarea = (name: keyof Fields) => getTextareaProps(fields[name] as FieldMetadata<string>);
  const errors = (name: keyof Fields) => ({ errors: fields[name].errors, errorId: fields[name].errorId });
  return (
    <>
      <Group title={t("vacancy.form.groupWork")}>
        <Field
          label={t("vacancy.field.title")}
          help={t("vacancy.field.titleHelp")}
          inputProps={{ ...input("title"), list: "vacancy-title-suggestions", autoComplete: "off" }}
          {...errors("title")}
        />
        <datalist id="vacancy-title-suggestions">
          {titles.map((title) => (
            <option key={title} value={title} />
          ))}
        </datalist>
        <SelectField
          label={t("vacancy.field.sector")}
          selectProps={getSelectProps(fields.sector)}
          options={labelled(SECTORS, "vacancy.sector")}
          {...errors("sector")}
        />
        <SelectField
          label={t("vacancy.field.kind")}
          selectProps={getSelectProps(fields.kind)}
          options={labelled(VACANCY_KINDS, "vacancy.kind")}
          {...errors("kind")}
        />
        <p className="-mt-3 mb-4 text-sm text-slate-700">{t("vacancy.field.kindHelp")}</p>
        <TextareaField
          label={t("vacancy.field.description")}
          help={t("vacancy.field.descriptionHelp")}
          textareaProps={{ ...textarea("description"), rows: 8 }}
          {...errors("description")}
        />
      </Group>

      <Group title={t("vacancy.form.groupNeeds")}>
        <TextareaField
          label={t("vacancy.field.requiredSkills")}
          help={t("vacancy.field.skillsHelp")}
          textareaProps={{ ...textarea("requiredSkills"), rows: 3 }}
          {...errors("requiredSkills")}
        />
        <TextareaField
          label={t("vacancy.field.preferredSkills")}
          help={t("vacancy.field.skillsHelp")}
          textareaProps={{ ...textarea("preferredSkills"), rows: 3 }}
          {...errors("preferredSkills")}
        />
        <CheckboxGroup
          legend={t("vacancy.field.certificates")}
          field={fields.certificates}
          options={COMMON_CERTIFICATES.map((c) => ({ value: c, label: c }))}
        />
        <TextareaField
          label={t("vacancy.field.otherCertificates")}
          help={t("vacancy.field.otherCertificatesHelp")}
          textareaProps={{ ...textarea("otherCertificates"), rows: 2 }}
          {...errors("otherCertificates")}
        />
        <CheckboxGroup
          legend={t("vacancy.field.licences")}
          field={fields.licences}
          options={LICENCES.map((l) => ({ value: l, label: l }))}
        />
      </Group>

      <Group title={t("vacancy.form.groupHours")}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field label={t("vacancy.field.hoursMin")} inputProps={input("hoursMin", "number")} {...errors("hoursMin")} />
          <Field label={t("vacancy.field.hoursMax")} inputProps={input("hoursMax", "number")} {...errors("hoursMax")} />
        </div>
        <CheckboxGroup legend={t("vacancy.field.shifts")} field={fields.shifts} options={labelled(SHIFTS, "vacancy.shift")} />
        <SelectField
          label={t("vacancy.field.contractType")}
          selectProps={getSelectProps(fields.contractType)}
          options={[{ value: "", label: t("vacancy.field.contractNone") }, ...labelled(CONTRACT_TYPES, "vacancy.contract")]}
          {...errors("contractType")}
        />
        <Field
          label={t("vacancy.field.wageIndication")}
          help={t("vacancy.field.wageHelp")}
          inputProps={input("wageIndication")}
          {...errors("wageIndication")}
        />
      </Group>

      <Group title={t("vacancy.form.groupPlace")}>
        <Field
          label={t("vacancy.field.placeName")}
          help={t("vacancy.field.placeHelp")}
          inputProps={{ ...input("placeName"), list: "vacancy-place-suggestions", autoComplete: "off" }}
          {...errors("placeName")}
        />
        <datalist id="vacancy-place-suggestions">
          {places.map((place) => (
            <option key={place} value={place} />
          ))}
        </datalist>
        <Field
          label={t("vacancy.field.maxDistanceKm")}
          inputProps={input("maxDistanceKm", "number")}
          {...errors("maxDistanceKm")}
        />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            label={t("vacancy.field.startDate")}
            help={t("vacancy.field.startDateHelp")}
            inputProps={input("startDate", "date")}
            {...errors("startDate")}
          />
          <Field
            label={t("vacancy.field.expiresOn")}
            help={t("vacancy.field.expiresOnHelp")}
            inputProps={input("expiresOn", "date")}
            {...errors("expiresOn")}
          />
        </div>
        <Field label={t("vacancy.field.positions")} inputProps={input("positions", "number")} {...errors("positions")} />
      </Group>

      <Group title={t("vacancy.form.groupVog")}>
        <p className="mb-2 text-sm text-slate-700">{t("vacancy.field.vogHelp")}</p>
        <label className="mb-3 inline-flex items-center gap-2 font-medium">
          <input {...getInputProps(fields.vogRequired, { type: "checkbox" })} className="h-4 w-4" />
          <span>{t("vacancy.field.vogRequired")}</span>
        </label>
        <ErrorList id={fields.vogRequired.errorId} errors={fields.vogRequired.errors} />
        <CheckboxGroup
          legend={t("vacancy.field.vogRiskAreas")}
          field={fields.vogRiskAreas}
          options={labelled(VOG_RISK_AREAS, "vacancy.vogArea")}
        />
      </Group>

      <Group title={t("vacancy.form.groupSupport")}>
        <CheckboxGroup
          legend={t("vacancy.field.supportOffered")}
          field={fields.supportOffered}
          options={labelled(SUPPORT_OPTIONS, "vacancy.support")}
        />
      </Group>
    </>
  );
}

/** The wording tips: they never block saving or publishing. */
export function WordingWarnings({ warnings }: { warnings: WordingWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section
      aria-labelledby="wording-title"
      className="mb-6 rounded-lg border border-amber-600 bg-amber-50 p-4"
      data-testid="wording-warnings"
    >
      <h2 id="wording-title" className="text-lg font-semibold">
        {t("vacancy.wording.title")}
      </h2>
      <p className="mt-1 text-slate-800">{t("vacancy.wording.intro")}</p>
      <ul className="mt-3 space-y-3">
        {warnings.map((w) => (
          <li key={`${w.rule}-${w.field}-${w.match}`} className="rounded-md bg-white p-3">
            <p className="font-semibold">{t("vacancy.wording.found", { match: w.match })}</p>
            <p>{t(`vacancy.wording.${w.rule}.message` as MessageKey)}</p>
            <p className="mt-1">
              <span className="font-semibold">{t("vacancy.wording.alternativeLabel")}</span>{" "}
              {t(`vacancy.wording.${w.rule}.alternative` as MessageKey)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A confirmation after a change ("De vacature is gepubliceerd."). */
export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div role="status" className="mb-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
      {children}
    </div>
  );
}
