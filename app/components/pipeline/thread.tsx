import { getTextareaProps } from "@conform-to/react";
import { useState } from "react";
import { hasContactDetails } from "~/domain/pipeline/mask";
import { postMessageSchema } from "~/domain/pipeline/schemas";
import { t } from "~/i18n";
import { IntentButton, IntentForm, useIntentForm } from "./forms";
import { shortMomentLabel } from "./format";

/*
 * The conversation of one proposal between employer and coach (the candidate joins from the
 * offer on). Messages arrive masked as the server stored them; while the candidate has not
 * consented, the form warns before sending that phone numbers and email addresses will be hidden.
 */

export type ThreadMessageData = {
  id: string;
  body: string;
  masked: boolean;
  createdAt: string;
  author: "employer" | "coach" | "candidate";
  authorName: string | null;
  mine: boolean;
};

function authorLabel(m: ThreadMessageData) {
  if (m.mine) return t("pipeline.thread.you");
  const side = t(`pipeline.message.author.${m.author}`);
  return m.authorName ? `${side} (${m.authorName})` : side;
}

export function Thread({
  messages,
  canPost,
  masking,
  proposalId,
}: {
  messages: ThreadMessageData[];
  canPost: boolean;
  /** True while phone numbers and emails are hidden (no disclosure consent yet). */
  masking: boolean;
  proposalId: string;
}) {
  return (
    <div data-testid="thread">
      {masking ? (
        <p className="mb-3 rounded-md border border-amber-600 bg-amber-50 p-3 text-sm">
          {t("pipeline.thread.maskingNotice")}
        </p>
      ) : (
        <p className="mb-3 text-sm text-slate-700">{t("pipeline.thread.consentNotice")}</p>
      )}
      {messages.length === 0 ? (
        <p className="text-slate-700">{t("pipeline.thread.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {messages.map((m) => (
            <li
              key={m.id}
              data-testid="thread-message"
              className={`rounded-md p-3 ${m.mine ? "ml-6 bg-brand-50" : "mr-6 bg-slate-100"}`}
            >
              <p className="text-sm text-slate-700">
                <span className="font-semibold text-slate-900">{authorLabel(m)}</span> ·{" "}
                {shortMomentLabel(m.createdAt)}
              </p>
              <p className="mt-1 whitespace-pre-line">{m.body}</p>
              {m.masked ? (
                <p className="mt-1 text-xs text-slate-700">{t("pipeline.thread.wasMasked")}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canPost ? (
        // A new message remounts the form, so the field is empty again after sending.
        <MessageForm key={messages.length} proposalId={proposalId} masking={masking} />
      ) : null}
    </div>
  );
}

function MessageForm({ proposalId, masking }: { proposalId: string; masking: boolean }) {
  const [form, fields] = useIntentForm({ intent: "message", schema: postMessageSchema });
  // After a refusal the typed text is back in the field; warn about it straight away.
  const [warn, setWarn] = useState(() => masking && hasContactDetails(String(fields.body.initialValue ?? "")));
  const { id, ...bodyProps } = getTextareaProps(fields.body);
  return (
    <IntentForm intent="message" form={form} fields={{ proposalId }} className="mt-4">
      <label htmlFor={id} className="block font-medium">
        {t("pipeline.thread.label")}
      </label>
      <textarea
        {...bodyProps}
        id={id}
        rows={3}
        maxLength={4000}
        onChange={(e) => setWarn(masking && hasContactDetails(e.target.value))}
        aria-describedby={[bodyProps["aria-describedby"], warn ? "thread-warning" : undefined].filter(Boolean).join(" ") || undefined}
        className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2"
      />
      {fields.body.errors?.length ? (
        <div id={fields.body.errorId}>
          {fields.body.errors.map((e) => (
            <p key={e} className="mt-1 text-sm text-red-700">
              {e}
            </p>
          ))}
        </div>
      ) : null}
      {warn ? (
        <p id="thread-warning" role="status" className="mt-1 text-sm font-semibold text-amber-800">
          {t("pipeline.thread.willMask")}
        </p>
      ) : null}
      <div className="mt-2">
        <IntentButton intent="message">{t("pipeline.thread.send")}</IntentButton>
      </div>
    </IntentForm>
  );
}
