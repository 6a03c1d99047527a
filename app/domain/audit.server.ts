import type { Database } from "#db/client.server";
import { auditLog } from "#db/schema";

export type Origin = { ip: string | null; userAgent: string | null };

/** The header the HTTP layer sets from the socket address (any incoming value is overwritten). */
export const CLIENT_IP_HEADER = "x-werkbrug-client-ip";

export function requestOrigin(request: Request): Origin {
  return {
    ip: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
  };
}

export type AuditEntry = {
  actorUserId?: string | null;
  actorOrganisationId?: string | null;
  action: string;
  objectType?: string;
  objectId?: string | null;
  result?: "ok" | "denied" | "failed";
  origin?: Origin;
  /** Ids and states only: never identity values, passwords or tokens. */
  details?: Record<string, unknown>;
};

/** Appends one row to the audit log; call it inside the transaction of the change it records. */
export async function audit(db: Database, entry: AuditEntry) {
  await db.insert(auditLog).values({
    actorUserId: entry.actorUserId ?? null,
    actorOrganisationId: entry.actorOrganisationId ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result ?? "ok",
    ip: entry.origin?.ip ?? null,
    userAgent: entry.origin?.userAgent ?? null,
    details: entry.details ?? null,
  });
}
