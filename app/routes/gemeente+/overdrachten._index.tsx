import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { shortMomentLabel } from "~/components/pipeline/format";
import { listHandovers } from "~/domain/pipeline/handovers.server";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.handovers.title")} · ${t("app.name")}` }];

/** Municipality coordinator: handovers to their municipality, open ones first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "accept:handovers");
  const rows = await listHandovers(getDb(), context);
  // The list shows no summaries: those are read on the handover's own page.
  return json({
    handovers: rows.map(({ summary: _summary, ...h }) => h),
  });
}

export default function Handovers() {
  const { handovers } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("pipeline.page.handovers.intro")}>{t("pipeline.page.handovers.title")}</PageTitle>
      <Section id="handovers" title={t("pipeline.page.handovers.list")}>
        {handovers.length === 0 ? (
          <EmptyNote>{t("pipeline.page.handovers.empty")}</EmptyNote>
        ) : (
          <ul className="divide-y divide-slate-200">
            {handovers.map((h) => (
              <li key={h.id} className="py-3" data-testid="handover-row">
                <Link to={`/gemeente/overdrachten/${h.id}`} className="font-semibold text-brand-700 underline">
                  {t("pipeline.page.handovers.item", { code: h.publicCode })}
                </Link>
                <p className="text-sm text-slate-700">
                  {t(`pipeline.handover.status.${h.status}` as MessageKey)} · {shortMomentLabel(h.createdAt)}
                  {h.handedOverBy ? ` · ${t("pipeline.page.handovers.by", { name: h.handedOverBy })}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
