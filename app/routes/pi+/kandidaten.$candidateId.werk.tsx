import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, SelectField, SubmitButton } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { requireScopedCandidate } from "~/domain/candidates/access.server";
import { readPrisonCandidate, verifiedDetentionRecords } from "~/domain/candidates/caseload.server";
import {
  DETENTION_CERTIFICATES,
  detentionWorkSchema,
  detentionWorkshops,
} from "~/domain/candidates/intake-schemas";
import { confirmDetentionWork } from "~/domain/candidates/nomination.server";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("candidates.work.title")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "confirm:detention-work");
  const db = getDb();
  const c = await readPrisonCandidate(db, context, params.candidateId, requestOrigin(request));
  return json({
    candidate: { id: c.id, firstName: c.firstName, lastName: c.lastName },
    detention: await verifiedDetentionRecords(db, c.id),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, "confirm:detention-work");
  const db = getDb();
  const candidate = await requireScopedCandidate(db, context, params.candidateId, "write");
  const submission = parseWithZod(await request.formData(), { schema: detentionWorkSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { intent: _intent, ...work } = submission.value;
  const result = await confirmDetentionWork(db, context, { candidateId: candidate.id, ...work }, requestOrigin(request));
  if (result.ok) return redirect(`/pi/kandidaten/${candidate.id}?bewaard=confirm-work`);
  if (result.reason === "not_found") throw new Response("Not Found", { status: 404 });
  return json(submission.reply({ formErrors: [t("candidates.form.invalidState")] }), { status: 400 });
}

export default function ConfirmDetentionWork() {
  const { candidate: c, detention } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof detentionWorkSchema>>({
    id: "confirm-work",
    lastResult,
    constraint: getZodConstraint(detentionWorkSchema),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <PageTitle intro={t("candidates.work.intro")}>
        {t("candidates.work.titleFor", { name: `${c.firstName} ${c.lastName}` })}
      </PageTitle>
      <p className="mb-4">
        <Link to={`/pi/kandidaten/${c.id}`} className="text-brand-700 underline">
          {t("candidates.detail.back")}
        </Link>
      </p>
      <Section id="confirmed" title={t("candidates.work.confirmed")}>
        {detention.work.length === 0 && detention.certificates.length === 0 ? (
          <p>{t("candidates.work.none")}</p>
        ) : (
          <ul className="list-disc pl-5">
            {detention.work.map((w, i) => (
              <li key={`w${i}`}>{t("candidates.work.item", { title: w.title, months: w.months })}</li>
            ))}
            {detention.certificates.map((name) => (
              <li key={`c${name}`}>{t("candidates.work.certificateItem", { name })}</li>
            ))}
          </ul>
        )}
      </Section>
      <Form method="post" {...getFormProps(form)} className="max-w-2xl rounded-lg bg-white p-6 shadow">
        <FormError id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="confirm-work" />
        <SelectField
          label={t("candidates.work.workshop")}
          selectProps={getSelectProps(fields.workshop)}
          options={[
            { value: "", label: t("candidates.work.workshopChoose") },
            ...detentionWorkshops.map((w) => ({ value: w, label: t(`candidates.workshop.${w}` as MessageKey) })),
          ]}
          errors={fields.workshop.errors}
          errorId={fields.workshop.errorId}
        />
        <Field label={t("candidates.work.role")} help={t("candidates.work.roleHelp")} inputProps={getInputProps(fields.title, { type: "text" })} errors={fields.title.errors} errorId={fields.title.errorId} />
        <Field label={t("candidates.work.months")} inputProps={{ ...getInputProps(fields.months, { type: "number" }), min: 1, max: 240 }} errors={fields.months.errors} errorId={fields.months.errorId} />
        <fieldset className="mb-4">
          <legend className="font-medium">{t("candidates.work.certificates")}</legend>
          <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2">
            {DETENTION_CERTIFICATES.map((name) => (
              <label key={name} className="flex items-center gap-2">
                <input type="checkbox" name={fields.certificates.name} value={name} className="h-4 w-4" />
                <span>{name}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <p className="mb-4 text-sm text-slate-700">{t("candidates.work.verifiedNote")}</p>
        <SubmitButton pendingText={t("form.saving")}>{t("candidates.work.submit")}</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
