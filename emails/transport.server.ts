import { Resend } from "resend";
import { env } from "~/env.server";

export type OutgoingEmail = {
  /** The outbox id; Resend's idempotency key, so a retry never sends twice. */
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

export type EmailTransport = {
  kind: "resend" | "dev-mailbox";
  /** Resolves with the provider's message id, or throws: a throw means "not sent, try again". */
  send(message: OutgoingEmail): Promise<{ providerMessageId: string }>;
};

export const DEV_MAILBOX_MESSAGE_ID = "dev-mailbox";

export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly statusCode: number | null,
  ) {
    super(message);
    this.name = "EmailSendError";
  }
}

/**
 * Resend. The SDK reads RESEND_BASE_URL from the environment when the client is made (tests
 * point it at a local server), and sends `idempotencyKey` as the Idempotency-Key header.
 * The SDK never throws for an API error: it answers `{ data, error }`, and an `error` is a
 * failed send.
 */
export function createResendTransport(options: {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
}): EmailTransport {
  const resend = new Resend(
    options.apiKey,
    options.baseUrl ? { baseUrl: options.baseUrl } : undefined,
  );
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    kind: "resend",
    async send(message) {
      const { data, error } = await resend.emails.send(
        {
          from: message.from,
          to: [message.to],
          subject: message.subject,
          html: message.html,
          text: message.text,
        },
        { idempotencyKey: message.id, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) {
        throw new EmailSendError(
          `Resend: ${error.name}${error.statusCode ? ` (${error.statusCode})` : ""}: ${error.message}`,
          error.name,
          error.statusCode,
        );
      }
      if (!data?.id) throw new EmailSendError("Resend: reply without an email id", null, null);
      return { providerMessageId: data.id };
    },
  };
}

/**
 * Development without RESEND_API_KEY: nothing leaves the machine. The outbox row itself is the
 * mailbox (status done, provider id "dev-mailbox"); `listDevMailbox` renders it for reading.
 */
export const devMailboxTransport: EmailTransport = {
  kind: "dev-mailbox",
  async send() {
    return { providerMessageId: DEV_MAILBOX_MESSAGE_ID };
  },
};

/** The transport the configuration asks for: Resend with RESEND_API_KEY, else the dev mailbox. */
export function emailTransportFromEnv(): EmailTransport {
  const config = env();
  return config.RESEND_API_KEY
    ? createResendTransport({ apiKey: config.RESEND_API_KEY })
    : devMailboxTransport;
}

/** For /healthz and the start-up message. */
export function emailKind(): EmailTransport["kind"] {
  return env().RESEND_API_KEY ? "resend" : "dev-mailbox";
}
