import type { Database } from "#db/client.server";
import { notify } from "#emails/outbox.server";
import { t } from "~/i18n";
import {
  type Audience,
  type LinkIds,
  type PipelineEvent,
  pipelineLink,
  pipelineNotifications,
} from "./notifications";

export type Recipients = Partial<Record<Audience, readonly (string | null | undefined)[]>>;

/**
 * Sends one pipeline event to its audiences (pipelineNotifications): an in-app notification and
 * an email (or digest entry) per person, in the caller's transaction. Each person gets it once,
 * in the first audience that names them; the person who took the step gets nothing.
 * Returns the user ids notified, per audience (tests and logs use it).
 */
export async function notifyPipeline(
  db: Database,
  event: PipelineEvent,
  input: {
    recipients: Recipients;
    vars: Record<string, string | number>;
    ids: LinkIds;
    actorUserId?: string | null;
    /** Extra text after the body, per audience (e.g. a notice only the coach may read). */
    append?: Partial<Record<Audience, string>>;
  },
): Promise<Partial<Record<Audience, string[]>>> {
  const spec = pipelineNotifications[event] as Partial<
    Record<
      Audience,
      {
        title: Parameters<typeof t>[0];
        body: Parameters<typeof t>[0];
        link: Parameters<typeof pipelineLink>[1];
      }
    >
  >;
  const done = new Set<string>(input.actorUserId ? [input.actorUserId] : []);
  const sent: Partial<Record<Audience, string[]>> = {};
  for (const [audience, text] of Object.entries(spec) as [
    Audience,
    NonNullable<(typeof spec)[Audience]>,
  ][]) {
    for (const userId of input.recipients[audience] ?? []) {
      if (!userId || done.has(userId)) continue;
      done.add(userId);
      await notify(db, {
        userId,
        kind: `pipeline.${event}`,
        title: t(text.title, input.vars),
        body: [t(text.body, input.vars), input.append?.[audience]].filter(Boolean).join("\n\n"),
        link: pipelineLink(audience, text.link, input.ids),
      });
      (sent[audience] ??= []).push(userId);
    }
  }
  return sent;
}
