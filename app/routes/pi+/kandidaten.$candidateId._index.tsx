import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { userHasPermission } from "~/auth/permissions";
import { requirePermission } from "~/auth/session.server";
import { Facts, SavedNotice } from "~/components/candidate-intake";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, SelectField, SubmitButton } from "~/components/forms";
import { PageTitle, Section } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { requireScopedCandidate } from "~/domain/candidates/access.server";
import { readPrisonCandidate, verifiedDetentionRecords } from "~/domain/candidates/caseload.server";
import { readContactDetails, updateContactDetails } from "~/domain/candidates/contact.server";
import { CONTACT_LIMITS, contactDetailsSchema } from "~/domain/candidates/contact-schemas";
import {
  dateTimeLabel,
  detentionDatesSchema,
  firstMeetingSchema,
  linkCoachSchema,
  toLocalDateTime,
} from "~/domain/candidates/intake-schemas";
import {
  changeDetentionDates,
  linkCoach,
  listCoachOptions,
  planFirstMeeting,
} from "~/domain/candidates/nomination.server";
import { t, type MessageKey } from "~/i18n";
import { dayLabel } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${t("candidates.pi.detailTitle")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-prison");
  const db = getDb();
  const candidate = await readPrisonCandidate(db, context, params.candidateId, requestOrigin(request));
  const canWrite = userHasPermission(context, "nominate:candidates");
  return json({
    candidate,
    detention: await verifiedDetentionRecords(db, candidate.id),
    canWrite,
    canConfirmWork: userHasPermission(context, "confirm:detention-work"),
    coaches: canWrite ? await listCoachOptions(db) : [],
    contact: canWrite ? await readContactDetails(db, context, candidate.id) : null,
  });
}

const IntentSchema = z.object({ intent: z.enum(["link-coach", "plan-meeting", "dates", "contact"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, "nominate:candidates");
  const db = getDb();
  const candidate = await requireScopedCandidate(db, context, params.candidateId, "write");
  const formData = await request.formData();
  const origin = requestOrigin(request);
  const chosen = parseWithZod(formData, { schema: IntentSchema });
  if (chosen.status !== "success") return json({ intent: null, result: chosen.reply() }, { status: 400 });
  const intent = chosen.value.intent;
  if (intent === "contact") {
    const submission = parseWithZod(formData, { schema: contactDetailsSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    const result = await updateContactDetails(db, context, { candidateId: candidate.id, ...submission.value }, origin);
    if (!result.ok) throw new Response("Not Found", { status: 404 });
    return redirect(`/pi/kandidaten/${candidate.id}?bewaard=contact`);
  }
  const submission =
    intent === "link-coach"
      ? parseWithZod(formData, { schema: linkCoachSchema })
      : intent === "plan-meeting"
        ? parseWithZod(formData, { schema: firstMeetingSchema(new Date(), candidate.releaseDate) })
        : parseWithZod(formData, { schema: detentionDatesSchema(candidate.nominatedOn) });
  if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const result =
    value.intent === "link-coach"
      ? await linkCoach(db, context, { candidateId: candidate.id, coachMembershipId: value.coachMembershipId }, origin)
      : value.intent === "plan-meeting"
        ? await planFirstMeeting(db, context, { candidateId: candidate.id, meetingAt: value.meetingAt }, origin)
        : await changeDetentionDates(db, context, { candidateId: candidate.id, ...value }, origin);
  if (result.ok) return redirect(`/pi/kandidaten/${candidate.id}?bewaard=${intent}`);
  if (result.reason === "not_found") throw new Response("Not Found", { status: 404 });
  const message: MessageKey =
    result.reason === "unknown_coach"
      ? "candidates.coach.unknown"
      : result.reason === "no_coach"
        ? "candidates.meeting.noCoach"
        : "candidates.form.invalidState";
  return json({ intent, result: submission.reply({ formErrors: [t(message)] }) }, { status: 400 });
}

export default function PrisonCandidate() {
  const { candidate: c, detention, canWrite, canConfirmWork, coaches, contact } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("bewaard");
  const resultFor = (intent: string) => (data?.intent === intent ? data.result : undefined);
  const [coachForm, coachFields] = useForm<z.input<typeof linkCoachSchema>>({ id: "link-coach", lastResult: resultFor("link-coach") });
  const [meetingForm, meetingFields] = useForm<{ intent: string; meetingAt: string }>({
    id: "plan-meeting",
    lastResult: resultFor("plan-meeting"),
    defaultValue: { meetingAt: c.firstMeetingAt ? toLocalDateTime(new Date(c.firstMeetingAt)) : "" },
  });
  const [datesForm, datesFields] = useForm<z.input<ReturnType<typeof detentionDatesSchema>>>({
    id: "dates",
    lastResult: resultFor("dates"),
    defaultValue: { releaseDate: c.releaseDate ?? "", workExperienceAllowedFrom: c.workExperienceAllowedFrom ?? "" },
  });
  const [contactForm, contactFields] = useForm<z.input<typeof contactDetailsSchema>>({
    id: "contact",
    lastResult: resultFor("contact"),
    defaultValue: { phone: contact?.phone ?? "", email: contact?.email ?? "", address: contact?.address ?? "" },
  });
  return (
    <>
      <PageTitle intro={t(`candidate.status.${c.status}` as MessageKey)}>
        {c.firstName} {c.lastName}
      </PageTitle>
      <SavedNotice show={params.get("aangemeld") === "1"}>{t("candidates.nominate.done")}</SavedNotice>
      <SavedNotice show={Boolean(saved)}>{t("candidates.form.saved")}</SavedNotice>
      {data?.intent === null ? <FormError errors={[t("error.badRequest")]} /> : null}
      <Section id="person" title={t("candidates.detail.person")}>
        <Facts
          items={[
            { label: t("candidates.field.dateOfBirth"), value: dayLabel(c.dateOfBirth) },
            { label: t("candidates.field.phone"), value: c.phone ?? t("candidates.detail.unknown") },
            { label: t("candidates.field.email"), value: c.email ?? t("candidates.detail.unknown") },
            { label: t("candidates.field.municipality"), value: c.municipalityName },
            { label: t("candidates.detail.nominatedOn"), value: dayLabel(c.nominatedOn) },
            {
              label: t("candidates.detail.agreement"),
              value: c.participationAgreedAt ? dateTimeLabel(c.participationAgreedAt) : t("candidates.detail.unknown"),
            },
            { label: t("candidates.field.motivationAssessment"), value: c.motivationAssessment ?? "" },
          ]}
        />
      </Section>
      {canWrite && contact ? (
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
      <Section id="detention" title={t("candidates.detail.detention")}>
        <Facts
          items={[
            { label: t("candidates.field.releaseDate"), value: c.releaseDate ? dayLabel(c.releaseDate) : t("candidates.release.unknown") },
            {
              label: t("candidates.field.workExperienceAllowedFrom"),
              value: c.workExperienceAllowedFrom ? dayLabel(c.workExperienceAllowedFrom) : t("candidates.detail.unknown"),
            },
          ]}
        />
        {canWrite ? (
          <Form method="post" {...getFormProps(datesForm)} className="mt-4 border-t pt-4">
            <FormError id={datesForm.errorId} errors={datesForm.errors} />
            <input type="hidden" name="intent" value="dates" />
            <Field label={t("candidates.field.releaseDate")} inputProps={getInputProps(datesFields.releaseDate, { type: "date" })} errors={datesFields.releaseDate.errors} errorId={datesFields.releaseDate.errorId} />
            <Field label={t("candidates.field.workExperienceAllowedFrom")} inputProps={getInputProps(datesFields.workExperienceAllowedFrom, { type: "date" })} errors={datesFields.workExperienceAllowedFrom.errors} errorId={datesFields.workExperienceAllowedFrom.errorId} />
            <SubmitButton>{t("candidates.detail.saveDates")}</SubmitButton>
          </Form>
        ) : null}
      </Section>
      <Section id="coach" title={t("candidates.coach.title")}>
        <p className="mb-3">
          {c.coachName
            ? t("candidates.coach.current", { name: c.coachName, organisation: c.coachingOrganisationName ?? "" })
            : t("candidates.coach.none")}
        </p>
        {canWrite ? (
          <Form method="post" {...getFormProps(coachForm)}>
            <FormError id={coachForm.errorId} errors={coachForm.errors} />
            <input type="hidden" name="intent" value="link-coach" />
            <SelectField
              label={t("candidates.coach.choose")}
              selectProps={getSelectProps(coachFields.coachMembershipId)}
              options={[
                { value: "", label: t("candidates.coach.chooseOption") },
                ...coaches.map((o) => ({ value: o.membershipId, label: `${o.name} · ${o.organisationName}` })),
              ]}
              errors={coachFields.coachMembershipId.errors}
              errorId={coachFields.coachMembershipId.errorId}
            />
            <SubmitButton>{t("candidates.coach.link")}</SubmitButton>
          </Form>
        ) : null}
      </Section>
      <Section id="meeting" title={t("candidates.meeting.title")}>
        <p className="mb-3">
          {c.firstMeetingAt ? t("candidates.meeting.current", { at: dateTimeLabel(c.firstMeetingAt) }) : t("candidates.meeting.none")}
        </p>
        {canWrite && c.coachName ? (
          <Form method="post" {...getFormProps(meetingForm)}>
            <FormError id={meetingForm.errorId} errors={meetingForm.errors} />
            <input type="hidden" name="intent" value="plan-meeting" />
            <Field label={t("candidates.meeting.at")} help={t("candidates.meeting.help")} inputProps={getInputProps(meetingFields.meetingAt, { type: "datetime-local" })} errors={meetingFields.meetingAt.errors} errorId={meetingFields.meetingAt.errorId} />
            <SubmitButton>{t("candidates.meeting.plan")}</SubmitButton>
          </Form>
        ) : canWrite ? (
          <p className="text-sm text-slate-700">{t("candidates.meeting.noCoach")}</p>
        ) : null}
      </Section>
      <Section id="work" title={t("candidates.work.title")}>
        {detention.work.length === 0 && detention.certificates.length === 0 ? (
          <p>{t("candidates.work.none")}</p>
        ) : (
          <ul className="list-disc pl-5">
            {detention.work.map((w, i) => (
              <li key={`w${i}`}>{t("candidates.work.item", { title: w.title, months: w.months })}</li>
            ))}
            {detention.certificates.map((name) => (
              <li key={`c${name}`}>{t("candidates.work.certificateItem", { name })}</li>
            ))}
          </ul>
        )}
        {canConfirmWork ? (
          <p className="mt-3">
            <Link to={`/pi/kandidaten/${c.id}/werk`} className="font-semibold text-brand-700 underline">
              {t("candidates.work.confirmLink")}
            </Link>
          </p>
        ) : null}
      </Section>
      {["nominated", "intake", "profile_draft", "awaiting_approval", "published", "paused"].includes(c.status) ? (
        <p className="mb-6">
          <Link to={`/pi/overdracht/${c.id}`} className="text-brand-700 underline">
            {t("pipeline.page.handoverForm.link")}
          </Link>
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
