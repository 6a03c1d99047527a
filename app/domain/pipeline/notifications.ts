import type { MessageKey } from "~/i18n";

/*
 * Who hears about each pipeline step, and with which words (issue 6: "every step notifies the
 * right people in the app and by email"). One table: event → audience → title, body and the
 * page the notification links to. The server (notify.server.ts) resolves the audiences to
 * users for one case, leaves out the person who took the step, and writes one in-app
 * notification plus one email (or digest entry) per person through `notify`.
 *
 * Audiences:
 *   employer     the vacancy's people (its creator, the requester / offer maker; else the owners)
 *   coach        the candidate's own coach (caseload)
 *   jobCoach     the placement's job coach
 *   candidate    the candidate, when they have an account
 *   coordinator  the municipality coordinators of the municipality of origin
 *   previous     the person who handed a case over (handover accepted)
 *
 * Texts never name a candidate (only the public code) and never carry message contents,
 * check-in notes or handover notes: emails leave the portal.
 */

export type Audience = "employer" | "coach" | "jobCoach" | "candidate" | "coordinator" | "previous";
export type LinkTarget = "proposal" | "placement" | "handover" | "candidate";
export type NotificationText = { title: MessageKey; body: MessageKey; link: LinkTarget };

export const pipelineNotifications = {
  "proposal.proposed": {
    employer: {
      title: "pipeline.notify.proposed.employer.title",
      body: "pipeline.notify.proposed.employer.body",
      link: "proposal",
    },
  },
  "proposal.requested": {
    coach: {
      title: "pipeline.notify.requested.coach.title",
      body: "pipeline.notify.requested.coach.body",
      link: "proposal",
    },
  },
  "proposal.request_proposed": {
    employer: {
      title: "pipeline.notify.requestProposed.employer.title",
      body: "pipeline.notify.requestProposed.employer.body",
      link: "proposal",
    },
  },
  "proposal.declined_by_coach": {
    employer: {
      title: "pipeline.notify.declinedByCoach.employer.title",
      body: "pipeline.notify.declinedByCoach.employer.body",
      link: "proposal",
    },
  },
  "proposal.interested": {
    coach: {
      title: "pipeline.notify.interested.coach.title",
      body: "pipeline.notify.interested.coach.body",
      link: "proposal",
    },
  },
  "proposal.rejected": {
    coach: {
      title: "pipeline.notify.rejected.coach.title",
      body: "pipeline.notify.rejected.coach.body",
      link: "proposal",
    },
  },
  "meeting.planned": {
    coach: {
      title: "pipeline.notify.meetingPlanned.coach.title",
      body: "pipeline.notify.meetingPlanned.coach.body",
      link: "proposal",
    },
    candidate: {
      title: "pipeline.notify.meetingPlanned.candidate.title",
      body: "pipeline.notify.meetingPlanned.candidate.body",
      link: "proposal",
    },
  },
  "meeting.rescheduled": {
    employer: {
      title: "pipeline.notify.meetingChanged.title",
      body: "pipeline.notify.meetingChanged.body",
      link: "proposal",
    },
    coach: {
      title: "pipeline.notify.meetingChanged.title",
      body: "pipeline.notify.meetingChanged.body",
      link: "proposal",
    },
    candidate: {
      title: "pipeline.notify.meetingChanged.title",
      body: "pipeline.notify.meetingChanged.body",
      link: "proposal",
    },
  },
  "meeting.cancelled": {
    employer: {
      title: "pipeline.notify.meetingCancelled.title",
      body: "pipeline.notify.meetingCancelled.body",
      link: "proposal",
    },
    coach: {
      title: "pipeline.notify.meetingCancelled.title",
      body: "pipeline.notify.meetingCancelled.body",
      link: "proposal",
    },
    candidate: {
      title: "pipeline.notify.meetingCancelled.title",
      body: "pipeline.notify.meetingCancelled.body",
      link: "proposal",
    },
  },
  "message.posted": {
    employer: {
      title: "pipeline.notify.message.title",
      body: "pipeline.notify.message.body",
      link: "proposal",
    },
    coach: {
      title: "pipeline.notify.message.title",
      body: "pipeline.notify.message.body",
      link: "proposal",
    },
    candidate: {
      title: "pipeline.notify.message.title",
      body: "pipeline.notify.message.body",
      link: "proposal",
    },
  },
  "offer.made": {
    coach: {
      title: "pipeline.notify.offerMade.coach.title",
      body: "pipeline.notify.offerMade.coach.body",
      link: "proposal",
    },
    candidate: {
      title: "pipeline.notify.offerMade.candidate.title",
      body: "pipeline.notify.offerMade.candidate.body",
      link: "proposal",
    },
  },
  "offer.advice": {
    candidate: {
      title: "pipeline.notify.offerAdvice.candidate.title",
      body: "pipeline.notify.offerAdvice.candidate.body",
      link: "proposal",
    },
  },
  "offer.accepted": {
    employer: {
      title: "pipeline.notify.offerAccepted.employer.title",
      body: "pipeline.notify.offerAccepted.employer.body",
      link: "placement",
    },
    coach: {
      title: "pipeline.notify.offerAccepted.coach.title",
      body: "pipeline.notify.offerAccepted.coach.body",
      link: "placement",
    },
  },
  "offer.declined": {
    employer: {
      title: "pipeline.notify.offerDeclined.employer.title",
      body: "pipeline.notify.offerDeclined.employer.body",
      link: "proposal",
    },
    coach: {
      title: "pipeline.notify.offerDeclined.coach.title",
      body: "pipeline.notify.offerDeclined.coach.body",
      link: "proposal",
    },
  },
  /** Another offer was accepted: this candidate's other open offers end. */
  "offer.closed_placed_elsewhere": {
    employer: {
      title: "pipeline.notify.offerClosedPlaced.employer.title",
      body: "pipeline.notify.offerClosedPlaced.employer.body",
      link: "proposal",
    },
  },
  "offer.withdrawn": {
    coach: {
      title: "pipeline.notify.offerWithdrawn.title",
      body: "pipeline.notify.offerWithdrawn.body",
      link: "proposal",
    },
    candidate: {
      title: "pipeline.notify.offerWithdrawn.title",
      body: "pipeline.notify.offerWithdrawn.body",
      link: "proposal",
    },
  },
  "offer.expired": {
    employer: {
      title: "pipeline.notify.offerExpired.title",
      body: "pipeline.notify.offerExpired.body",
      link: "proposal",
    },
    coach: {
      title: "pipeline.notify.offerExpired.title",
      body: "pipeline.notify.offerExpired.body",
      link: "proposal",
    },
    candidate: {
      title: "pipeline.notify.offerExpired.title",
      body: "pipeline.notify.offerExpired.body",
      link: "proposal",
    },
  },
  "placement.started": {
    jobCoach: {
      title: "pipeline.notify.placementStarted.jobCoach.title",
      body: "pipeline.notify.placementStarted.jobCoach.body",
      link: "placement",
    },
    candidate: {
      title: "pipeline.notify.placementStarted.candidate.title",
      body: "pipeline.notify.placementStarted.candidate.body",
      link: "placement",
    },
  },
  "placement.handed_over": {
    jobCoach: {
      title: "pipeline.notify.placementHandedOver.jobCoach.title",
      body: "pipeline.notify.placementHandedOver.jobCoach.body",
      link: "placement",
    },
    employer: {
      title: "pipeline.notify.placementHandedOver.employer.title",
      body: "pipeline.notify.placementHandedOver.employer.body",
      link: "placement",
    },
    candidate: {
      title: "pipeline.notify.placementHandedOver.candidate.title",
      body: "pipeline.notify.placementHandedOver.candidate.body",
      link: "placement",
    },
  },
  "placement.completed": {
    employer: {
      title: "pipeline.notify.placementCompleted.title",
      body: "pipeline.notify.placementCompleted.body",
      link: "placement",
    },
    jobCoach: {
      title: "pipeline.notify.placementCompleted.title",
      body: "pipeline.notify.placementCompleted.body",
      link: "placement",
    },
    coach: {
      title: "pipeline.notify.placementCompleted.title",
      body: "pipeline.notify.placementCompleted.body",
      link: "placement",
    },
    candidate: {
      title: "pipeline.notify.placementCompleted.title",
      body: "pipeline.notify.placementCompleted.body",
      link: "placement",
    },
  },
  "placement.ended_early": {
    employer: {
      title: "pipeline.notify.placementEnded.title",
      body: "pipeline.notify.placementEnded.body",
      link: "placement",
    },
    jobCoach: {
      title: "pipeline.notify.placementEnded.title",
      body: "pipeline.notify.placementEnded.body",
      link: "placement",
    },
    coach: {
      title: "pipeline.notify.placementEnded.title",
      body: "pipeline.notify.placementEnded.body",
      link: "placement",
    },
    candidate: {
      title: "pipeline.notify.placementEnded.title",
      body: "pipeline.notify.placementEnded.body",
      link: "placement",
    },
  },
  "checkin.requested": {
    jobCoach: {
      title: "pipeline.notify.checkInRequested.jobCoach.title",
      body: "pipeline.notify.checkInRequested.jobCoach.body",
      link: "placement",
    },
  },
  "checkin.due": {
    jobCoach: {
      title: "pipeline.notify.checkInDue.jobCoach.title",
      body: "pipeline.notify.checkInDue.jobCoach.body",
      link: "placement",
    },
  },
  "checkin.overdue": {
    jobCoach: {
      title: "pipeline.notify.checkInOverdue.jobCoach.title",
      body: "pipeline.notify.checkInOverdue.jobCoach.body",
      link: "placement",
    },
  },
  "handover.created": {
    coordinator: {
      title: "pipeline.notify.handoverCreated.coordinator.title",
      body: "pipeline.notify.handoverCreated.coordinator.body",
      link: "handover",
    },
  },
  "handover.accepted": {
    previous: {
      title: "pipeline.notify.handoverAccepted.title",
      body: "pipeline.notify.handoverAccepted.body",
      link: "candidate",
    },
  },
  "handover.assigned": {
    coach: {
      title: "pipeline.notify.handoverAssigned.coach.title",
      body: "pipeline.notify.handoverAssigned.coach.body",
      link: "candidate",
    },
  },
} as const satisfies Record<string, Partial<Record<Audience, NotificationText>>>;

export type PipelineEvent = keyof typeof pipelineNotifications;

/** The ids a link may need; each audience has its own pages. */
export type LinkIds = {
  proposalId?: string;
  placementId?: string;
  handoverId?: string;
  candidateId?: string;
};

/**
 * Where a notification takes each audience. The page engineer builds the routes at these
 * paths (or changes them here: this is the only place that knows them).
 */
export function pipelineLink(audience: Audience, target: LinkTarget, ids: LinkIds): string | null {
  const { proposalId, placementId, handoverId, candidateId } = ids;
  const side =
    audience === "employer"
      ? "werkgever"
      : audience === "candidate"
        ? "kandidaat"
        : audience === "coordinator"
          ? "gemeente"
          : "coach";
  switch (target) {
    case "proposal":
      if (!proposalId) return null;
      return `/${side}/voorstellen/${proposalId}`;
    case "placement":
      if (!placementId) return null;
      return audience === "candidate" ? "/kandidaat/werk" : `/${side}/plaatsingen/${placementId}`;
    case "handover":
      return handoverId ? `/gemeente/overdrachten/${handoverId}` : null;
    case "candidate":
      if (!candidateId) return null;
      return `/coach/kandidaten/${candidateId}`;
  }
}
