import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { candidateProfiles, candidates } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SubmitButton, TextareaField } from "~/components/forms";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { PublicProfileView } from "~/components/public-profile";
import { requestOrigin } from "~/domain/audit.server";
import { NoteSchema } from "~/domain/candidates/profile-schemas";
import { publicProfileOf } from "~/domain/candidates/profile.server";
import { confirmProfile, requestChanges } from "~/domain/candidates/publication.server";
import { t, type MessageKey } from "~/i18n";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm") }),
  z.object({ intent: z.literal("request_changes"), note: NoteSchema }),
]);

export const meta: MetaFunction = () => [{ title: `${t("profile.mine.title")} · ${t("app.name")}` }];

async function ownCandidateId(request: Request) {
  const context = await requirePermission(request, "read:profile:own");
  if (!context.candidateId) throw new Response("Not Found", { status: 404 });
  return { context, candidateId: context.candidateId };
}

// The candidate sees exactly what an employer sees: the same projection, the same component.
export async function loader({ request }: LoaderFunctionArgs) {
  const { candidateId } = await ownCandidateId(request);
  const db = getDb();
  const [state] = await db
    .select({
      status: candidates.status,
      confirmedAt: candidateProfiles.confirmedByCandidateAt,
      changeRequest: candidateProfiles.changeRequestedByCandidate,
    })
    .from(candidates)
    .leftJoin(candidateProfiles, eq(candidateProfiles.candidateId, candidates.id))
    .where(eq(candidates.id, candidateId));
  if (!state) throw new Response("Not Found", { status: 404 });
  const profile = await publicProfileOf(db, candidateId);
  const canConfirm =
    profile !== null && !state.confirmedAt && ["profile_draft", "awaiting_approval", "paused"].includes(state.status);
  const canRequestChanges = profile !== null && ["profile_draft", "awaiting_approval", "published", "paused"].includes(state.status);
  return json({
    profile,
    status: state.status,
    confirmed: state.confirmedAt !== null,
    changeRequest: state.changeRequest,
    canConfirm,
    canRequestChanges,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { context } = await ownCandidateId(request);
  const submission = parseWithZod(await request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const db = getDb();
  const origin = requestOrigin(request);
  const result =
    submission.value.intent === "confirm"
      ? await confirmProfile(db, context, origin)
      : await requestChanges(db, context, submission.value.note, origin);
  if (!result.ok) return json(submission.reply({ formErrors: [t("profile.error.notEditable")] }), { status: 409 });
  return json(submission.reply({ resetForm: true }));
}

export default function CandidateProfilePage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageTitle intro={t("profile.mine.intro")}>{t("profile.mine.title")}</PageTitle>
      <FormError errors={result?.error?.[""] ?? undefined} />
      <p className="mb-4">
        {t(`candidate.explain.${data.status}` as MessageKey)}
        {data.confirmed ? ` ${t("profile.mine.confirmed")}` : ""}
      </p>
      {data.changeRequest ? (
        <p className="mb-4 rounded-md border border-amber-600 bg-amber-50 p-3">
          {t("profile.mine.pendingRequest", { note: data.changeRequest })}
        </p>
      ) : null}
      {data.profile ? <PublicProfileView profile={data.profile} /> : <EmptyNote>{t("profile.mine.none")}</EmptyNote>}
      {data.canConfirm || data.canRequestChanges ? (
        <div className="mt-6">
          <Section id="confirm" title={t("profile.mine.confirmTitle")}>
            <p className="mb-4">{t("profile.mine.confirmIntro")}</p>
            {data.canConfirm ? (
              <Form method="post" className="mb-6">
                <input type="hidden" name="intent" value="confirm" />
                <SubmitButton>
                  {t("profile.mine.confirm")}
                </SubmitButton>
              </Form>
            ) : null}
            {data.canRequestChanges ? (
              <Form method="post">
                <input type="hidden" name="intent" value="request_changes" />
                <TextareaField
                  label={t("profile.mine.changes")}
                  textareaProps={{ id: "note", name: "note", maxLength: 1000, required: true }}
                  errors={result?.error?.note ?? undefined}
                />
                <SubmitButton
                  className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
                >
                  {t("profile.mine.requestChanges")}
                </SubmitButton>
              </Form>
            ) : null}
          </Section>
        </div>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
