import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, SubmitButton } from "~/components/forms";
import { requestOrigin } from "~/domain/audit.server";
import { registerEmployer } from "~/domain/employer-registration.server";
import { emailField } from "~/domain/new-password";
import { t } from "~/i18n";

const text = (required: string, max = 200) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(max, { error: t("register.tooLong") });

const RegisterSchema = z.object({
  organisationName: z
    .string({ error: t("register.organisationNameRequired") })
    .trim()
    .min(2, { error: t("register.organisationNameLength") })
    .max(200, { error: t("register.organisationNameLength") }),
  kvkNumber: z
    .string({ error: t("register.kvkRequired") })
    // People copy the number with spaces or dots ("1234 5678"); only digits count.
    .transform((v) => v.replace(/[\s.]/g, ""))
    .pipe(z.string().regex(/^[0-9]{8}$/, { error: t("register.kvkInvalid") })),
  address: text(t("register.addressRequired")),
  placeName: text(t("register.placeNameRequired"), 100),
  contactName: text(t("register.contactNameRequired")),
  email: emailField,
});

export const meta: MetaFunction = () => [{ title: `${t("register.title")} · ${t("app.name")}` }];

// Public: anyone may register an employer (it stays unverified until a platform admin checks it).
export async function loader() {
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: RegisterSchema });
  if (submission.status !== "success") {
    return json({ done: false, email: null, result: submission.reply() }, { status: 400 });
  }
  const outcome = await registerEmployer(getDb(), {
    ...submission.value,
    origin: requestOrigin(request),
  });
  if (!outcome.ok) {
    const reply =
      outcome.reason === "kvk_taken"
        ? submission.reply({ fieldErrors: { kvkNumber: [t("register.kvkTaken")] } })
        : outcome.reason === "email_unavailable"
          ? submission.reply({ fieldErrors: { email: [t("register.emailUnavailable")] } })
          : submission.reply({ formErrors: [t("register.rateLimited")] });
    return json(
      { done: false, email: null, result: reply },
      { status: outcome.reason === "rate_limited" ? 429 : 400 },
    );
  }
  return json({
    done: true,
    email: submission.value.email,
    result: submission.reply({ resetForm: true }),
  });
}

export default function RegisterEmployerPage() {
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "register-employer",
    lastResult: data?.result,
    constraint: getZodConstraint(RegisterSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
  });
  if (data?.done) {
    return (
      <section className="mx-auto max-w-xl" aria-labelledby="register-done-title">
        <h1 id="register-done-title" className="mb-4 text-2xl font-bold">
          {t("register.doneTitle")}
        </h1>
        <div role="status" className="rounded-lg bg-white p-6 shadow">
          <p className="mb-3">{t("register.done", { email: data.email ?? "" })}</p>
          <p>{t("register.doneVerify")}</p>
        </div>
      </section>
    );
  }
  const input = (name: keyof typeof fields, type: "text" | "email" = "text") =>
    getInputProps(fields[name], { type });
  return (
    <section className="mx-auto max-w-xl" aria-labelledby="register-title">
      <h1 id="register-title" className="mb-2 text-2xl font-bold">
        {t("register.title")}
      </h1>
      <p className="mb-6 text-slate-700">{t("register.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="rounded-lg bg-white p-6 shadow">
        <FormError id={form.errorId} errors={form.errors} />
        <Field
          label={t("register.organisationName")}
          inputProps={{
            ...input("organisationName"),
            autoComplete: "organization",
            autoFocus: true,
          }}
          errors={fields.organisationName.errors}
          errorId={fields.organisationName.errorId}
        />
        <Field
          label={t("register.kvkNumber")}
          help={t("register.kvkHelp")}
          inputProps={{ ...input("kvkNumber"), inputMode: "numeric" }}
          errors={fields.kvkNumber.errors}
          errorId={fields.kvkNumber.errorId}
        />
        <Field
          label={t("register.address")}
          help={t("register.addressHelp")}
          inputProps={{ ...input("address"), autoComplete: "street-address" }}
          errors={fields.address.errors}
          errorId={fields.address.errorId}
        />
        <Field
          label={t("register.placeName")}
          inputProps={{ ...input("placeName"), autoComplete: "address-level2" }}
          errors={fields.placeName.errors}
          errorId={fields.placeName.errorId}
        />
        <Field
          label={t("register.contactName")}
          inputProps={{ ...input("contactName"), autoComplete: "name" }}
          errors={fields.contactName.errors}
          errorId={fields.contactName.errorId}
        />
        <Field
          label={t("register.email")}
          help={t("register.emailHelp")}
          inputProps={{ ...input("email", "email"), autoComplete: "email" }}
          errors={fields.email.errors}
          errorId={fields.email.errorId}
        />
        <SubmitButton pendingText={t("register.pending")}>{t("register.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
