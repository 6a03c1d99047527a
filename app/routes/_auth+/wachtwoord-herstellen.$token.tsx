import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { getAuthContextForToken, homeOf, sessionCookie } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, SubmitButton } from "~/components/forms";
import { requestOrigin } from "~/domain/audit.server";
import { newPasswordFields, withMatchingPasswords } from "~/domain/new-password";
import { completePasswordReset, describePasswordReset } from "~/domain/password-reset.server";
import { type MessageKey, t } from "~/i18n";

const ResetSchema = withMatchingPasswords(z.object(newPasswordFields));
const invalidStatus = { used: 410, expired: 410, unknown: 404 } as const;
type InvalidState = keyof typeof invalidStatus;

export const meta: MetaFunction = () => [
  { title: `${t("reset.complete.title")} · ${t("app.name")}` },
];

// The link carries a secret: never pass it on to another site in a Referer header.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ params }: LoaderFunctionArgs) {
  const info = await describePasswordReset(getDb(), params.token ?? "");
  if (info.state !== "open") {
    return json({ state: info.state, email: null }, { status: invalidStatus[info.state] });
  }
  return json({ state: info.state, email: info.email });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetSchema });
  const hide = { hideFields: ["password", "confirmPassword"] };
  if (submission.status !== "success") return json(submission.reply(hide), { status: 400 });
  const result = await completePasswordReset(getDb(), {
    token: params.token ?? "",
    password: submission.value.password,
    origin: requestOrigin(request),
  });
  if (!result.ok) {
    return json(
      submission.reply({
        ...hide,
        formErrors: [t(`reset.invalid.${result.reason}` as MessageKey)],
      }),
      { status: invalidStatus[result.reason] },
    );
  }
  const context = await getAuthContextForToken(result.token);
  return redirect(context ? homeOf(context) : "/", {
    headers: { "set-cookie": sessionCookie(request, result.token, result.expiresAt) },
  });
}

export default function ResetPasswordPage() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult,
    constraint: getZodConstraint(ResetSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetSchema }),
  });
  if (data.state !== "open") {
    return (
      <section className="mx-auto max-w-md" aria-labelledby="reset-invalid-title">
        <h1 id="reset-invalid-title" className="mb-4 text-2xl font-bold">
          {t("reset.invalid.title")}
        </h1>
        <p className="mb-6 rounded-lg bg-white p-6 shadow">
          {t(`reset.invalid.${data.state as InvalidState}` as MessageKey)}
        </p>
        <Link to="/wachtwoord-vergeten" className="font-semibold text-brand-700 underline">
          {t("reset.invalid.again")}
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md" aria-labelledby="reset-title">
      <h1 id="reset-title" className="mb-2 text-2xl font-bold">
        {t("reset.complete.title")}
      </h1>
      <p className="mb-2 text-slate-700">
        {t("reset.complete.intro", { email: data.email ?? "" })}
      </p>
      <p className="mb-6 text-slate-700">{t("reset.complete.note")}</p>
      <Form method="post" {...getFormProps(form)} className="rounded-lg bg-white p-6 shadow">
        <FormError id={form.errorId} errors={form.errors} />
        <Field
          label={t("reset.complete.password")}
          help={t("invite.password.help")}
          inputProps={{
            ...getInputProps(fields.password, { type: "password" }),
            autoComplete: "new-password",
            autoFocus: true,
          }}
          errors={fields.password.errors}
          errorId={fields.password.errorId}
        />
        <Field
          label={t("invite.password.repeat")}
          inputProps={{
            ...getInputProps(fields.confirmPassword, { type: "password" }),
            autoComplete: "new-password",
          }}
          errors={fields.confirmPassword.errors}
          errorId={fields.confirmPassword.errorId}
        />
        <SubmitButton pendingText={t("reset.complete.pending")}>
          {t("reset.complete.submit")}
        </SubmitButton>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
