import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { listDevMailbox } from "#emails/dev-mailbox.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle } from "~/components/home";
import { env } from "~/env.server";
import { t } from "~/i18n";

// The development mailbox: what would have been emailed, for a platform admin, never in production.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:dev-mailbox");
  if (env().NODE_ENV === "production") throw new Response("Not Found", { status: 404 });
  const messages = await listDevMailbox(getDb(), { limit: 50 });
  return json({
    messages: messages.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      html: m.html,
      createdAt: m.createdAt,
    })),
  });
}

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("admin.mailbox.intro")}>{t("admin.mailbox.title")}</PageTitle>
      {messages.length === 0 ? <EmptyNote>{t("admin.mailbox.empty")}</EmptyNote> : null}
      <ul className="space-y-4">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg bg-white p-4 shadow">
            <details>
              <summary className="cursor-pointer">
                <span className="font-semibold">{m.subject}</span>
                <span className="block text-sm text-slate-700">
                  {t("admin.mailbox.to")}: {m.to} · {new Date(m.createdAt).toLocaleString("nl-NL")}
                </span>
              </summary>
              <iframe
                title={m.subject}
                sandbox=""
                srcDoc={m.html}
                className="mt-3 h-[28rem] w-full rounded border border-slate-300 bg-white"
              />
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
