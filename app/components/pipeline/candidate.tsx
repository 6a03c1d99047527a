import { Link } from "@remix-run/react";
import { t } from "~/i18n";
import { dayText, momentLabel, proposalStatusLabel } from "./format";

/*
 * The candidate's side in plain words and big tap targets: one card per introduction or offer,
 * readable on a phone.
 */

export type CandidateProposalData = {
  id: string;
  status: string;
  vacancyTitle: string;
  employerName: string;
  nextMeetingAt: string | null;
  openOfferExpiresOn: string | null;
  heldUp?: boolean;
};

export function CandidateProposalCards({ items, empty }: { items: CandidateProposalData[]; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="space-y-4">
      {items.map((p) => (
        <li key={p.id} className="rounded-lg bg-white p-4 shadow" data-testid="candidate-proposal">
          <h2 className="text-xl font-semibold">{p.vacancyTitle}</h2>
          <p>{p.employerName}</p>
          <p className="mt-1 font-semibold">{proposalStatusLabel(p.status)}</p>
          {p.nextMeetingAt ? <p>{t("pipeline.page.candidate.meetingOn", { when: momentLabel(p.nextMeetingAt) })}</p> : null}
          {p.openOfferExpiresOn ? (
            <p>{t("pipeline.page.candidate.answerBefore", { date: dayText(p.openOfferExpiresOn) })}</p>
          ) : null}
          {p.heldUp ? (
            <p className="font-semibold text-amber-800" data-testid="proposal-held-up">
              {t("pipeline.page.candidate.heldUp")}
            </p>
          ) : null}
          <Link
            to={`/kandidaat/voorstellen/${p.id}`}
            className="mt-3 inline-block rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800"
          >
            {p.openOfferExpiresOn ? t("pipeline.page.candidate.viewOffer") : t("pipeline.page.candidate.view")}
          </Link>
        </li>
      ))}
    </ul>
  );
}
