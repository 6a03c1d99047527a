import type { ReactNode } from "react";
import type { NextStep } from "~/domain/candidates/caseload.server";
import { dateTimeLabel } from "~/domain/candidates/intake-schemas";
import { t, type MessageKey } from "~/i18n";
import { dayLabel } from "~/utils/dates";

/* Small pieces shared by the nomination, caseload and intake pages. */

export function NextStepText({ next }: { next: NextStep }) {
  switch (next.step) {
    case "meeting_planned":
      return <>{t("candidates.next.meeting_planned", { at: dateTimeLabel(next.at) })}</>;
    case "conditions_open":
      return <>{t("candidates.next.conditions_open", { count: next.open })}</>;
    default:
      return <>{t(`candidates.next.${next.step}` as MessageKey)}</>;
  }
}

export function ReleaseCell({ releaseDate, soon }: { releaseDate: string | null; soon: boolean }) {
  if (!releaseDate) return <>{t("candidates.release.unknown")}</>;
  return (
    <>
      {dayLabel(releaseDate)}
      {soon ? (
        <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
          {t("candidates.release.soon")}
        </span>
      ) : null}
    </>
  );
}

const conditionColours: Record<string, string> = {
  unknown: "bg-slate-100 text-slate-800",
  not_arranged: "bg-red-100 text-red-900",
  in_progress: "bg-amber-100 text-amber-900",
  arranged: "bg-green-100 text-green-900",
};

/** "ID: geregeld" as a small coloured label (the text carries the meaning, not the colour). */
export function ConditionBadge({ kind, status }: { kind: string; status: string }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs ${conditionColours[status] ?? ""}`}>
      {t(`candidates.conditions.kind.${kind}` as MessageKey)}:{" "}
      {t(`candidates.conditions.status.${status}` as MessageKey)}
    </span>
  );
}

/** A two-column list of facts. Values are text (React escapes them). */
export function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {items.map((i) => (
        <div key={i.label} className="contents">
          <dt className="font-medium text-slate-700">{i.label}</dt>
          <dd className="whitespace-pre-line break-words">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SavedNotice({ show, children }: { show: boolean; children: ReactNode }) {
  if (!show) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
      {children}
    </p>
  );
}
