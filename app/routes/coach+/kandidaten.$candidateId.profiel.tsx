import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormError, SubmitButton } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { type ProfileFormValue, ProfileEditorForm } from "~/components/profile-editor";
import { PublicProfileView } from "~/components/public-profile";
import { requestOrigin } from "~/domain/audit.server";
import { COMMON_CERTIFICATES, createProfileSchema } from "~/domain/candidates/profile-schemas";
import {
  EDITABLE_STATUSES,
  loadProfileEditor,
  occupationSuggestions,
  occupationTitleOf,
  placeSuggestions,
  profileTaxonomy,
  saveProfile,
} from "~/domain/candidates/profile.server";
import {
  type PublicationError,
  confirmOnBehalf,
  pauseProfile,
  resumeProfile,
  submitForApproval,
  withdrawProfile,
} from "~/domain/candidates/publication.server";
import { getGazetteer } from "~/domain/geo/gazetteer";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("profile.nav.mine")} · ${t("app.name")}` }];

const common = new Set<string>(COMMON_CERTIFICATES);
const str = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "write:profiles:own-caseload");
  const db = getDb();
  const editor = await loadProfileEditor(db, context, params.candidateId, requestOrigin(request));
  const taxonomy = await profileTaxonomy(db);
  const p = editor.profile;
  const experience = (p?.experience ?? []).map((e) => ({
    title: e.title,
    sector: e.sector,
    months: String(e.months),
    duringDetention: e.duringDetention ? "on" : undefined,
  }));
  const languages = (p?.languages ?? []).map((l) => ({ language: l.language, level: l.level }));
  const occupations = (p?.occupationCodes ?? []).map((c) => occupationTitleOf(taxonomy, c) ?? "").filter(Boolean);
  const defaultValue: ProfileFormValue = {
    intent: "save",
    headline: p?.headline ?? "",
    summary: p?.summary ?? "",
    motivation: p?.motivation ?? "",
    sectors: p?.sectors ?? [],
    occupations: [...occupations, "", "", ""].slice(0, 3),
    skills: (p?.skills ?? []).join("\n"),
    certificates: (p?.certificates ?? []).filter((c) => common.has(c.name)).map((c) => c.name),
    otherCertificates: (p?.certificates ?? []).filter((c) => !common.has(c.name)).map((c) => c.name).join("\n"),
    licences: p?.licences ?? [],
    languages: [...languages, {}, {}].slice(0, Math.max(2, languages.length + 1)),
    educationLevel: p?.educationLevel ?? "",
    experience: [...experience, {}, {}].slice(0, Math.min(15, experience.length + 2)),
    hoursMin: str(p?.hoursMin),
    hoursMax: str(p?.hoursMax),
    shifts: p?.shifts ?? [],
    transport: p?.transport ?? [],
    region: p?.regionName ?? "",
    travelKm: str(p?.travelKm),
    availableDuringDetentionFrom: p?.availableDuringDetentionFrom ?? "",
    availableAfterReleaseFrom: p?.availableAfterReleaseFrom ?? "",
  };
  return json({
    candidate: editor.candidate,
    editable: EDITABLE_STATUSES.includes(editor.candidate.status),
    // Remounts the form after a save, so it shows what was stored.
    version: p ? p.updatedAt.toISOString() : "new",
    defaultValue,
    verifiedCertificates: (p?.certificates ?? []).filter((c) => c.verified).map((c) => c.name),
    verifiedExperience: (p?.experience ?? []).map((e) => e.verified),
    findings: editor.findings.map((f) => f.message),
    missing: editor.missing,
    preview: editor.preview,
    confirmed: Boolean(p?.confirmedByCandidateAt),
    changeRequest: p?.changeRequestedByCandidate ?? null,
    occupationOptions: occupationSuggestions(),
    placeOptions: placeSuggestions(),
  });
}

const PublicationSchema = z.object({
  intent: z.enum(["submit", "confirm_on_behalf", "pause", "resume", "withdraw"]),
});

function publicationError(result: PublicationError) {
  switch (result.reason) {
    case "incomplete":
      return t("profile.error.incomplete", { missing: result.missing.join(", ") });
    case "leaks":
      return t("profile.error.leaks");
    case "not_confirmed":
      return t("profile.error.notConfirmed");
    case "has_account":
      return t("profile.error.hasAccount");
    default:
      return t("profile.error.notEditable");
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, "write:profiles:own-caseload");
  const db = getDb();
  const origin = requestOrigin(request);
  const formData = await request.formData();
  const here = new URL(request.url).pathname;

  if (formData.get("intent") === "save") {
    const schema = createProfileSchema({ taxonomy: await profileTaxonomy(db), gazetteer: getGazetteer() });
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return json({ form: "save" as const, result: submission.reply() }, { status: 400 });
    const saved = await saveProfile(db, context, params.candidateId, submission.value, origin);
    if (!saved.ok) {
      return json({ form: "save" as const, result: submission.reply({ formErrors: [t("profile.error.notEditable")] }) }, { status: 409 });
    }
    const backToApproval = saved.textChanged && saved.status === "awaiting_approval";
    return redirect(`${here}?opgeslagen=${backToApproval ? "goedkeuring" : "ja"}`);
  }

  const submission = parseWithZod(formData, { schema: PublicationSchema });
  if (submission.status !== "success") return json({ form: "publication" as const, result: submission.reply() }, { status: 400 });
  const steps = { submit: submitForApproval, confirm_on_behalf: confirmOnBehalf, pause: pauseProfile, resume: resumeProfile, withdraw: withdrawProfile };
  const result = await steps[submission.value.intent](db, context, params.candidateId, origin);
  if (!result.ok) {
    return json({ form: "publication" as const, result: submission.reply({ formErrors: [publicationError(result)] }) }, { status: 409 });
  }
  return redirect(`${here}?stap=${submission.value.intent}`);
}

function Step({ intent, children, help, danger }: { intent: string; children: string; help?: string; danger?: boolean }) {
  return (
    <Form method="post" className="mb-4">
      <input type="hidden" name="intent" value={intent} />
      {help ? <p className="mb-2 text-sm text-slate-700">{help}</p> : null}
      <SubmitButton
        className={
          danger
            ? "rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50"
            : undefined
        }
      >
        {children}
      </SubmitButton>
    </Form>
  );
}

export default function CoachProfileEditor() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const status = data.candidate.status;
  const saved = params.get("opgeslagen");
  return (
    <>
      <PageTitle intro={t("profile.edit.intro")}>{t("profile.edit.title", { name: data.candidate.name })}</PageTitle>
      <p className="mb-4">
        {t("profile.edit.status", { status: t(`candidate.status.${status}` as MessageKey) })} ·{" "}
        <Link to={`/coach/kandidaten/${data.candidate.id}`} className="text-brand-700 underline">
          {t("nav.home")}
        </Link>
      </p>
      {saved ? (
        <p role="status" className="mb-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          {saved === "goedkeuring" ? t("profile.edit.savedBackToApproval") : t("profile.edit.saved")}
        </p>
      ) : null}
      {actionData?.form === "publication" ? <FormError errors={actionData.result.error?.[""] ?? undefined} /> : null}
      {data.changeRequest ? (
        <Section id="change-request" title={t("profile.edit.changeRequest")}>
          <p className="whitespace-pre-line">{data.changeRequest}</p>
        </Section>
      ) : null}

      <Section id="leaks" title={t("profile.edit.leaks")}>
        {data.findings.length === 0 ? (
          <p>{t("profile.edit.leaksNone")}</p>
        ) : (
          <>
            <p className="font-medium">{t("profile.edit.leaksFound")}</p>
            <ErrorList errors={data.findings} />
          </>
        )}
      </Section>

      {data.editable ? (
        <ProfileEditorForm
          key={data.version}
          defaultValue={data.defaultValue}
          lastResult={actionData?.form === "save" ? actionData.result : null}
          verifiedCertificates={data.verifiedCertificates}
          verifiedExperience={data.verifiedExperience}
          occupationOptions={data.occupationOptions}
          placeOptions={data.placeOptions}
        />
      ) : (
        <p className="mb-6">
          {status === "nominated"
            ? t("profile.edit.notYet")
            : t("profile.edit.readOnly", { status: t(`candidate.status.${status}` as MessageKey) })}
        </p>
      )}

      <div className="mt-8">
        <Section id="publication" title={t("profile.edit.publication")}>
          <p className="mb-3">{data.confirmed ? t("profile.edit.confirmed") : t("profile.edit.notConfirmed")}</p>
          {status === "profile_draft" ? (
            <Step intent="submit" help={t("profile.edit.submitHelp")}>
              {t("profile.edit.submit")}
            </Step>
          ) : null}
          {!data.candidate.hasAccount && !data.confirmed && ["profile_draft", "awaiting_approval", "paused"].includes(status) && data.preview ? (
            <Step intent="confirm_on_behalf" help={t("profile.edit.confirmOnBehalfHelp")}>
              {t("profile.edit.confirmOnBehalf")}
            </Step>
          ) : null}
          {status === "published" ? <Step intent="pause">{t("profile.edit.pause")}</Step> : null}
          {status === "paused" ? <Step intent="resume">{t("profile.edit.resume")}</Step> : null}
          {data.editable ? (
            <Step intent="withdraw" help={t("profile.edit.withdrawHelp")} danger>
              {t("profile.edit.withdraw")}
            </Step>
          ) : null}
        </Section>
      </div>

      {data.preview ? (
        <section aria-labelledby="preview-title" className="mt-8">
          <h2 id="preview-title" className="mb-3 text-xl font-semibold">
            {t("profile.edit.preview")}
          </h2>
          <PublicProfileView profile={data.preview} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
