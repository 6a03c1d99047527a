import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { candidateProfiles } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormError, SubmitButton, TextareaField } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { PublicProfileView } from "~/components/public-profile";
import { requestOrigin } from "~/domain/audit.server";
import { NoteSchema } from "~/domain/candidates/profile-schemas";
import { profileLeaks, publicProfileOf } from "~/domain/candidates/profile.server";
import {
  type PublicationError,
  approvalAccess,
  approveProfile,
  rejectProfile,
} from "~/domain/candidates/publication.server";
import { t } from "~/i18n";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("reject"), note: NoteSchema }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.profile ? t("approval.detail", { code: data.profile.code }) : t("approval.title")} · ${t("app.name")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "approve:profiles");
  const db = getDb();
  const access = await approvalAccess(db, context, params.candidateId);
  if (!access.ok && access.reason === "not_found") throw new Response("Not Found", { status: 404 });
  const candidate = access.candidate!;
  const profile = await publicProfileOf(db, candidate.id);
  if (!profile) throw new Response("Not Found", { status: 404 });
  const [state] = await db
    .select({ confirmedAt: candidateProfiles.confirmedByCandidateAt })
    .from(candidateProfiles)
    .where(eq(candidateProfiles.candidateId, candidate.id));
  const findings = await profileLeaks(db, candidate.id);
  return json({
    profile,
    ownProfile: !access.ok,
    awaiting: candidate.status === "awaiting_approval",
    confirmed: Boolean(state?.confirmedAt),
    findings: findings.map((f) => f.message),
  });
}

function errorMessage(result: PublicationError) {
  switch (result.reason) {
    case "own_profile":
      return t("approval.ownProfile");
    case "not_confirmed":
      return t("profile.error.notConfirmed");
    case "leaks":
      return t("profile.error.leaks");
    case "incomplete":
      return t("profile.error.incomplete", { missing: result.missing.join(", ") });
    default:
      return t("approval.notAwaiting");
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, "approve:profiles");
  const submission = parseWithZod(await request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const db = getDb();
  const origin = requestOrigin(request);
  const result =
    submission.value.intent === "approve"
      ? await approveProfile(db, context, params.candidateId, origin)
      : await rejectProfile(db, context, params.candidateId, submission.value.note, origin);
  if (!result.ok) {
    if (result.reason === "not_found") throw new Response("Not Found", { status: 404 });
    return json(submission.reply({ formErrors: [errorMessage(result)] }), {
      status: result.reason === "own_profile" ? 403 : 409,
    });
  }
  return redirect("/goedkeuren");
}

export default function ApproveProfile() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageTitle intro={t("approval.intro")}>{t("approval.detail", { code: data.profile.code })}</PageTitle>
      <FormError errors={result?.error?.[""] ?? undefined} />
      {data.ownProfile ? <p className="mb-4 rounded-md border border-amber-600 bg-amber-50 p-3">{t("approval.ownProfile")}</p> : null}
      {!data.awaiting ? <p className="mb-4">{t("approval.notAwaiting")}</p> : null}
      <Section id="leaks" title={t("profile.edit.leaks")}>
        {data.findings.length === 0 ? <p>{t("profile.edit.leaksNone")}</p> : <ErrorList errors={data.findings} />}
      </Section>
      <PublicProfileView profile={data.profile} />
      {data.awaiting && !data.ownProfile ? (
        <div className="mt-6">
          <Section id="decide" title={t("approval.title")}>
            <p className="mb-4">{data.confirmed ? t("profile.edit.confirmed") : t("profile.edit.notConfirmed")}</p>
            {data.confirmed && data.findings.length === 0 ? (
              <Form method="post" className="mb-6">
                <input type="hidden" name="intent" value="approve" />
                <SubmitButton>{t("approval.approve")}</SubmitButton>
              </Form>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="reject" />
              <TextareaField
                label={t("approval.rejectNote")}
                textareaProps={{ id: "note", name: "note", maxLength: 1000, required: true }}
                errors={result?.error?.note ?? undefined}
              />
              <SubmitButton className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
                {t("approval.reject")}
              </SubmitButton>
            </Form>
          </Section>
        </div>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
