import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { memberships, organisations, users } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SubmitButton } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { setUserDisabled } from "~/domain/admin.server";
import { requestOrigin } from "~/domain/audit.server";
import { t, type MessageKey } from "~/i18n";

const DisableSchema = z.object({ userId: z.uuid(), disabled: z.enum(["true", "false"]) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:users");
  const rows = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
      roles: sql<string[]>`coalesce(array_agg(${memberships.role}::text || '|' || ${organisations.name}) filter (where ${memberships.id} is not null), '{}')`,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .groupBy(users.id)
    .orderBy(asc(users.email))
    .limit(500);
  return json({ users: rows });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requirePermission(request, "manage:users");
  const submission = parseWithZod(await request.formData(), { schema: DisableSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await setUserDisabled(
    getDb(),
    context,
    submission.value.userId,
    submission.value.disabled === "true",
    requestOrigin(request),
  );
  if (result === "not_found") throw new Response("Not Found", { status: 404 });
  if (result === "self") {
    return json(submission.reply({ formErrors: [t("admin.users.self")] }), { status: 400 });
  }
  return json(submission.reply({ resetForm: true }));
}

export default function AdminUsers() {
  const { users: rows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageTitle intro={t("admin.users.intro")}>{t("admin.users.title")}</PageTitle>
      <FormError errors={result?.error?.[""] ?? undefined} />
      <Section id="users" title={t("admin.users.title")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2 pr-3">{t("admin.users.name")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.users.email")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.users.roles")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.users.state")}</th>
                <th scope="col" className="py-2"><span className="sr-only">{t("admin.orgs.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id} className="border-b align-top">
                  <td className="py-2 pr-3 font-semibold">{u.name}</td>
                  <td className="py-2 pr-3">{u.email}</td>
                  <td className="py-2 pr-3">
                    {u.roles.map((r) => {
                      const [role, org] = r.split("|");
                      return (
                        <span key={r} className="block">
                          {t(`role.${role}` as MessageKey)} · {org}
                        </span>
                      );
                    })}
                  </td>
                  <td className="py-2 pr-3">{u.disabled ? t("admin.users.disabled") : t("admin.users.active")}</td>
                  <td className="py-2">
                    <Form method="post">
                      <input type="hidden" name="userId" value={u.id} />
                      <SubmitButton
                        name="disabled"
                        value={u.disabled ? "false" : "true"}
                        className="rounded-md border border-brand-700 px-2 py-1 text-brand-800 hover:bg-brand-50"
                      >
                        {u.disabled ? t("admin.users.enable") : t("admin.users.disable")}
                        <span className="sr-only"> {u.email}</span>
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
