import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { NextStepText, ReleaseCell } from "~/components/candidate-intake";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import type { NextStep } from "~/domain/candidates/caseload.server";
import { listCaseload } from "~/domain/candidates/caseload.server";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("candidates.coach.caseloadTitle")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-caseload");
  return json(await listCaseload(getDb(), context, requestOrigin(request)));
}

type Row = {
  id: string;
  firstName: string;
  lastName: string;
  status: string;
  releaseDate: string | null;
  releaseSoon: boolean;
  next: NextStep;
  coachName?: string | null;
};

function CaseloadTable({ rows, showCoach }: { rows: Row[]; showCoach: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-2 pr-3">{t("candidates.list.name")}</th>
            <th scope="col" className="py-2 pr-3">{t("candidates.list.status")}</th>
            <th scope="col" className="py-2 pr-3">{t("candidates.list.release")}</th>
            {showCoach ? <th scope="col" className="py-2 pr-3">{t("candidates.list.coach")}</th> : null}
            <th scope="col" className="py-2">{t("candidates.list.next")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} className="border-b align-top">
              <td className="py-2 pr-3 font-semibold">
                <Link to={`/coach/kandidaten/${c.id}`} className="text-brand-700 underline">
                  {c.firstName} {c.lastName}
                </Link>
              </td>
              <td className="py-2 pr-3">{t(`candidate.status.${c.status}` as MessageKey)}</td>
              <td className="py-2 pr-3">
                <ReleaseCell releaseDate={c.releaseDate} soon={c.releaseSoon} />
              </td>
              {showCoach ? <td className="py-2 pr-3">{c.coachName ?? ""}</td> : null}
              <td className="py-2">
                <NextStepText next={c.next} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Caseload() {
  const { own, colleagues } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("candidates.coach.caseloadIntro")}>{t("candidates.coach.caseloadTitle")}</PageTitle>
      <Section id="own" title={t("candidates.coach.own", { count: own.length })}>
        {own.length === 0 ? <EmptyNote>{t("candidates.coach.ownEmpty")}</EmptyNote> : <CaseloadTable rows={own} showCoach={false} />}
      </Section>
      {colleagues.length > 0 ? (
        <Section id="colleagues" title={t("candidates.coach.colleagues", { count: colleagues.length })}>
          <p className="mb-2 text-sm text-slate-700">{t("candidates.coach.colleaguesHelp")}</p>
          <CaseloadTable rows={colleagues} showCoach />
        </Section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
