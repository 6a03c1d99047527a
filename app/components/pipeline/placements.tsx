import { Link } from "@remix-run/react";
import { t } from "~/i18n";
import { checkInStateLabel, dayText, placementStatusLabel } from "./format";

/*
 * Lists of placements and open check-ins (dashboards and the placement overview pages).
 */

export type PlacementRow = {
  id: string;
  status: string;
  startedOn: string;
  endedOn: string | null;
  vacancyTitle: string;
  employerName: string;
  publicCode: string;
  jobCoachName: string;
  jobCoachEmail: string;
};

export function PlacementList({
  items,
  linkBase,
  side,
  empty,
}: {
  items: PlacementRow[];
  linkBase: string;
  side: "coach" | "employer";
  empty: string;
}) {
  if (items.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((p) => (
        <li key={p.id} className="py-3" data-testid="placement-row">
          <Link to={`${linkBase}/${p.id}`} className="font-semibold text-brand-700 underline">
            {t("pipeline.page.list.title", { code: p.publicCode, vacancy: p.vacancyTitle })}
          </Link>
          <p className="text-sm text-slate-700">
            {placementStatusLabel(p.status)} · {t("pipeline.page.placement.since", { date: dayText(p.startedOn) })}
            {side === "coach" ? ` · ${p.employerName}` : ""}
          </p>
          {side === "employer" ? (
            <p className="text-sm">
              {t("pipeline.page.placement.jobCoachIs", { name: p.jobCoachName })}{" "}
              <a className="text-brand-700 underline" href={`mailto:${p.jobCoachEmail}`}>
                {p.jobCoachEmail}
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export type OpenCheckInRow = {
  checkInId: string;
  placementId: string;
  week: number;
  dueOn: string;
  state: string;
  requestedByEmployer: boolean;
  publicCode: string;
  vacancyTitle: string;
  employerName: string;
};

/** The coach's open check-ins, in the order given (overdue first). */
export function OpenCheckInList({ items, empty }: { items: OpenCheckInRow[]; empty: string }) {
  if (items.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((c) => (
        <li key={c.checkInId} className="flex flex-wrap justify-between gap-2 py-2" data-testid="open-check-in" data-state={c.state}>
          <Link to={`/coach/plaatsingen/${c.placementId}#check-ins`} className="font-semibold text-brand-700 underline">
            {t("pipeline.page.list.title", { code: c.publicCode, vacancy: c.vacancyTitle })}
          </Link>
          <span className={`text-sm ${c.state === "overdue" ? "font-semibold text-red-800" : "text-slate-700"}`}>
            {t("pipeline.checkIn.week", { week: c.week })} · {dayText(c.dueOn)} · {checkInStateLabel(c.state)}
            {c.requestedByEmployer ? ` · ${t("pipeline.page.checkIn.requested")}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
