import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getDb } from "#db/client.server";
import { clearSessionCookie, getAuthContext, invalidateSession } from "~/auth/session.server";
import { audit, requestOrigin } from "~/domain/audit.server";

// Signing out is a POST (a link or image cannot sign someone out); a GET just goes home.
export async function loader(_: LoaderFunctionArgs) {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await getAuthContext(request);
  if (context) {
    const db = getDb();
    await invalidateSession(db, context.sessionId);
    await audit(db, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id,
      action: "auth.logout",
      objectType: "user",
      objectId: context.user.id,
      origin: requestOrigin(request),
    });
  }
  return redirect("/login", { headers: { "set-cookie": clearSessionCookie(request) } });
}
