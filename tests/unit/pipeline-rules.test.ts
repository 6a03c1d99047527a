import { describe, expect, it } from "vitest";
import { proposalStatus } from "#db/schema";
import { addDays, addMonths } from "~/domain/pipeline/dates";
import { hasContactDetails, maskContactDetails } from "~/domain/pipeline/mask";
import { pipelineNotifications, pipelineLink } from "~/domain/pipeline/notifications";
import { retentionOf, retentionRates } from "~/domain/pipeline/retention";
import {
  CHECK_IN_WEEKS,
  checkInPlan,
  checkInState,
  isOverdue,
  reminderDue,
} from "~/domain/pipeline/schedule";
import {
  type ProposalStatus,
  canTransitionProposal,
  mayTransitionProposal,
  nextProposalSteps,
  proposalTransitions,
} from "~/domain/pipeline/transitions";
import { catalogues } from "~/i18n";

/** 10:00 Dutch time on a day. */
const dutch = (day: string, time = "10:00") => new Date(`${day}T${time}:00+01:00`);

describe("proposal transitions (DESIGN.md, exactly)", () => {
  // The lifecycle as drawn in DESIGN.md, written out once more by hand.
  const design: [ProposalStatus, ProposalStatus][] = [
    ["requested", "proposed"],
    ["requested", "declined_by_coach"],
    ["proposed", "interested"],
    ["proposed", "rejected"],
    ["interested", "meeting_planned"],
    ["meeting_planned", "offer_made"],
    ["offer_made", "accepted"],
    ["offer_made", "declined"],
    ["offer_made", "withdrawn"],
    ["offer_made", "expired"],
    ["accepted", "placed"],
  ];

  it("has exactly the steps of the design and no others", () => {
    const all = proposalStatus.enumValues;
    const table = all.flatMap((from) =>
      all.filter((to) => canTransitionProposal(from, to)).map((to) => [from, to]),
    );
    expect(table.sort()).toEqual([...design].sort());
  });

  it("has no step from interested straight to an offer (the design draws a meeting first)", () => {
    expect(canTransitionProposal("interested", "offer_made")).toBe(false);
  });

  it("gives each step to the right party", () => {
    expect(mayTransitionProposal("requested", "proposed", "coach")).toBe(true);
    expect(mayTransitionProposal("requested", "proposed", "employer")).toBe(false);
    expect(mayTransitionProposal("proposed", "interested", "employer")).toBe(true);
    expect(mayTransitionProposal("proposed", "interested", "coach")).toBe(false);
    expect(mayTransitionProposal("offer_made", "accepted", "candidate")).toBe(true);
    expect(mayTransitionProposal("offer_made", "accepted", "coach")).toBe(true);
    expect(mayTransitionProposal("offer_made", "accepted", "employer")).toBe(false);
    expect(mayTransitionProposal("offer_made", "withdrawn", "employer")).toBe(true);
    expect(mayTransitionProposal("offer_made", "withdrawn", "candidate")).toBe(false);
    expect(mayTransitionProposal("offer_made", "expired", "system")).toBe(true);
    expect(mayTransitionProposal("offer_made", "expired", "employer")).toBe(false);
    expect(nextProposalSteps("offer_made", "candidate").sort()).toEqual(["accepted", "declined"]);
    expect(nextProposalSteps("placed", "coach")).toEqual([]);
  });

  it("covers every status of the schema", () => {
    expect(Object.keys(proposalTransitions).sort()).toEqual([...proposalStatus.enumValues].sort());
  });
});

describe("maskContactDetails", () => {
  it.each([
    ["Bel me op 06-12345678.", 1, 0],
    ["Mijn nummer: 06 1234 5678", 1, 0],
    ["06 12 34 56 78 graag na 17 uur", 1, 0],
    ["Vast: (020) 123 45 67", 1, 0],
    ["020-1234567", 1, 0],
    ["Internationaal +31 6 12345678 of +31 (0)6 1234 5678", 2, 0],
    ["0031 6 12345678", 1, 0],
    ["Twee: 0612345678 0687654321", 2, 0],
    ["Mail jan.jansen@voorbeeld.nl. Dan hoor je het.", 0, 1],
    ["jan (at) voorbeeld punt nl", 0, 1],
    ["jan [at] voorbeeld.nl", 0, 1],
  ])("masks %j", (text, phones, emails) => {
    const result = maskContactDetails(text);
    expect(result.phones).toBe(phones);
    expect(result.emails).toBe(emails);
    expect(result.masked).toBe(true);
    expect(result.text).not.toMatch(/\d{3}[\s-]?\d{2,}|@/);
  });

  it("keeps the rest of the sentence", () => {
    expect(maskContactDetails("Mail jan@voorbeeld.nl. Dan hoor je het.").text).toBe(
      "Mail [e-mailadres verborgen]. Dan hoor je het.",
    );
  });

  it.each([
    "We starten op 2026-03-14 om 07:30.",
    "32 uur per week, € 2.450 bruto per maand.",
    "Postcode 8232 AB, huisnummer 12.",
    "Hij heeft 10 maanden ervaring en een VCA-diploma.",
    "Order 12345 is klaar.",
  ])("leaves ordinary text alone: %j", (text) => {
    expect(maskContactDetails(text)).toEqual({ text, masked: false, phones: 0, emails: 0 });
    expect(hasContactDetails(text)).toBe(false);
  });
});

describe("check-in schedule", () => {
  it("plans weeks 1, 2, 4, 13, 26 and 52 from the start date", () => {
    expect(CHECK_IN_WEEKS).toEqual([1, 2, 4, 13, 26, 52]);
    expect(checkInPlan("2026-03-02")).toEqual([
      { week: 1, dueOn: "2026-03-09" },
      { week: 2, dueOn: "2026-03-16" },
      { week: 4, dueOn: "2026-03-30" },
      { week: 13, dueOn: "2026-06-01" },
      { week: 26, dueOn: "2026-08-31" },
      { week: 52, dueOn: "2027-03-01" },
    ]);
  });

  it("knows upcoming, due, overdue and done by the Dutch calendar day", () => {
    const c = { dueOn: "2026-03-09", doneAt: null };
    expect(checkInState(c, dutch("2026-03-05"))).toBe("upcoming");
    expect(checkInState(c, dutch("2026-03-06"))).toBe("due");
    expect(checkInState(c, dutch("2026-03-09", "23:30"))).toBe("due");
    expect(isOverdue(c, dutch("2026-03-09", "23:30"))).toBe(false);
    // 00:30 on 10 March in the Netherlands is still 9 March in UTC.
    expect(isOverdue(c, new Date("2026-03-09T23:30:00Z"))).toBe(true);
    expect(checkInState({ ...c, doneAt: dutch("2026-03-12") }, dutch("2026-03-20"))).toBe("done");
  });

  it("reminds once when due, once when overdue, then weekly", () => {
    const base = { dueOn: "2026-03-09", doneAt: null };
    expect(reminderDue({ ...base, remindedAt: null }, dutch("2026-03-05"))).toBeNull();
    expect(reminderDue({ ...base, remindedAt: null }, dutch("2026-03-07"))).toBe("due");
    expect(
      reminderDue({ ...base, remindedAt: dutch("2026-03-07") }, dutch("2026-03-09")),
    ).toBeNull();
    expect(reminderDue({ ...base, remindedAt: dutch("2026-03-07") }, dutch("2026-03-10"))).toBe(
      "overdue",
    );
    expect(reminderDue({ ...base, remindedAt: null }, dutch("2026-03-20"))).toBe("overdue");
    expect(
      reminderDue({ ...base, remindedAt: dutch("2026-03-10") }, dutch("2026-03-16")),
    ).toBeNull();
    expect(reminderDue({ ...base, remindedAt: dutch("2026-03-10") }, dutch("2026-03-17"))).toBe(
      "overdue",
    );
    expect(
      reminderDue({ ...base, doneAt: dutch("2026-03-08"), remindedAt: null }, dutch("2026-03-20")),
    ).toBeNull();
  });
});

describe("retention at 1, 3, 6 and 12 months", () => {
  it("follows from start, end and outcome", () => {
    const now = dutch("2027-06-01");
    expect(
      retentionOf(
        { startedOn: "2026-01-31", endedOn: null, status: "active" },
        dutch("2026-05-01"),
      ),
    ).toEqual({
      1: "retained",
      3: "retained",
      6: "pending",
      12: "pending",
    });
    expect(
      retentionOf({ startedOn: "2026-01-15", endedOn: "2026-05-01", status: "ended_early" }, now),
    ).toEqual({
      1: "retained",
      3: "retained",
      6: "ended_early",
      12: "ended_early",
    });
    expect(
      retentionOf({ startedOn: "2026-01-15", endedOn: "2026-07-15", status: "completed" }, now),
    ).toEqual({
      1: "retained",
      3: "retained",
      6: "retained",
      12: "completed",
    });
  });

  it("rates leave out what is pending or completed", () => {
    const now = dutch("2026-09-01");
    const rates = retentionRates(
      [
        { startedOn: "2026-01-01", endedOn: null, status: "active" },
        { startedOn: "2026-01-01", endedOn: "2026-01-20", status: "ended_early" },
        { startedOn: "2026-01-01", endedOn: "2026-03-01", status: "completed" },
      ],
      now,
    );
    expect(rates[1]).toEqual({ counted: 3, retained: 2, rate: 2 / 3 });
    expect(rates[3]).toEqual({ counted: 2, retained: 1, rate: 0.5 });
    expect(rates[12]).toEqual({ counted: 1, retained: 0, rate: 0 });
    expect(retentionRates([], now)[6]).toEqual({ counted: 0, retained: 0, rate: null });
  });

  it("adds months to the last day of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addDays("2026-12-30", 5)).toBe("2027-01-04");
  });
});

describe("notification table", () => {
  it("uses texts that exist, for every audience", () => {
    const nl = catalogues.nl as Record<string, string>;
    for (const [event, audiences] of Object.entries(pipelineNotifications)) {
      for (const [audience, text] of Object.entries(audiences)) {
        expect(nl[text.title], `${event} → ${audience}`).toBeTypeOf("string");
        expect(nl[text.body], `${event} → ${audience}`).toBeTypeOf("string");
      }
    }
  });

  it("names a step the issue lists for each kind of event", () => {
    const events = Object.keys(pipelineNotifications);
    for (const step of [
      "proposal.proposed",
      "proposal.requested",
      "proposal.declined_by_coach",
      "proposal.interested",
      "meeting.planned",
      "meeting.rescheduled",
      "offer.made",
      "offer.accepted",
      "offer.declined",
      "placement.started",
      "checkin.due",
      "checkin.overdue",
      "handover.created",
    ]) {
      expect(events).toContain(step);
    }
  });

  it("links each side to its own pages", () => {
    expect(pipelineLink("employer", "proposal", { proposalId: "p" })).toBe(
      "/werkgever/voorstellen/p",
    );
    expect(pipelineLink("coach", "placement", { placementId: "x" })).toBe("/coach/plaatsingen/x");
    expect(pipelineLink("candidate", "placement", { placementId: "x" })).toBe("/kandidaat/werk");
    expect(pipelineLink("coordinator", "handover", { handoverId: "h" })).toBe(
      "/gemeente/overdrachten/h",
    );
  });
});
