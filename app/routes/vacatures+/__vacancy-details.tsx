import type { ReactNode } from "react";
import { dayLabel } from "~/utils/dates";
import { t, type MessageKey } from "~/i18n";

/*
 * A vacancy as readers see it (coaches, prison staff, municipality, admin), also used for the
 * employer's own filled or closed vacancies. Not a route ("__" files are ignored). Every text
 * is rendered as text: markup typed into a vacancy shows as typed, it never runs.
 */

export type VacancyDetailsData = {
  title: string;
  status: string;
  sector: string;
  kind: string;
  description: string;
  requiredSkills: string[];
  preferredSkills: string[];
  certificates: string[];
  licences: string[];
  hoursMin: number;
  hoursMax: number;
  shifts: string[];
  contractType: string | null;
  wageIndication: string | null;
  placeName: string;
  maxDistanceKm: number;
  startDate: string | null;
  positions: number;
  positionsFilled: number;
  vogRequired: boolean;
  vogRiskAreas: string[];
  supportOffered: string[];
};

const label = (key: string) => t(key as MessageKey);
const list = (values: string[], prefix?: string) =>
  values.length ? values.map((v) => (prefix ? label(`${prefix}.${v}`) : v)).join(", ") : t("vacancy.detail.none");

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-100 py-2 sm:grid-cols-3">
      <dt className="font-medium text-slate-800">{term}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

export function VacancyDetails({ vacancy }: { vacancy: VacancyDetailsData }) {
  const left = vacancy.positions - vacancy.positionsFilled;
  return (
    <>
      <p className="mb-4 whitespace-pre-line" data-testid="vacancy-description">
        {vacancy.description}
      </p>
      <dl>
        <Row term={t("vacancy.field.sector")}>{label(`vacancy.sector.${vacancy.sector}`)}</Row>
        <Row term={t("vacancy.field.kind")}>{label(`vacancy.kind.${vacancy.kind}`)}</Row>
        <Row term={t("vacancy.detail.where")}>
          {vacancy.placeName} · {t("vacancy.detail.maxDistance", { km: vacancy.maxDistanceKm })}
        </Row>
        <Row term={t("vacancy.detail.hoursLabel")}>
          {t("vacancy.detail.hours", { min: vacancy.hoursMin, max: vacancy.hoursMax })}
          {vacancy.shifts.length ? ` · ${list(vacancy.shifts, "vacancy.shift")}` : ""}
        </Row>
        <Row term={t("vacancy.detail.start")}>
          {vacancy.startDate ? dayLabel(vacancy.startDate) : t("vacancy.detail.startAsap")}
        </Row>
        <Row term={t("vacancy.field.contractType")}>
          {vacancy.contractType ? label(`vacancy.contract.${vacancy.contractType}`) : t("vacancy.detail.none")}
          {vacancy.wageIndication ? ` · ${vacancy.wageIndication}` : ""}
        </Row>
        <Row term={t("vacancy.field.positions")}>
          {t("vacancy.detail.positionsLeft", { left, positions: vacancy.positions })}
        </Row>
        <Row term={t("vacancy.field.requiredSkills")}>{list(vacancy.requiredSkills)}</Row>
        <Row term={t("vacancy.field.preferredSkills")}>{list(vacancy.preferredSkills)}</Row>
        <Row term={t("vacancy.field.certificates")}>{list(vacancy.certificates)}</Row>
        <Row term={t("vacancy.field.licences")}>{list(vacancy.licences)}</Row>
        <Row term={t("vacancy.detail.vog")}>
          {vacancy.vogRequired
            ? t("vacancy.detail.vogAreas", { areas: list(vacancy.vogRiskAreas, "vacancy.vogArea") })
            : t("vacancy.detail.vogNone")}
        </Row>
        <Row term={t("vacancy.detail.support")}>{list(vacancy.supportOffered, "vacancy.support")}</Row>
      </dl>
    </>
  );
}
