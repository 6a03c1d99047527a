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
import {
  getAuthContext,
  getAuthContextForToken,
  homeOf,
  sessionCookie,
} from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, SubmitButton } from "~/components/forms";
import { requestOrigin } from "~/domain/audit.server";
import { acceptInvitation, describeInvitation } from "~/domain/invitations.server";
import { newPasswordFields, withMatchingPasswords } from "~/domain/new-password";
import { type MessageKey, t } from "~/i18n";

const NewAccountSchema = withMatchingPasswords(
  z.object({
    name: z
      .string({ error: t("invite.accept.nameRequired") })
      .trim()
      .min(1, { error: t("invite.accept.nameRequired") })
      .max(200, { error: t("invite.accept.nameTooLong") }),
    ...newPasswordFields,
  }),
);
const NoFields = z.object({});

const invalidStatus = { used: 410, expired: 410, revoked: 410, unknown: 404 } as const;
type InvalidState = keyof typeof invalidStatus;

export const meta: MetaFunction = () => [
  { title: `${t("invite.accept.title")} · ${t("app.name")}` },
];

// The link carries a secret: never pass it on to another site in a Referer header.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const info = await describeInvitation(db, params.token ?? "");
  if (info.state !== "open") {
    return json(
      { state: info.state, view: null, invitation: null, loginHref: "/login" },
      { status: invalidStatus[info.state] },
    );
  }
  const context = await getAuthContext(request);
  const { invitation, account } = info;
  const view = account?.disabled
    ? ("disabled" as const)
    : context && context.user.id !== account?.id
      ? ("wrong_account" as const)
      : account
        ? context
          ? ("accept" as const)
          : ("login" as const)
        : ("create" as const);
  const loginHref = `/login?${new URLSearchParams({ redirectTo: new URL(request.url).pathname })}`;
  return json({
    state: "open" as const,
    view,
    loginHref,
    invitation: {
      email: invitation.email,
      role: invitation.role,
      isOrgAdmin: invitation.isOrgAdmin,
      organisationName: invitation.organisationName,
      inviterName: invitation.inviterName,
      suggestedName: invitation.suggestedName,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const db = getDb();
  const formData = await request.formData();
  const info = await describeInvitation(db, token);
  const context = await getAuthContext(request);
  const current = context ? { userId: context.user.id, sessionId: context.sessionId } : null;

  let submission;
  let newAccount: { name: string; password: string } | undefined;
  if (info.state === "open" && !info.account) {
    const parsed = parseWithZod(formData, { schema: NewAccountSchema });
    if (parsed.status !== "success") {
      return json(parsed.reply({ hideFields: ["password", "confirmPassword"] }), { status: 400 });
    }
    submission = parsed;
    newAccount = { name: parsed.value.name, password: parsed.value.password };
  } else {
    submission = parseWithZod(formData, { schema: NoFields });
  }

  const result = await acceptInvitation(db, {
    token,
    current,
    newAccount,
    origin: requestOrigin(request),
  });
  if (!result.ok) {
    if (result.reason === "login_required") {
      throw redirect(
        `/login?${new URLSearchParams({ redirectTo: new URL(request.url).pathname })}`,
      );
    }
    const status =
      result.reason in invalidStatus
        ? invalidStatus[result.reason as InvalidState]
        : result.reason === "details_required"
          ? 400
          : 403;
    const message =
      result.reason in invalidStatus
        ? t(`invite.invalid.${result.reason}` as MessageKey)
        : result.reason === "account_disabled"
          ? t("invite.accept.disabled")
          : result.reason === "wrong_account"
            ? t("invite.accept.wrongAccount")
            : t("form.errorSummary");
    return json(
      submission.reply({ formErrors: [message], hideFields: ["password", "confirmPassword"] }),
      { status },
    );
  }
  const next = await getAuthContextForToken(result.token);
  return redirect(next ? homeOf(next) : "/", {
    headers: { "set-cookie": sessionCookie(request, result.token, result.expiresAt) },
  });
}

export default function AcceptInvitationPage() {
  const data = useLoaderData<typeof loader>();
  if (data.state !== "open" || !data.invitation)
    return <InvalidLink state={data.state as InvalidState} />;
  const { invitation, view } = data;
  return (
    <section className="mx-auto max-w-md" aria-labelledby="invite-title">
      <h1 id="invite-title" className="mb-2 text-2xl font-bold">
        {view === "accept" || view === "login"
          ? t("invite.accept.existingTitle")
          : t("invite.accept.title")}
      </h1>
      <p className="mb-2 text-slate-700">
        {invitation.role === "candidate" || !invitation.organisationName
          ? t("invite.accept.introCandidate", { inviter: invitation.inviterName })
          : t("invite.accept.intro", {
              inviter: invitation.inviterName,
              organisation: invitation.organisationName,
              role: t(`role.${invitation.role}` as MessageKey),
            })}
      </p>
      {invitation.isOrgAdmin ? (
        <p className="mb-2 text-slate-700">{t("invite.accept.adminNote")}</p>
      ) : null}
      <p className="mb-6 text-slate-700">
        {t("invite.accept.forEmail", { email: invitation.email })}
      </p>
      {view === "create" ? <NewAccountForm suggestedName={invitation.suggestedName} /> : null}
      {view === "accept" ? <AcceptForm /> : null}
      {view === "login" ? (
        <div className="rounded-lg bg-white p-6 shadow">
          <p className="mb-4">{t("invite.accept.existingLogin")}</p>
          <Link to={data.loginHref} className="font-semibold text-brand-700 underline">
            {t("invite.accept.loginLink")}
          </Link>
        </div>
      ) : null}
      {view === "wrong_account" ? (
        <div className="rounded-lg bg-white p-6 shadow">
          <p className="mb-4">{t("invite.accept.wrongAccount")}</p>
          <Form method="post" action="/logout">
            <SubmitButton>{t("invite.accept.logout")}</SubmitButton>
          </Form>
        </div>
      ) : null}
      {view === "disabled" ? (
        <p className="rounded-lg bg-white p-6 shadow">{t("invite.accept.disabled")}</p>
      ) : null}
    </section>
  );
}

function NewAccountForm({ suggestedName }: { suggestedName: string }) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult,
    defaultValue: { name: suggestedName },
    constraint: getZodConstraint(NewAccountSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewAccountSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="rounded-lg bg-white p-6 shadow">
      <FormError id={form.errorId} errors={form.errors} />
      <Field
        label={t("invite.accept.name")}
        inputProps={{
          ...getInputProps(fields.name, { type: "text" }),
          autoComplete: "name",
          autoFocus: true,
        }}
        errors={fields.name.errors}
        errorId={fields.name.errorId}
      />
      <Field
        label={t("invite.password.label")}
        help={t("invite.password.help")}
        inputProps={{
          ...getInputProps(fields.password, { type: "password" }),
          autoComplete: "new-password",
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
      <SubmitButton pendingText={t("invite.accept.pending")}>
        {t("invite.accept.submit")}
      </SubmitButton>
    </Form>
  );
}

function AcceptForm() {
  const lastResult = useActionData<typeof action>();
  const errors = lastResult && "error" in lastResult ? lastResult.error?.[""] : undefined;
  return (
    <Form method="post" className="rounded-lg bg-white p-6 shadow">
      <FormError errors={errors ?? undefined} />
      <p className="mb-4">{t("invite.accept.existingAccept")}</p>
      <SubmitButton>{t("invite.accept.acceptSubmit")}</SubmitButton>
    </Form>
  );
}

function InvalidLink({ state }: { state: InvalidState }) {
  return (
    <section className="mx-auto max-w-md" aria-labelledby="invite-invalid-title">
      <h1 id="invite-invalid-title" className="mb-4 text-2xl font-bold">
        {t("invite.invalid.title")}
      </h1>
      <p className="mb-6 rounded-lg bg-white p-6 shadow">
        {t(`invite.invalid.${state}` as MessageKey)}
      </p>
      <Link to="/login" className="font-semibold text-brand-700 underline">
        {t("invite.invalid.toLogin")}
      </Link>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
