import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SubmitButton } from "~/components/forms";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { consentOverview, grantConsent, revokeConsent } from "~/domain/candidates/consent.server";
import { t } from "~/i18n";
import { dayLabel, isoDate } from "~/utils/dates";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("grant"), proposalId: z.uuid() }),
  z.object({ intent: z.literal("revoke"), consentId: z.uuid() }),
]);

export const meta: MetaFunction = () => [{ title: `${t("consent.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "manage:consents:own");
  return json({ subjects: await consentOverview(getDb(), context) });
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requirePermission(request, "manage:consents:own");
  const submission = parseWithZod(await request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") return json({ ...submission.reply(), message: null }, { status: 400 });
  const db = getDb();
  const origin = requestOrigin(request);
  const value = submission.value;
  const result =
    value.intent === "grant"
      ? await grantConsent(db, context, { proposalId: value.proposalId }, origin)
      : await revokeConsent(db, context, value.consentId, origin);
  if (!result.ok) {
    if (result.reason === "not_found") throw new Response("Not Found", { status: 404 });
    return json({ ...submission.reply({ formErrors: [t("consent.notAllowed")] }), message: null }, { status: 409 });
  }
  const message =
    value.intent === "grant"
      ? t("consent.granted", { organisation: result.organisationName })
      : t("consent.revoked", { organisation: result.organisationName });
  return json({ ...submission.reply({ resetForm: true }), message });
}

const date = (d: string) => dayLabel(isoDate(new Date(d)));

export default function CandidateConsents() {
  const { subjects } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageTitle intro={t("consent.intro")}>{t("consent.title")}</PageTitle>
      <FormError errors={result?.error?.[""] ?? undefined} />
      {result?.message ? (
        <p role="status" className="mb-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          {result.message}
        </p>
      ) : null}
      {subjects.length === 0 ? (
        <EmptyNote>{t("consent.empty")}</EmptyNote>
      ) : (
        subjects.map((s) => (
          <Section key={s.proposalId} id={`p-${s.proposalId}`} title={`${s.organisationName} · ${s.vacancyTitle}`}>
            <p className="text-sm text-slate-700">
              {s.hasOffer ? t("consent.subject.offer") : t("consent.subject.proposal")}
            </p>
            <p className="mt-2">
              {t("consent.state")}: {s.active ? t("consent.active", { date: date(s.active.grantedAt) }) : t("consent.none")}
            </p>
            {s.active ? (
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="consentId" value={s.active.id} />
                <SubmitButton className="rounded-md border border-red-700 px-3 py-1 font-semibold text-red-800 hover:bg-red-50">
                  {t("consent.revoke")}
                </SubmitButton>
              </Form>
            ) : (
              <Form method="post" className="mt-3">
                <p className="mb-2 text-sm">{t("consent.shares")}</p>
                <input type="hidden" name="intent" value="grant" />
                <input type="hidden" name="proposalId" value={s.proposalId} />
                <SubmitButton>{t("consent.grant")}</SubmitButton>
              </Form>
            )}
            {s.revoked.length ? (
              <details className="mt-3 text-sm">
                <summary>{t("consent.history")}</summary>
                <ul>
                  {s.revoked.map((r) => (
                    <li key={r.id}>
                      {t("consent.active", { date: date(r.grantedAt) })} · {t("consent.revokedOn", { date: date(r.revokedAt) })}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </Section>
        ))
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
