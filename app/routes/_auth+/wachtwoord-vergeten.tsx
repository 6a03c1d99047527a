import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { requireAnonymous } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, SubmitButton } from "~/components/forms";
import { requestOrigin } from "~/domain/audit.server";
import { emailField } from "~/domain/new-password";
import { requestPasswordReset } from "~/domain/password-reset.server";
import { t } from "~/i18n";

const ForgotSchema = z.object({ email: emailField });

export const meta: MetaFunction = () => [
  { title: `${t("reset.request.title")} · ${t("app.name")}` },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await request.formData(), { schema: ForgotSchema });
  if (submission.status !== "success") {
    return json({ sent: false, result: submission.reply() }, { status: 400 });
  }
  const outcome = await requestPasswordReset(getDb(), {
    email: submission.value.email,
    origin: requestOrigin(request),
  });
  if (!outcome.ok) {
    return json(
      { sent: false, result: submission.reply({ formErrors: [t("reset.request.rateLimited")] }) },
      { status: 429 },
    );
  }
  // The same answer whether or not the address has an account.
  return json({ sent: true, result: submission.reply({ resetForm: true }) });
}

export default function ForgotPasswordPage() {
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: data?.result,
    constraint: getZodConstraint(ForgotSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotSchema }),
  });
  return (
    <section className="mx-auto max-w-md" aria-labelledby="forgot-title">
      <h1 id="forgot-title" className="mb-2 text-2xl font-bold">
        {t("reset.request.title")}
      </h1>
      {data?.sent ? (
        <p
          role="status"
          className="mb-6 rounded-lg border border-green-700 bg-green-50 p-4 text-green-900"
        >
          {t("reset.request.sent")}
        </p>
      ) : (
        <>
          <p className="mb-6 text-slate-700">{t("reset.request.intro")}</p>
          <Form method="post" {...getFormProps(form)} className="rounded-lg bg-white p-6 shadow">
            <FormError id={form.errorId} errors={form.errors} />
            <Field
              label={t("invite.email.label")}
              inputProps={{
                ...getInputProps(fields.email, { type: "email" }),
                autoComplete: "email",
                autoFocus: true,
              }}
              errors={fields.email.errors}
              errorId={fields.email.errorId}
            />
            <SubmitButton pendingText={t("reset.request.pending")}>
              {t("reset.request.submit")}
            </SubmitButton>
          </Form>
        </>
      )}
      <p className="mt-6">
        <Link to="/login" className="text-brand-700 underline">
          {t("reset.request.backToLogin")}
        </Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
