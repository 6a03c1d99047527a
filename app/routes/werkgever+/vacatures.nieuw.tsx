import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SubmitButton } from "~/components/forms";
import { PageTitle } from "~/components/home";
import { getDb } from "#db/client.server";
import { dutchToday } from "~/domain/vacancies/dates";
import { parseVacancyForm, titleSuggestions, toVacancyInput } from "~/domain/vacancies/form.server";
import { describeFailure, employerActor } from "~/domain/vacancies/http.server";
import { placeSuggestions } from "~/domain/vacancies/place.server";
import { createVacancy } from "~/domain/vacancies/vacancies.server";
import { checkVacancyWording, type WordingWarning } from "~/domain/vacancies/wording";
import { t } from "~/i18n";
import { Notice, useVacancyForm, VacancyFields, WordingWarnings } from "./__vacancy-form";

export const meta: MetaFunction = () => [{ title: `${t("employer.vacancy.newTitle")} · ${t("app.name")}` }];

const defaultValue = { kind: "job", sector: "logistiek", hoursMin: "24", hoursMax: "40", maxDistanceKm: "25", positions: "1" };

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "write:vacancies:own-organisation");
  employerActor(context, request);
  return json({
    titles: titleSuggestions(),
    places: placeSuggestions(),
    verified: context.organisation?.verificationStatus === "verified",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requirePermission(request, "write:vacancies:own-organisation");
  const actor = employerActor(context, request);
  const formData = await request.formData();
  const submission = parseVacancyForm(formData, { today: dutchToday() });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), warnings: [] as WordingWarning[], checked: false }, { status: 400 });
  }
  const input = toVacancyInput(submission.value);
  const warnings = checkVacancyWording(input);
  // "Tekst controleren": the tips without saving anything.
  if (formData.get("intent") === "preview") {
    return json({ result: submission.reply(), warnings, checked: true });
  }
  const outcome = await createVacancy(getDb(), actor, input);
  if (!outcome.ok) {
    const { status, message } = describeFailure(outcome.reason);
    return json({ result: submission.reply({ formErrors: [message] }), warnings, checked: false }, { status });
  }
  return redirect(`/werkgever/vacatures/${outcome.vacancy.id}?gedaan=created`);
}

export default function NewVacancy() {
  const { titles, places, verified } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useVacancyForm({ id: "vacancy-new", lastResult: data?.result, defaultValue });
  return (
    <>
      <PageTitle intro={t("employer.vacancy.newIntro")}>{t("employer.vacancy.newTitle")}</PageTitle>
      <p className="mb-4">
        <Link to="/werkgever/vacatures" className="text-brand-700 underline">
          {t("employer.vacancy.back")}
        </Link>
      </p>
      {!verified ? (
        <p role="status" className="mb-4 rounded-md border border-amber-600 bg-amber-50 p-3">
          {t("employer.vacancies.notVerified")}
        </p>
      ) : null}
      <WordingWarnings warnings={data?.warnings ?? []} />
      {data?.checked && data.warnings.length === 0 ? <Notice>{t("vacancy.outcome.previewClean")}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="rounded-lg bg-white p-6 shadow">
        <FormError id={form.errorId} errors={form.errors} />
        <VacancyFields fields={fields} titles={titles} places={places} />
        <div className="flex flex-wrap gap-3">
          <SubmitButton name="intent" value="create">
            {t("employer.vacancy.saveDraft")}
          </SubmitButton>
          <SubmitButton
            name="intent"
            value="preview"
            className="inline-flex items-center rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t("employer.vacancy.check")}
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
