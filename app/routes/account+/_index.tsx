import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { users } from "#db/schema";
import { roleHome, roleOfMembership } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SubmitButton } from "~/components/forms";
import { OrganisationsCard, PageTitle, Section } from "~/components/home";
import { setEmailDigest, switchOrganisation } from "~/domain/account.server";
import { requestOrigin } from "~/domain/audit.server";
import { homeOrganisations } from "~/domain/home.server";
import { t, type MessageKey } from "~/i18n";

const SwitchSchema = z.object({ intent: z.literal("switch"), membershipId: z.uuid() });
const DigestSchema = z.object({ intent: z.literal("digest"), digest: z.enum(["on", "off"]) });
const AccountSchema = z.discriminatedUnion("intent", [SwitchSchema, DigestSchema]);

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireUser(request);
  const [prefs] = await getDb()
    .select({ emailDigest: users.emailDigest })
    .from(users)
    .where(eq(users.id, context.user.id));
  return json({
    user: { name: context.user.name, email: context.user.email },
    role: context.role,
    organisations: homeOrganisations(context),
    emailDigest: prefs?.emailDigest ?? false,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: AccountSchema });
  if (submission.status !== "success") {
    return json(submission.reply(), { status: 400 });
  }
  const db = getDb();
  const origin = requestOrigin(request);
  if (submission.value.intent === "switch") {
    const { membershipId } = submission.value;
    const ok = await switchOrganisation(db, context, membershipId, origin);
    if (!ok) {
      return json(submission.reply({ formErrors: [t("account.switch.unknown")] }), { status: 400 });
    }
    const membership = context.memberships.find((m) => m.membershipId === membershipId);
    return redirect(membership ? roleHome[roleOfMembership(membership.membershipRole)] : "/");
  }
  await setEmailDigest(db, context, submission.value.digest === "on", origin);
  return json(submission.reply({ resetForm: true }));
}

export default function AccountPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const others = data.organisations.filter((o) => !o.active);
  return (
    <>
      <PageTitle>{t("account.title")}</PageTitle>
      <FormError errors={result?.error?.[""] ?? undefined} />
      <Section id="me" title={t("account.me")}>
        <p>
          {data.user.name} · {data.user.email}
        </p>
        <p className="text-sm text-slate-700">{t(`role.${data.role}` as MessageKey)}</p>
      </Section>
      <OrganisationsCard organisations={data.organisations} />
      {others.length > 0 ? (
        <Section id="switch" title={t("nav.switchOrganisation")}>
          <ul className="space-y-2">
            {others.map((o) => (
              <li key={o.membershipId}>
                <Form method="post">
                  <input type="hidden" name="intent" value="switch" />
                  <SubmitButton name="membershipId" value={o.membershipId}>
                    {t("account.switch.to", { name: o.name, role: t(`role.${o.role}` as MessageKey) })}
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="email" title={t("account.email.title")}>
        <Form method="post">
          <input type="hidden" name="intent" value="digest" />
          <fieldset>
            <legend className="mb-2">{t("account.email.question")}</legend>
            <label className="mb-1 flex items-center gap-2">
              <input type="radio" name="digest" value="off" defaultChecked={!data.emailDigest} />
              {t("account.email.single")}
            </label>
            <label className="mb-3 flex items-center gap-2">
              <input type="radio" name="digest" value="on" defaultChecked={data.emailDigest} />
              {t("account.email.digest")}
            </label>
          </fieldset>
          <SubmitButton pendingText={t("form.saving")}>{t("form.save")}</SubmitButton>
        </Form>
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
