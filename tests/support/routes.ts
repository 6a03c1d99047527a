import { and, desc, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { emailOutbox } from "#db/schema";
import { CLIENT_IP_HEADER } from "~/domain/audit.server";

/*
 * Calling route modules directly: requests as the HTTP layer would pass them on, and a
 * runner that returns thrown responses (redirects, 403/404) instead of throwing them.
 */

type RequestOptions = { cookie?: string; ip?: string };

function headersOf(options: RequestOptions) {
  const headers = new Headers({ "user-agent": "vitest" });
  if (options.cookie) headers.set("cookie", options.cookie);
  headers.set(CLIENT_IP_HEADER, options.ip ?? "203.0.113.1");
  return headers;
}

export function getRequest(path: string, options: RequestOptions = {}) {
  return new Request(`http://localhost${path}`, { headers: headersOf(options) });
}

export function postRequest(
  path: string,
  fields: Record<string, string | undefined>,
  options: RequestOptions = {},
) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields))
    if (value !== undefined) body.append(name, value);
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: headersOf(options),
  });
}

type RouteFunction = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => Promise<unknown>;

/** Runs a loader or action; a thrown Response is returned like a returned one. */
export async function run(
  fn: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    const result = await fn({ request, params, context: {} });
    if (!(result instanceof Response)) throw new Error("route did not return a Response");
    return result;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** The newest email of a template to an address (outbox row). */
export async function latestEmail(db: Database, to: string, template: string) {
  const [row] = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, template)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return row ?? null;
}

/** The token at the end of a one-time link in an email's props. */
export function tokenFromEmail(row: { props: Record<string, unknown> } | null): string {
  const link = row?.props.link;
  if (typeof link !== "string") throw new Error("email has no link");
  return new URL(link).pathname.split("/").pop()!;
}
