import { Field, SelectField } from "~/components/forms";
import { CHECK_IN_MODES, CHECK_IN_WITH, RISK_FLAGS } from "~/domain/pipeline/schemas";
import { t } from "~/i18n";
import { IntentButton, IntentForm, useIntentErrors } from "./forms";
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
            <details open={c.id === firstOpen && c.state !== "upcoming"} className="mt-2">
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
  const errors = useIntentErrors("checkIn", checkInId);
  const id = (name: string) => `check-in-${checkInId}-${name}`;
  return (
    <IntentForm intent="checkIn" target={checkInId} fields={{ checkInId }} className="mt-2">
      <SelectField
        label={t("pipeline.page.checkIn.withWhom")}
        selectProps={{ id: id("with"), name: "withWhom", defaultValue: "both" }}
        options={CHECK_IN_WITH.map((w) => ({ value: w, label: t(`pipeline.checkIn.withWhom.${w}`) }))}
        errors={errors.field("withWhom")}
      />
      <SelectField
        label={t("pipeline.page.checkIn.mode")}
        selectProps={{ id: id("mode"), name: "mode", defaultValue: "visit" }}
        options={CHECK_IN_MODES.map((m) => ({ value: m, label: t(`pipeline.checkIn.mode.${m}`) }))}
        errors={errors.field("mode")}
      />
      <SelectField
        label={t("pipeline.page.checkIn.wellbeing")}
        selectProps={{ id: id("wellbeing"), name: "wellbeing", defaultValue: "4" }}
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`pipeline.page.checkIn.wellbeing${n}` as "pipeline.page.checkIn.wellbeing1") }))}
        errors={errors.field("wellbeing")}
      />
      <SelectField
        label={t("pipeline.page.checkIn.risk")}
        selectProps={{ id: id("risk"), name: "riskFlag", defaultValue: "green" }}
        options={RISK_FLAGS.map((r) => ({ value: r, label: t(`pipeline.checkIn.risk.${r}`) }))}
        errors={errors.field("riskFlag")}
      />
      <NoteField id={id("actions")} name="actions" label={t("pipeline.page.checkIn.actions")} errors={errors.field("actions")} />
      <NoteField
        id={id("notes")}
        name="coachNotes"
        label={t("pipeline.page.checkIn.notes")}
        help={t("pipeline.page.checkIn.notesHelp")}
        errors={errors.field("coachNotes")}
      />
      <Field
        label={t("pipeline.page.checkIn.heldOn")}
        inputProps={{ id: id("held-on"), name: "heldOn", type: "date", max: today, defaultValue: today }}
        errors={errors.field("heldOn")}
      />
      <IntentButton intent="checkIn" target={checkInId}>
        {t("pipeline.page.checkIn.submit")}
      </IntentButton>
    </IntentForm>
  );
}
