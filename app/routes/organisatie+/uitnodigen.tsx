import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { type AuthContext, forbidden, requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { InvitationActionSchema, InviteForm, OpenInvitations } from "~/components/invitations";
import { audit, requestOrigin } from "~/domain/audit.server";
import {
  createInvitation,
  listOpenInvitations,
  revokeInvitation,
  roleFitsKind,
  rolesForKind,
} from "~/domain/invitations.server";
import { t } from "~/i18n";

/*
 * An organisation's own admin invites colleagues into the organisation they work in now
 * (the session's active membership), never into another one.
 */

export const meta: MetaFunction = () => [{ title: `${t("invite.own.title")} · ${t("app.name")}` }];

async function requireOwnOrganisation(request: Request) {
  const context = await requirePermission(request, "invite:own-organisation");
  // The permission comes from an admin membership, so there is an active organisation.
  if (!context.organisation) forbidden();
  return context as AuthContext & { organisation: NonNullable<AuthContext["organisation"]> };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = await requireOwnOrganisation(request);
  const open = await listOpenInvitations(getDb(), {
    kind: "organisation",
    organisationId: organisation.id,
  });
  return json({
    organisation: { id: organisation.id, name: organisation.name },
    roles: rolesForKind[organisation.kind],
    invitations: open,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requireOwnOrganisation(request);
  const { organisation } = context;
  const submission = parseWithZod(await request.formData(), { schema: InvitationActionSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), notice: null }, { status: 400 });
  }
  const db = getDb();
  const origin = requestOrigin(request);
  const actor = {
    userId: context.user.id,
    name: context.user.name,
    organisationId: organisation.id,
  };
  const scope = { kind: "organisation", organisationId: organisation.id } as const;

  if (submission.value.intent === "revoke") {
    const outcome = await revokeInvitation(db, {
      invitationId: submission.value.invitationId,
      scope,
      actor,
      origin,
    });
    if (outcome === "not_found") throw new Response("Not Found", { status: 404 });
    return json({ result: submission.reply(), notice: t("invite.list.revoked") });
  }

  const { email, organisationId, role, isOrgAdmin } = submission.value;
  if (organisationId !== organisation.id) {
    await audit(db, {
      actorUserId: context.user.id,
      actorOrganisationId: organisation.id,
      action: "access.denied",
      objectType: "organisation",
      objectId: organisationId,
      result: "denied",
      origin,
      details: { path: new URL(request.url).pathname, reason: "other_organisation" },
    });
    forbidden();
  }
  if (!roleFitsKind(role, organisation.kind)) {
    return json(
      {
        result: submission.reply({ fieldErrors: { role: [t("invite.error.roleNotAllowed")] } }),
        notice: null,
      },
      { status: 400 },
    );
  }
  const outcome = await createInvitation(db, {
    organisationId: organisation.id,
    email,
    role,
    isOrgAdmin: isOrgAdmin ?? false,
    inviter: actor,
    origin,
  });
  if (!outcome.ok) {
    const message =
      outcome.reason === "already_member"
        ? t("invite.error.alreadyMember")
        : outcome.reason === "account_disabled"
          ? t("invite.error.accountDisabled")
          : outcome.reason === "role_not_allowed"
            ? t("invite.error.roleNotAllowed")
            : t("invite.error.organisationNotFound");
    const field = outcome.reason === "role_not_allowed" ? "role" : "email";
    return json(
      { result: submission.reply({ fieldErrors: { [field]: [message] } }), notice: null },
      { status: 400 },
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

export default function InviteColleaguePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageTitle intro={t("invite.own.intro", { organisation: data.organisation.name })}>
        {t("invite.own.title")}
      </PageTitle>
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
          organisations={[data.organisation]}
          roles={data.roles}
        />
      </Section>
      <OpenInvitations rows={data.invitations} showOrganisation={false} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
