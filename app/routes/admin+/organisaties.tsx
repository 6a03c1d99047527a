import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { memberships, organisationKind, organisations } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SubmitButton } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { changeVerification } from "~/domain/admin.server";
import { requestOrigin } from "~/domain/audit.server";
import { t, type MessageKey } from "~/i18n";

const KindFilter = z.enum(organisationKind.enumValues).optional().catch(undefined);
const VerificationSchema = z.object({
  organisationId: z.uuid(),
  change: z.enum(["verify", "suspend", "reinstate"]),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:organisations");
  const kind = KindFilter.parse(new URL(request.url).searchParams.get("soort") ?? undefined);
  const rows = await getDb()
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      kvkNumber: organisations.kvkNumber,
      placeName: organisations.placeName,
      verificationStatus: organisations.verificationStatus,
      members: count(memberships.id),
    })
    .from(organisations)
    .leftJoin(memberships, eq(memberships.organisationId, organisations.id))
    .where(kind ? eq(organisations.kind, kind) : undefined)
    .groupBy(organisations.id)
    .orderBy(asc(organisations.kind), asc(organisations.name));
  return json({ organisations: rows, kinds: organisationKind.enumValues });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requirePermission(request, "verify:employers");
  const submission = parseWithZod(await request.formData(), { schema: VerificationSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { organisationId, change } = submission.value;
  const result = await changeVerification(getDb(), context, organisationId, change, requestOrigin(request));
  if (result === "not_found") throw new Response("Not Found", { status: 404 });
  if (result === "invalid_state") {
    return json(submission.reply({ formErrors: [t("admin.orgs.invalidState")] }), { status: 409 });
  }
  return json(submission.reply({ resetForm: true }));
}

export default function AdminOrganisations() {
  const { organisations: rows, kinds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const current = params.get("soort");
  return (
    <>
      <PageTitle intro={t("admin.orgs.intro")}>{t("admin.orgs.title")}</PageTitle>
      <FormError errors={result?.error?.[""] ?? undefined} />
      <nav aria-label={t("admin.orgs.filter")} className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link to="?" className={`rounded border px-2 py-1 ${!current ? "bg-brand-700 text-white" : ""}`}>
          {t("admin.orgs.all")}
        </Link>
        {kinds.map((k) => (
          <Link
            key={k}
            to={`?soort=${k}`}
            className={`rounded border px-2 py-1 ${current === k ? "bg-brand-700 text-white" : ""}`}
          >
            {t(`orgkind.${k}` as MessageKey)}
          </Link>
        ))}
      </nav>
      <Section id="list" title={t("admin.orgs.count", { count: rows.length })}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2 pr-3">{t("admin.orgs.name")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.orgs.kind")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.orgs.kvk")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.orgs.members")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.orgs.status")}</th>
                <th scope="col" className="py-2">{t("admin.orgs.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} className="border-b align-top">
                  <td className="py-2 pr-3 font-semibold">
                    {o.name}
                    {o.placeName ? <span className="block font-normal text-slate-700">{o.placeName}</span> : null}
                  </td>
                  <td className="py-2 pr-3">{t(`orgkind.${o.kind}` as MessageKey)}</td>
                  <td className="py-2 pr-3">{o.kvkNumber ?? "—"}</td>
                  <td className="py-2 pr-3">{o.members}</td>
                  <td className="py-2 pr-3">
                    {o.kind === "employer" ? t(`admin.orgs.verification.${o.verificationStatus}` as MessageKey) : "—"}
                  </td>
                  <td className="py-2">
                    {o.kind === "employer" ? <VerificationActions id={o.id} name={o.name} status={o.verificationStatus} /> : null}
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

function VerificationActions({ id, name, status }: { id: string; name: string; status: string }) {
  const changes =
    status === "unverified" ? (["verify", "suspend"] as const) : status === "verified" ? (["suspend"] as const) : (["reinstate"] as const);
  return (
    <div className="flex flex-wrap gap-2">
      {changes.map((change) => (
        <Form method="post" key={change}>
          <input type="hidden" name="organisationId" value={id} />
          <SubmitButton
            name="change"
            value={change}
            className="rounded-md border border-brand-700 px-2 py-1 text-brand-800 hover:bg-brand-50"
          >
            <span>{t(`admin.orgs.${change}` as MessageKey)}</span>
            <span className="sr-only"> {name}</span>
          </SubmitButton>
        </Form>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
