import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { userHasPermission } from "~/auth/permissions";
import { forbidden, requirePermission } from "~/auth/session.server";
import { ConditionBadge, Facts, SavedNotice } from "~/components/candidate-intake";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, SubmitButton } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { requireScopedCandidate } from "~/domain/candidates/access.server";
import { readCoachCandidate } from "~/domain/candidates/caseload.server";
import { readContactDetails, updateContactDetails } from "~/domain/candidates/contact.server";
import { CONTACT_LIMITS, contactDetailsSchema } from "~/domain/candidates/contact-schemas";
import { completeIntake, INTAKE_EDITABLE, inviteCandidate, startIntake } from "~/domain/candidates/intake.server";
import { dateTimeLabel, inviteCandidateSchema, lifecycleIntentSchema } from "~/domain/candidates/intake-schemas";
import { t, type MessageKey } from "~/i18n";
import { dayLabel } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${t("candidates.coach.detailTitle")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-caseload");
  const db = getDb();
  const c = await readCoachCandidate(db, context, params.candidateId, "coach.detail", requestOrigin(request));
  const { constraints, ...candidate } = c;
  return json({
    candidate,
    constraints: {
      vogRiskAreas: constraints.vogRiskAreas.length,
      areaBans: constraints.areaBans.length,
      leaveHourLimits: Boolean(constraints.leaveHourLimits),
    },
    canInvite: c.canWrite && userHasPermission(context, "invite:candidates:own-caseload"),
    intakeEditable: INTAKE_EDITABLE.includes(c.status),
    // Only the own coach keeps contact details; colleagues (read-only) get no form.
    contact: c.canWrite ? await readContactDetails(db, context, c.id) : null,
  });
}

const IntentSchema = z.object({ intent: z.enum(["start-intake", "complete-intake", "invite", "contact"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, "write:profiles:own-caseload");
  const db = getDb();
  // Colleagues of the same organisation only read: for them this candidate is not found.
  const candidate = await requireScopedCandidate(db, context, params.candidateId, "write");
  const formData = await request.formData();
  const origin = requestOrigin(request);
  const chosen = parseWithZod(formData, { schema: IntentSchema });
  if (chosen.status !== "success") return json({ intent: null, result: chosen.reply() }, { status: 400 });
  const intent = chosen.value.intent;
  if (intent === "invite") {
    if (!userHasPermission(context, "invite:candidates:own-caseload")) forbidden();
    const submission = parseWithZod(formData, { schema: inviteCandidateSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    const result = await inviteCandidate(db, context, { candidateId: candidate.id, email: submission.value.email }, origin);
    if (result.ok) return redirect(`/coach/kandidaten/${candidate.id}?bewaard=invite`);
    if (result.reason === "not_found") throw new Response("Not Found", { status: 404 });
    const key: MessageKey = `candidates.invite.error.${result.reason}`;
    return json({ intent, result: submission.reply({ formErrors: [t(key)] }) }, { status: 400 });
  }
  if (intent === "contact") {
    const submission = parseWithZod(formData, { schema: contactDetailsSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    const result = await updateContactDetails(db, context, { candidateId: candidate.id, ...submission.value }, origin);
    if (!result.ok) throw new Response("Not Found", { status: 404 });
    return redirect(`/coach/kandidaten/${candidate.id}?bewaard=contact`);
  }
  const submission = parseWithZod(formData, { schema: lifecycleIntentSchema });
  if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
  const run = intent === "start-intake" ? startIntake : completeIntake;
  const result = await run(db, context, candidate.id, origin);
  if (result.ok) {
    return redirect(intent === "start-intake" ? `/coach/kandidaten/${candidate.id}/intake?bewaard=start-intake` : `/coach/kandidaten/${candidate.id}?bewaard=${intent}`);
  }
  if (result.reason === "not_found") throw new Response("Not Found", { status: 404 });
  const key: MessageKey = result.reason === "conditions_unknown" ? "candidates.intake.conditionsUnknown" : "candidates.form.invalidState";
  return json({ intent, result: submission.reply({ formErrors: [t(key)] }) }, { status: 400 });
}

export default function CoachCandidate() {
  const { candidate: c, constraints, canInvite, intakeEditable, contact } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("bewaard");
  const lifecycleErrors = data && data.intent !== "invite" && data.intent !== "contact" ? (data.result.error?.[""] ?? undefined) : undefined;
  const [inviteForm, inviteFields] = useForm<z.input<typeof inviteCandidateSchema>>({
    id: "invite",
    lastResult: data?.intent === "invite" ? data.result : undefined,
    defaultValue: { email: c.email ?? "" },
  });
  const [contactForm, contactFields] = useForm<z.input<typeof contactDetailsSchema>>({
    id: "contact",
    lastResult: data?.intent === "contact" ? data.result : undefined,
    defaultValue: { phone: contact?.phone ?? "", email: contact?.email ?? "", address: contact?.address ?? "" },
  });
  return (
    <>
      <PageTitle intro={t(`candidate.status.${c.status}` as MessageKey)}>
        {c.firstName} {c.lastName}
      </PageTitle>
      <SavedNotice show={Boolean(saved)}>{t(saved === "invite" ? "candidates.invite.sent" : "candidates.form.saved")}</SavedNotice>
      {!c.canWrite ? <p className="mb-4 rounded-md border border-slate-400 bg-slate-50 p-3">{t("candidates.coach.readOnly", { coach: c.coachName ?? "" })}</p> : null}
      <FormError errors={lifecycleErrors} />
      {c.canWrite ? (
        <Section id="steps" title={t("candidates.intake.stepsTitle")}>
          {c.status === "nominated" || c.status === "handed_over" ? (
            <Form method="post">
              <p className="mb-3">{t("candidates.intake.startHelp")}</p>
              <input type="hidden" name="intent" value="start-intake" />
              <SubmitButton>{t("candidates.intake.start")}</SubmitButton>
            </Form>
          ) : null}
          {c.status === "intake" ? (
            <Form method="post">
              <p className="mb-3">{t("candidates.intake.completeHelp")}</p>
              <input type="hidden" name="intent" value="complete-intake" />
              <SubmitButton>{t("candidates.intake.complete")}</SubmitButton>
            </Form>
          ) : null}
          <ul className="mt-3 space-y-1">
            {intakeEditable ? (
              <li>
                <Link to={`/coach/kandidaten/${c.id}/intake`} className="font-semibold text-brand-700 underline">{t("candidates.intake.link")}</Link>
              </li>
            ) : null}
            {c.status !== "nominated" && c.status !== "intake" ? (
              <li>
                <Link to={`/coach/kandidaten/${c.id}/profiel`} className="font-semibold text-brand-700 underline">{t("candidates.coach.profileLink")}</Link>
              </li>
            ) : null}
            {["nominated", "intake", "profile_draft", "awaiting_approval", "published", "paused"].includes(c.status) ? (
              <li>
                <Link to={`/coach/overdracht/${c.id}`} className="text-brand-700 underline">{t("pipeline.page.handoverForm.link")}</Link>
              </li>
            ) : null}
          </ul>
        </Section>
      ) : null}
      <Section id="person" title={t("candidates.detail.person")}>
        <Facts
          items={[
            { label: t("candidates.field.dateOfBirth"), value: dayLabel(c.dateOfBirth) },
            { label: t("candidates.field.phone"), value: c.phone ?? t("candidates.detail.unknown") },
            { label: t("candidates.field.email"), value: c.email ?? t("candidates.detail.unknown") },
            { label: t("candidates.field.municipality"), value: c.municipalityName },
            { label: t("candidates.detail.prison"), value: c.prisonName ?? t("candidates.detail.unknown") },
            { label: t("candidates.field.releaseDate"), value: c.releaseDate ? dayLabel(c.releaseDate) : t("candidates.release.unknown") },
            { label: t("candidates.field.workExperienceAllowedFrom"), value: c.workExperienceAllowedFrom ? dayLabel(c.workExperienceAllowedFrom) : t("candidates.detail.unknown") },
            { label: t("candidates.meeting.title"), value: c.firstMeetingAt ? dateTimeLabel(c.firstMeetingAt) : t("candidates.meeting.none") },
            { label: t("candidates.field.motivationAssessment"), value: c.motivationAssessment ?? "" },
          ]}
        />
      </Section>
      {contact ? (
        <Section id="contact" title={t("candidates.contact.title")}>
          <Form method="post" {...getFormProps(contactForm)}>
            <p className="mb-3 text-sm text-slate-700">{t("candidates.contact.intro")}</p>
            <FormError id={contactForm.errorId} errors={contactForm.errors} />
            <input type="hidden" name="intent" value="contact" />
            <Field label={t("candidates.contact.phone")} help={t("candidates.contact.phoneHelp")} inputProps={{ ...getInputProps(contactFields.phone, { type: "tel" }), autoComplete: "off" }} errors={contactFields.phone.errors} errorId={contactFields.phone.errorId} />
            <Field label={t("candidates.contact.email")} inputProps={{ ...getInputProps(contactFields.email, { type: "email" }), autoComplete: "off" }} errors={contactFields.email.errors} errorId={contactFields.email.errorId} />
            <Field label={t("candidates.contact.address")} help={t("candidates.contact.addressHelp", { max: CONTACT_LIMITS.address })} inputProps={{ ...getInputProps(contactFields.address, { type: "text" }), autoComplete: "off", maxLength: CONTACT_LIMITS.address }} errors={contactFields.address.errors} errorId={contactFields.address.errorId} />
            <SubmitButton>{t("candidates.contact.save")}</SubmitButton>
          </Form>
        </Section>
      ) : null}
      <Section id="conditions" title={t("candidates.conditions.title")}>
        <ul className="flex flex-wrap gap-2">
          {c.conditions.map((k) => (
            <li key={k.kind}><ConditionBadge kind={k.kind} status={k.status} /></li>
          ))}
        </ul>
      </Section>
      <Section id="constraints" title={t("candidates.constraints.title")}>
        <p className="text-sm text-slate-700">{t("candidates.constraints.hiddenNote")}</p>
        <p className="mt-2">
          {t("candidates.constraints.summary", { vog: constraints.vogRiskAreas, bans: constraints.areaBans })}
          {constraints.leaveHourLimits ? ` ${t("candidates.constraints.hasLeaveLimits")}` : ""}
        </p>
      </Section>
      <Section id="account" title={t("candidates.invite.title")}>
        {c.hasAccount ? (
          <p>{t("candidates.invite.hasAccount")}</p>
        ) : c.openInvitation ? (
          <p className="mb-3">{t("candidates.invite.open", { email: c.openInvitation.email, until: dateTimeLabel(c.openInvitation.expiresAt) })}</p>
        ) : (
          <p className="mb-3">{t("candidates.invite.none")}</p>
        )}
        {canInvite && !c.hasAccount && intakeEditable ? (
          <Form method="post" {...getFormProps(inviteForm)}>
            <FormError id={inviteForm.errorId} errors={inviteForm.errors} />
            <input type="hidden" name="intent" value="invite" />
            <Field label={t("candidates.invite.email")} help={t("candidates.invite.help")} inputProps={{ ...getInputProps(inviteFields.email, { type: "email" }), autoComplete: "off" }} errors={inviteFields.email.errors} errorId={inviteFields.email.errorId} />
            <SubmitButton>{c.openInvitation ? t("candidates.invite.resend") : t("candidates.invite.send")}</SubmitButton>
          </Form>
        ) : null}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
