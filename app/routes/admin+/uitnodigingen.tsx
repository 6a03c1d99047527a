import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { asc } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { organisations } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { InvitationActionSchema, InviteForm, OpenInvitations } from "~/components/invitations";
import { requestOrigin } from "~/domain/audit.server";
import {
  createInvitation,
  listOpenInvitations,
  revokeInvitation,
  rolesForKind,
} from "~/domain/invitations.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [
  { title: `${t("invite.admin.title")} · ${t("app.name")}` },
];

const allRoles = [...new Set(Object.values(rolesForKind).flat())];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "invite:any-organisation");
  const db = getDb();
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.name));
  const open = await listOpenInvitations(db, { kind: "any" });
  return json({ organisations: orgs, roles: allRoles, invitations: open });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requirePermission(request, "invite:any-organisation");
  const submission = parseWithZod(await request.formData(), { schema: InvitationActionSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), notice: null }, { status: 400 });
  }
  const db = getDb();
  const actor = {
    userId: context.user.id,
    name: context.user.name,
    organisationId: context.organisation?.id ?? null,
  };
  const origin = requestOrigin(request);

  if (submission.value.intent === "revoke") {
    const outcome = await revokeInvitation(db, {
      invitationId: submission.value.invitationId,
      scope: { kind: "any" },
      actor,
      origin,
    });
    if (outcome === "not_found") throw new Response("Not Found", { status: 404 });
    return json({ result: submission.reply(), notice: t("invite.list.revoked") });
  }

  const { email, organisationId, role, isOrgAdmin } = submission.value;
  const outcome = await createInvitation(db, {
    organisationId,
    email,
    role,
    isOrgAdmin: isOrgAdmin ?? false,
    inviter: actor,
    origin,
  });
  if (!outcome.ok) {
    const fieldErrors: Record<string, string[]> =
      outcome.reason === "organisation_not_found"
        ? { organisationId: [t("invite.error.organisationNotFound")] }
        : outcome.reason === "role_not_allowed"
          ? { role: [t("invite.error.roleNotAllowed")] }
          : outcome.reason === "already_member"
            ? { email: [t("invite.error.alreadyMember")] }
            : { email: [t("invite.error.accountDisabled")] };
    return json(
      { result: submission.reply({ fieldErrors }), notice: null },
      { status: outcome.reason === "organisation_not_found" ? 404 : 400 },
    );
  }
  const notice = [
    t("invite.form.sent", { email }),
    outcome.replaced ? t("invite.form.replaced") : "",
  ]
    .filter(Boolean)
    .join(" ");
  return json({ result: submission.reply({ resetForm: true }), notice });
}

export default function AdminInvitationsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageTitle intro={t("invite.admin.intro")}>{t("invite.admin.title")}</PageTitle>
      {actionData?.notice ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900"
        >
          {actionData.notice}
        </p>
      ) : null}
      <Section id="new-invitation" title={t("invite.form.title")}>
        <InviteForm
          lastResult={actionData?.result}
          organisations={data.organisations}
          roles={data.roles}
        />
      </Section>
      <OpenInvitations rows={data.invitations} showOrganisation />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
