import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { requireUser, safeRedirect } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle } from "~/components/home";
import { IntentButton, IntentForm } from "~/components/pipeline/forms";
import { shortMomentLabel } from "~/components/pipeline/format";
import { listNotifications, markNotificationsRead, ownNotification } from "~/domain/notifications.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.notifications.title")} · ${t("app.name")}` }];

/** The signed-in user's in-app notifications, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireUser(request);
  return json({ notifications: await listNotifications(getDb(), context.user.id) });
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), notificationId: z.uuid() }),
  z.object({ intent: z.literal("readAll") }),
]);

/** Opens a notification (marks it read, then goes to its page) or marks all read. */
export async function action({ request }: ActionFunctionArgs) {
  const context = await requireUser(request);
  const db = getDb();
  const submission = parseWithZod(await request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") {
    return json({ intent: "", target: "", result: submission.reply() }, { status: 400 });
  }
  if (submission.value.intent === "readAll") {
    await markNotificationsRead(db, context.user.id);
    return redirect("/meldingen");
  }
  const id = submission.value.notificationId;
  const mine = await ownNotification(db, context.user.id, id);
  if (!mine) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  await markNotificationsRead(db, context.user.id, [id]);
  return redirect(safeRedirect(mine.link, "/meldingen"));
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <PageTitle intro={t("pipeline.page.notifications.intro")}>{t("pipeline.page.notifications.title")}</PageTitle>
      {unread > 0 ? (
        <IntentForm intent="readAll" className="mb-4">
          <IntentButton intent="readAll" variant="secondary">
            {t("pipeline.page.notifications.readAll")}
          </IntentButton>
        </IntentForm>
      ) : null}
      {notifications.length === 0 ? (
        <EmptyNote>{t("pipeline.page.notifications.empty")}</EmptyNote>
      ) : (
        <ul className="space-y-3">
          {notifications.map((n) => (
            <li
              key={n.id}
              data-testid="notification"
              data-read={n.readAt ? "true" : "false"}
              className={`rounded-lg p-4 shadow ${n.readAt ? "bg-white" : "border-l-4 border-brand-700 bg-brand-50"}`}
            >
              <p className="text-sm text-slate-700">
                {shortMomentLabel(n.createdAt)}
                {n.readAt ? "" : ` · ${t("pipeline.page.notifications.new")}`}
              </p>
              <h2 className="font-semibold">{n.title}</h2>
              {n.body ? <p className="whitespace-pre-line">{n.body}</p> : null}
              <IntentForm intent="open" target={n.id} fields={{ notificationId: n.id }} className="mt-2">
                <IntentButton intent="open" target={n.id} variant="secondary">
                  {n.link ? t("pipeline.page.notifications.open") : t("pipeline.page.notifications.markRead")}
                </IntentButton>
              </IntentForm>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
