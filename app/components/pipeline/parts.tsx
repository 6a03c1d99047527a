import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field, TextareaField } from "~/components/forms";
import { cancelMeetingSchema, planMeetingSchema, rescheduleMeetingSchema } from "~/domain/pipeline/schemas";
import { t } from "~/i18n";
import { IntentButton, IntentForm, StepBox, useIntentForm } from "./forms";
import {
  checkInStateLabel,
  contractLabel,
  dayText,
  meetingStatusLabel,
  momentLabel,
  offerStatusLabel,
  proposalStatusLabel,
} from "./format";

/*
 * Pieces the pipeline pages of every side share. They render only what the loader gave them;
 * each side's loader decides what that is (the employer never gets coach-only fields).
 */

export function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="divide-y divide-slate-100">
      {items.map((i) => (
        <div key={i.label} className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
          <dt className="font-medium text-slate-700">{i.label}</dt>
          <dd className="mt-1 sm:col-span-2 sm:mt-0">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Said up front on a proposal that is still open while the candidate is not available (profile
 * not published, or placed elsewhere), so nobody fills in a form the server will refuse.
 */
export function CandidateUnavailableNotice({ party }: { party: "employer" | "coach" | "candidate" }) {
  return (
    <p role="status" className="mb-4 rounded-md border border-amber-600 bg-amber-50 p-3" data-testid="candidate-unavailable">
      {t(`pipeline.page.unavailable.${party}`)}
    </p>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      data-testid="proposal-status"
      className="inline-block rounded-full border border-brand-700 bg-brand-50 px-3 py-0.5 text-sm font-semibold text-brand-800"
    >
      {proposalStatusLabel(status)}
    </span>
  );
}

// ---------------------------------------------------------------------------
// Lists

export type ProposalListItemData = {
  id: string;
  status: string;
  updatedAt: string;
  vacancyTitle: string;
  employerName: string;
  publicCode: string;
  headline: string | null;
  nextMeetingAt: string | null;
  openOfferExpiresOn: string | null;
  heldUp: boolean;
};

export function ProposalList({
  items,
  linkBase,
  showEmployer = true,
  empty,
}: {
  items: ProposalListItemData[];
  linkBase: string;
  showEmployer?: boolean;
  empty: string;
}) {
  if (items.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((p) => (
        <li key={p.id} className="py-3" data-testid="proposal-row">
          <Link to={`${linkBase}/${p.id}`} className="font-semibold text-brand-700 underline">
            {t("pipeline.page.list.title", { code: p.publicCode, vacancy: p.vacancyTitle })}
          </Link>
          <p className="text-sm text-slate-700">
            {proposalStatusLabel(p.status)}
            {showEmployer ? ` · ${p.employerName}` : ""}
            {p.nextMeetingAt ? ` · ${t("pipeline.page.list.meeting", { when: momentLabel(p.nextMeetingAt) })}` : ""}
            {p.openOfferExpiresOn ? ` · ${t("pipeline.page.list.offerUntil", { date: dayText(p.openOfferExpiresOn) })}` : ""}
          </p>
          {p.headline ? <p className="text-sm">{p.headline}</p> : null}
          {p.heldUp ? (
            <p className="text-sm font-semibold text-amber-800" data-testid="proposal-held-up">
              {t("pipeline.page.list.heldUp")}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Proposals grouped by status, in lifecycle order (dashboards and list pages). */
export function countByStatus(items: { status: string }[]) {
  const order = [
    "requested",
    "proposed",
    "interested",
    "meeting_planned",
    "offer_made",
    "accepted",
    "placed",
    "declined_by_coach",
    "rejected",
    "declined",
    "withdrawn",
    "expired",
  ];
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  return order
    .filter((s) => counts.has(s))
    .map((s) => ({ label: proposalStatusLabel(s), value: counts.get(s)! }));
}

// ---------------------------------------------------------------------------
// Meetings

export type MeetingData = {
  id: string;
  startsAt: string;
  location: string | null;
  videoLink: string | null;
  status: "planned" | "cancelled" | "held";
  cancelReason: string | null;
};

function MeetingPlace({ m }: { m: MeetingData }) {
  return (
    <>
      {m.location ? <span>{m.location}</span> : null}
      {m.location && m.videoLink ? " · " : null}
      {m.videoLink ? (
        <a href={m.videoLink} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
          {t("pipeline.page.meeting.videoLink")}
        </a>
      ) : null}
    </>
  );
}

/**
 * The introductions of a proposal; with `actions`, the employer or coach can move, cancel or
 * mark a planned one as held (the latter once its time has come).
 */
export function MeetingList({
  meetings,
  actions,
}: {
  meetings: MeetingData[];
  actions?: { version: number; now: string; nowLocal: string };
}) {
  if (meetings.length === 0) return <p className="text-slate-700">{t("pipeline.page.meeting.none")}</p>;
  return (
    <ul className="space-y-3">
      {meetings.map((m) => (
        <li key={m.id} className="rounded-md border border-slate-200 p-3" data-testid="meeting">
          <p className="font-semibold">{momentLabel(m.startsAt)}</p>
          <p>
            <MeetingPlace m={m} />
          </p>
          <p className="text-sm text-slate-700">
            {meetingStatusLabel(m.status)}
            {m.cancelReason ? ` · ${t("pipeline.page.meeting.cancelReason", { reason: m.cancelReason })}` : ""}
          </p>
          {actions && m.status === "planned" ? <MeetingActions meeting={m} {...actions} /> : null}
        </li>
      ))}
    </ul>
  );
}

function MeetingActions({
  meeting,
  version,
  now,
  nowLocal,
}: {
  meeting: MeetingData;
  version: number;
  now: string;
  nowLocal: string;
}) {
  const fields = { meetingId: meeting.id, expectedVersion: version };
  const [rescheduleForm, reschedule] = useIntentForm({
    intent: "reschedule",
    target: meeting.id,
    schema: rescheduleMeetingSchema,
    defaultValue: { location: meeting.location ?? "", videoLink: meeting.videoLink ?? "" },
  });
  const [cancelForm, cancel] = useIntentForm({ intent: "cancel", target: meeting.id, schema: cancelMeetingSchema });
  // A refused form opens again (without JavaScript the page is rendered anew).
  const rescheduleRefused = Boolean(rescheduleForm.errors?.length || Object.keys(rescheduleForm.allErrors).length);
  const cancelRefused = Boolean(Object.keys(cancelForm.allErrors).length);
  return (
    <div className="mt-2">
      {meeting.startsAt <= now ? (
        <IntentForm intent="held" target={meeting.id} fields={fields} className="mb-2">
          <IntentButton intent="held" target={meeting.id} variant="secondary">
            {t("pipeline.page.meeting.markHeld")}
          </IntentButton>
        </IntentForm>
      ) : null}
      <details className="mb-2" open={rescheduleRefused || undefined}>
        <summary className="cursor-pointer text-brand-700 underline">{t("pipeline.page.meeting.reschedule")}</summary>
        <IntentForm intent="reschedule" target={meeting.id} form={rescheduleForm} fields={fields} className="mt-2">
          <Field
            label={t("pipeline.page.meeting.startsAt")}
            inputProps={{ ...getInputProps(reschedule.startsAt, { type: "datetime-local" }), min: nowLocal, required: true }}
            errors={reschedule.startsAt.errors}
            errorId={reschedule.startsAt.errorId}
          />
          <Field
            label={t("pipeline.page.meeting.location")}
            inputProps={{ ...getInputProps(reschedule.location, { type: "text" }), maxLength: 300 }}
            errors={reschedule.location.errors}
            errorId={reschedule.location.errorId}
          />
          <Field
            label={t("pipeline.page.meeting.video")}
            inputProps={getInputProps(reschedule.videoLink, { type: "url" })}
            errors={reschedule.videoLink.errors}
            errorId={reschedule.videoLink.errorId}
          />
          <Field
            label={t("pipeline.page.meeting.reason")}
            inputProps={{ ...getInputProps(reschedule.reason, { type: "text" }), required: true, maxLength: 500 }}
            errors={reschedule.reason.errors}
            errorId={reschedule.reason.errorId}
          />
          <IntentButton intent="reschedule" target={meeting.id}>
            {t("pipeline.page.meeting.rescheduleSubmit")}
          </IntentButton>
        </IntentForm>
      </details>
      <details open={cancelRefused || undefined}>
        <summary className="cursor-pointer text-brand-700 underline">{t("pipeline.page.meeting.cancel")}</summary>
        <IntentForm intent="cancel" target={meeting.id} form={cancelForm} fields={fields} className="mt-2">
          <Field
            label={t("pipeline.page.meeting.reason")}
            inputProps={{ ...getInputProps(cancel.reason, { type: "text" }), required: true, maxLength: 500 }}
            errors={cancel.reason.errors}
            errorId={cancel.reason.errorId}
          />
          <IntentButton intent="cancel" target={meeting.id} variant="danger">
            {t("pipeline.page.meeting.cancelSubmit")}
          </IntentButton>
        </IntentForm>
      </details>
    </div>
  );
}

/** Employer: plan the introduction (again after a cancellation). */
export function PlanMeetingForm({
  proposalId,
  version,
  nowLocal,
}: {
  proposalId: string;
  version: number;
  nowLocal: string;
}) {
  const [form, fields] = useIntentForm({ intent: "plan", schema: planMeetingSchema });
  return (
    <StepBox title={t("pipeline.page.meeting.planTitle")}>
      <p className="mb-3 text-sm text-slate-700">{t("pipeline.page.meeting.planHelp")}</p>
      <IntentForm intent="plan" form={form} fields={{ proposalId, expectedVersion: version }}>
        <Field
          label={t("pipeline.page.meeting.startsAt")}
          inputProps={{ ...getInputProps(fields.startsAt, { type: "datetime-local" }), min: nowLocal, required: true }}
          errors={fields.startsAt.errors}
          errorId={fields.startsAt.errorId}
        />
        <Field
          label={t("pipeline.page.meeting.location")}
          help={t("pipeline.page.meeting.placeOrLink")}
          inputProps={{ ...getInputProps(fields.location, { type: "text" }), maxLength: 300 }}
          errors={fields.location.errors}
          errorId={fields.location.errorId}
        />
        <Field
          label={t("pipeline.page.meeting.video")}
          inputProps={{ ...getInputProps(fields.videoLink, { type: "url" }), placeholder: "https://" }}
          errors={fields.videoLink.errors}
          errorId={fields.videoLink.errorId}
        />
        <IntentButton intent="plan">{t("pipeline.page.meeting.planSubmit")}</IntentButton>
      </IntentForm>
    </StepBox>
  );
}

// ---------------------------------------------------------------------------
// Offers

export type OfferData = {
  id: string;
  status: string;
  startDate: string;
  hoursPerWeek: number;
  contractType: string;
  wageIndication: string | null;
  firstDayDetails: string | null;
  expiresOn: string | null;
  coachAdvice: string | null;
  answeredAt: string | null;
  answeredOnBehalf: boolean;
  createdAt: string;
};

export function OfferTerms({ offer, showAdvice }: { offer: OfferData; showAdvice: boolean }) {
  return (
    <div data-testid="offer">
      <p className="mb-2 font-semibold">{offerStatusLabel(offer.status)}</p>
      <Facts
        items={[
          { label: t("pipeline.page.offer.startDate"), value: dayText(offer.startDate) },
          { label: t("pipeline.page.offer.hours"), value: t("pipeline.page.offer.hoursValue", { hours: offer.hoursPerWeek }) },
          { label: t("pipeline.page.offer.contract"), value: contractLabel(offer.contractType) },
          { label: t("pipeline.page.offer.wage"), value: offer.wageIndication ?? t("pipeline.page.none") },
          { label: t("pipeline.page.offer.firstDay"), value: offer.firstDayDetails ?? t("pipeline.page.none") },
          ...(offer.expiresOn ? [{ label: t("pipeline.page.offer.expiresOn"), value: dayText(offer.expiresOn) }] : []),
        ]}
      />
      {offer.answeredOnBehalf ? <p className="mt-2 text-sm font-semibold">{t("pipeline.offer.onBehalf")}</p> : null}
      {showAdvice ? (
        <div className="mt-3 rounded-md bg-slate-50 p-3" data-testid="offer-advice">
          <p className="font-semibold">{t("pipeline.page.offer.advice")}</p>
          <p className="whitespace-pre-line">{offer.coachAdvice ?? t("pipeline.page.offer.noAdvice")}</p>
        </div>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------
// Placements

export type JobCoachData = {
  name: string;
  email: string;
  organisationName: string | null;
  organisationPhone: string | null;
};

export function JobCoachCard({ coach }: { coach: JobCoachData }) {
  return (
    <div data-testid="job-coach">
      <p className="font-semibold">{coach.name}</p>
      {coach.organisationName ? <p>{coach.organisationName}</p> : null}
      <p>
        <a className="text-brand-700 underline" href={`mailto:${coach.email}`}>
          {coach.email}
        </a>
      </p>
      {coach.organisationPhone ? (
        <p>
          <a className="text-brand-700 underline" href={`tel:${coach.organisationPhone.replace(/\s/g, "")}`}>
            {coach.organisationPhone}
          </a>
        </p>
      ) : null}
    </div>
  );
}

export function RetentionList({ retention }: { retention: Record<string, string> }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="retention">
      {Object.entries(retention).map(([months, state]) => (
        <div key={months} className="rounded-md border border-slate-200 p-3">
          <dt className="text-sm text-slate-700">{t("pipeline.page.retention.after", { months })}</dt>
          <dd className="font-semibold">{t(`pipeline.retention.${state}` as "pipeline.retention.pending")}</dd>
        </div>
      ))}
    </dl>
  );
}

export type PlainCheckInData = {
  id: string;
  week: number;
  dueOn: string;
  state: string;
  requestedByEmployer: boolean;
};

/** The check-in dates and whether they happened (employer and candidate: nothing more). */
export function PlainCheckIns({ checkIns }: { checkIns: PlainCheckInData[] }) {
  return (
    <ul className="divide-y divide-slate-200">
      {checkIns.map((c) => (
        <li key={c.id} className="flex flex-wrap justify-between gap-2 py-2" data-testid="check-in">
          <span>
            {t("pipeline.checkIn.week", { week: c.week })} · {dayText(c.dueOn)}
          </span>
          <span className="text-sm text-slate-700">
            {checkInStateLabel(c.state)}
            {c.requestedByEmployer ? ` · ${t("pipeline.page.checkIn.requested")}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A labelled textarea of a pipeline form. With `field` (Conform) it is bound to the form: its
 * name, id, errors and the value typed before a refusal; otherwise plain (name, id, errors).
 */
export function NoteField({
  id,
  name,
  label,
  errors,
  required,
  help,
  defaultValue,
  rows,
  maxLength,
  field,
}: {
  id?: string;
  name?: string;
  label: string;
  errors?: string[];
  required?: boolean;
  help?: string;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
  field?: FieldMetadata<unknown, Record<string, unknown>, string[]>;
}) {
  const bound = field ? getTextareaProps(field) : { id: id!, name };
  return (
    <TextareaField
      label={label}
      help={help}
      textareaProps={{
        ...bound,
        ...(field ? {} : { defaultValue }),
        required,
        rows: rows ?? 3,
        maxLength: maxLength ?? 8000,
      }}
      errors={field ? field.errors : errors}
      errorId={field?.errorId}
    />
  );
}

export { proposalStatusLabel };
