import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { and, count, desc, eq } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { auditLog, organisations, users } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, OrganisationsCard, PageTitle, Section, StatList } from "~/components/home";
import { homeOrganisations } from "~/domain/home.server";
import { t, type MessageKey } from "~/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "manage:organisations");
  const db = getDb();
  const byKind = await db
    .select({ kind: organisations.kind, n: count() })
    .from(organisations)
    .groupBy(organisations.kind);
  const awaiting = await db
    .select({ id: organisations.id, name: organisations.name, placeName: organisations.placeName })
    .from(organisations)
    .where(and(eq(organisations.kind, "employer"), eq(organisations.verificationStatus, "unverified")))
    .orderBy(organisations.createdAt)
    .limit(10);
  const [userCount] = await db.select({ n: count() }).from(users);
  const recent = await db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, result: auditLog.result })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(5);
  return json({
    organisations: homeOrganisations(context),
    byKind,
    awaiting,
    userCount: userCount?.n ?? 0,
    recent,
  });
}

export default function AdminHome() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("home.admin.intro")}>{t("home.admin.title")}</PageTitle>
      <OrganisationsCard organisations={data.organisations} />
      <Section id="verify" title={t("home.admin.awaiting")}>
        {data.awaiting.length === 0 ? (
          <EmptyNote>{t("home.admin.noneAwaiting")}</EmptyNote>
        ) : (
          <ul className="list-disc pl-6">
            {data.awaiting.map((o) => (
              <li key={o.id}>
                {o.name}
                {o.placeName ? ` (${o.placeName})` : ""}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3">
          <Link to="/admin/organisaties" className="text-brand-700 underline">
            {t("home.admin.toOrganisations")}
          </Link>
        </p>
      </Section>
      <Section id="numbers" title={t("home.admin.numbers")}>
        <StatList
          items={[
            { label: t("home.admin.users"), value: data.userCount },
            ...data.byKind.map((k) => ({ label: t(`orgkind.${k.kind}` as MessageKey), value: k.n })),
          ]}
        />
      </Section>
      <Section id="recent" title={t("home.admin.recent")}>
        <ul className="space-y-1 text-sm">
          {data.recent.map((r) => (
            <li key={r.id}>
              <time dateTime={r.at}>{new Date(r.at).toLocaleString("nl-NL")}</time> · {r.action} ·{" "}
              {r.result}
            </li>
          ))}
        </ul>
        <p className="mt-3">
          <Link to="/admin/audit" className="text-brand-700 underline">
            {t("home.admin.toAudit")}
          </Link>
        </p>
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
