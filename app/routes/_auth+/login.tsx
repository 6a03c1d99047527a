import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { attemptLogin } from "~/auth/login.server";
import { homeOf, requireAnonymous, safeRedirect, sessionCookie, getAuthContextForToken } from "~/auth/session.server";
import { Field, FormError, SubmitButton } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "#db/client.server";
import { requestOrigin } from "~/domain/audit.server";
import { PASSWORD_MAX } from "~/domain/new-password";
import { t } from "~/i18n";

const LoginSchema = z.object({
  email: z
    .string({ error: t("auth.login.emailRequired") })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: t("auth.login.emailInvalid") })),
  password: z
    .string({ error: t("auth.login.passwordRequired") })
    .max(PASSWORD_MAX, { error: t("auth.login.failed") }),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction = () => [{ title: `${t("auth.login.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const db = getDb();
  const result = await attemptLogin(db, {
    email: submission.value.email,
    password: submission.value.password,
    origin: requestOrigin(request),
  });
  if (!result.ok) {
    const message =
      result.reason === "rate_limited" ? t("auth.login.rateLimited") : t("auth.login.failed");
    return json(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: result.reason === "rate_limited" ? 429 : 400,
    });
  }
  const context = await getAuthContextForToken(result.token);
  const home = context ? homeOf(context) : "/";
  return redirect(safeRedirect(submission.value.redirectTo, home), {
    headers: { "set-cookie": sessionCookie(request, result.token, result.expiresAt) },
  });
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <section className="mx-auto max-w-md" aria-labelledby="login-title">
      <h1 id="login-title" className="mb-2 text-2xl font-bold">
        {t("auth.login.title")}
      </h1>
      <p className="mb-6 text-slate-700">{t("auth.login.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="rounded-lg bg-white p-6 shadow">
        <FormError id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("auth.login.email")}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", autoFocus: true }}
          errors={fields.email.errors}
          errorId={fields.email.errorId}
        />
        <Field
          label={t("auth.login.password")}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
          errors={fields.password.errors}
          errorId={fields.password.errorId}
        />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <SubmitButton pendingText={t("auth.login.pending")}>{t("auth.login.submit")}</SubmitButton>
          <Link to="/wachtwoord-vergeten" className="text-brand-700 underline">
            {t("auth.login.forgot")}
          </Link>
        </div>
      </Form>
      <p className="mt-6 text-slate-700">
        {t("auth.login.employerQuestion")}{" "}
        <Link to="/aanmelden-werkgever" className="font-semibold text-brand-700 underline">
          {t("auth.login.employerRegister")}
        </Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
