import { getInputProps, getSelectProps } from "@conform-to/react";
import { useActionData } from "@remix-run/react";
import { Field, SelectField } from "~/components/forms";
import type { PipelineReply } from "~/domain/pipeline/http.server";
import { CHECK_IN_MODES, CHECK_IN_WITH, logCheckInSchema, RISK_FLAGS } from "~/domain/pipeline/schemas";
import { t } from "~/i18n";
import { IntentButton, IntentForm, useIntentForm } from "./forms";
import { checkInStateLabel, dayText, shortMomentLabel } from "./format";
import { NoteField } from "./parts";

/*
 * The job coach's check-ins: overdue first, then employer requests, then by due date; a form to
 * log each open one. Wellbeing, risk flag and notes exist only on this (coach) side.
 */

export type CoachCheckInData = {
  id: string;
  week: number;
  dueOn: string;
  state: string;
  requestedByEmployer: boolean;
  doneAt: string | null;
  withWhom: string | null;
  mode: string | null;
  wellbeing: number | null;
  riskFlag: string | null;
  actions: string | null;
  coachNotes: string | null;
};

const rank = (c: CoachCheckInData) =>
  c.state === "overdue" ? 0 : c.requestedByEmployer && c.state !== "done" ? 1 : c.state === "done" ? 3 : 2;

const riskClass: Record<string, string> = {
  green: "border-green-700 bg-green-50",
  amber: "border-amber-600 bg-amber-50",
  red: "border-red-700 bg-red-50",
};

export function CoachCheckIns({ checkIns, canLog, today }: { checkIns: CoachCheckInData[]; canLog: boolean; today: string }) {
  // While the placement runs: what needs the coach first. Afterwards: simply in date order.
  const sorted = [...checkIns].sort((a, b) => (canLog ? rank(a) - rank(b) : 0) || a.dueOn.localeCompare(b.dueOn));
  const firstOpen = sorted.find((c) => c.state !== "done")?.id;
  // A refused check-in form is open again, showing what was typed.
  const reply = useActionData<PipelineReply>();
  const refused = reply?.intent === "checkIn" ? reply.target : undefined;
  return (
    <ul className="space-y-3">
      {sorted.map((c) => (
        <li
          key={c.id}
          data-testid="coach-check-in"
          data-state={c.state}
          className={`rounded-md border p-3 ${c.state === "overdue" ? "border-red-700" : "border-slate-200"}`}
        >
          <p className="flex flex-wrap justify-between gap-2">
            <span className="font-semibold">
              {t("pipeline.checkIn.week", { week: c.week })} · {dayText(c.dueOn)}
            </span>
            <span className={c.state === "overdue" ? "font-semibold text-red-800" : "text-slate-700"}>
              {checkInStateLabel(c.state)}
              {c.requestedByEmployer ? ` · ${t("pipeline.page.checkIn.requested")}` : ""}
            </span>
          </p>
          {c.doneAt ? <DoneCheckIn c={c} /> : null}
          {!c.doneAt && canLog ? (
            <details open={c.id === refused || (c.id === firstOpen && c.state !== "upcoming")} className="mt-2">
              <summary className="cursor-pointer text-brand-700 underline">{t("pipeline.page.checkIn.log")}</summary>
              <LogForm checkInId={c.id} today={today} />
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function DoneCheckIn({ c }: { c: CoachCheckInData }) {
  return (
    <div className={`mt-2 rounded-md border p-2 text-sm ${riskClass[c.riskFlag ?? ""] ?? "border-slate-200"}`}>
      <p>
        {t("pipeline.page.checkIn.doneAt", { when: shortMomentLabel(c.doneAt!) })}
        {c.withWhom ? ` · ${t(`pipeline.checkIn.withWhom.${c.withWhom}` as "pipeline.checkIn.withWhom.both")}` : ""}
        {c.mode ? ` · ${t(`pipeline.checkIn.mode.${c.mode}` as "pipeline.checkIn.mode.visit")}` : ""}
      </p>
      {c.wellbeing ? <p>{t("pipeline.page.checkIn.wellbeingValue", { value: c.wellbeing })}</p> : null}
      {c.riskFlag ? <p className="font-semibold">{t(`pipeline.checkIn.risk.${c.riskFlag}` as "pipeline.checkIn.risk.green")}</p> : null}
      {c.actions ? <p className="whitespace-pre-line">{t("pipeline.page.checkIn.actionsValue", { text: c.actions })}</p> : null}
      {c.coachNotes ? <p className="whitespace-pre-line italic">{t("pipeline.page.checkIn.notesValue", { text: c.coachNotes })}</p> : null}
    </div>
  );
}

function LogForm({ checkInId, today }: { checkInId: string; today: string }) {
  const [form, fields] = useIntentForm({
    intent: "checkIn",
    target: checkInId,
    schema: logCheckInSchema,
    defaultValue: { withWhom: "both", mode: "visit", wellbeing: "4", riskFlag: "green", heldOn: today },
  });
  return (
    <IntentForm intent="checkIn" target={checkInId} form={form} fields={{ checkInId }} className="mt-2">
      <SelectField
        label={t("pipeline.page.checkIn.withWhom")}
        selectProps={getSelectProps(fields.withWhom)}
        options={CHECK_IN_WITH.map((w) => ({ value: w, label: t(`pipeline.checkIn.withWhom.${w}`) }))}
        errors={fields.withWhom.errors}
        errorId={fields.withWhom.errorId}
      />
      <SelectField
        label={t("pipeline.page.checkIn.mode")}
        selectProps={getSelectProps(fields.mode)}
        options={CHECK_IN_MODES.map((m) => ({ value: m, label: t(`pipeline.checkIn.mode.${m}`) }))}
        errors={fields.mode.errors}
        errorId={fields.mode.errorId}
      />
      <SelectField
        label={t("pipeline.page.checkIn.wellbeing")}
        selectProps={getSelectProps(fields.wellbeing)}
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`pipeline.page.checkIn.wellbeing${n}` as "pipeline.page.checkIn.wellbeing1") }))}
        errors={fields.wellbeing.errors}
        errorId={fields.wellbeing.errorId}
      />
      <SelectField
        label={t("pipeline.page.checkIn.risk")}
        selectProps={getSelectProps(fields.riskFlag)}
        options={RISK_FLAGS.map((r) => ({ value: r, label: t(`pipeline.checkIn.risk.${r}`) }))}
        errors={fields.riskFlag.errors}
        errorId={fields.riskFlag.errorId}
      />
      <NoteField field={fields.actions} label={t("pipeline.page.checkIn.actions")} maxLength={2000} />
      <NoteField
        field={fields.coachNotes}
        label={t("pipeline.page.checkIn.notes")}
        help={t("pipeline.page.checkIn.notesHelp")}
        maxLength={4000}
      />
      <Field
        label={t("pipeline.page.checkIn.heldOn")}
        inputProps={{ ...getInputProps(fields.heldOn, { type: "date" }), max: today }}
        errors={fields.heldOn.errors}
        errorId={fields.heldOn.errorId}
      />
      <IntentButton intent="checkIn" target={checkInId}>
        {t("pipeline.page.checkIn.submit")}
      </IntentButton>
    </IntentForm>
  );
}
