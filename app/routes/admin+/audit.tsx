import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { and, desc, eq, like, lt } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { auditLog, users } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { t } from "~/i18n";

const PAGE = 50;
const Query = z.object({
  voor: z.coerce.number().int().positive().optional().catch(undefined),
  handeling: z.string().trim().max(80).regex(/^[a-z_.]*$/).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit");
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: users.email,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      result: auditLog.result,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        query.voor ? lt(auditLog.id, query.voor) : undefined,
        query.handeling ? like(auditLog.action, `${query.handeling}%`) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(PAGE);
  return json({ rows, next: rows.length === PAGE ? rows[rows.length - 1]!.id : null });
}

export default function AuditPage() {
  const { rows, next } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const action = params.get("handeling") ?? "";
  return (
    <>
      <PageTitle intro={t("admin.audit.intro")}>{t("admin.audit.title")}</PageTitle>
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="handeling" className="block text-sm font-medium">
            {t("admin.audit.filterAction")}
          </label>
          <input id="handeling" name="handeling" defaultValue={action} className="rounded-md border border-slate-400 px-2 py-1" />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-1 font-semibold text-white">
          {t("admin.audit.apply")}
        </button>
      </Form>
      <Section id="log" title={t("admin.audit.title")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2 pr-3">{t("admin.audit.when")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.audit.actor")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.audit.action")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.audit.object")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.audit.result")}</th>
                <th scope="col" className="py-2">{t("admin.audit.origin")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b align-top">
                  <td className="py-1 pr-3 whitespace-nowrap">{new Date(r.at).toLocaleString("nl-NL")}</td>
                  <td className="py-1 pr-3">{r.actor ?? "—"}</td>
                  <td className="py-1 pr-3">{r.action}</td>
                  <td className="py-1 pr-3">{r.objectType ? `${r.objectType} ${r.objectId ?? ""}` : "—"}</td>
                  <td className="py-1 pr-3">{r.result}</td>
                  <td className="py-1">{r.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {next ? (
          <p className="mt-3">
            <Link to={`?${new URLSearchParams({ ...(action ? { handeling: action } : {}), voor: String(next) })}`} className="text-brand-700 underline">
              {t("admin.audit.older")}
            </Link>
          </p>
        ) : null}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
