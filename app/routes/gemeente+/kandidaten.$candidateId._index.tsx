import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { ConditionBadge, Facts } from "~/components/candidate-intake";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { requestOrigin } from "~/domain/audit.server";
import { readMunicipalityCandidate } from "~/domain/candidates/caseload.server";
import { t, type MessageKey } from "~/i18n";
import { dayLabel } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${t("candidates.gemeente.detailTitle")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:candidates:own-municipality");
  return json({ candidate: await readMunicipalityCandidate(getDb(), context, params.candidateId, requestOrigin(request)) });
}

export default function MunicipalityCandidate() {
  const { candidate: c } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t(`candidate.status.${c.status}` as MessageKey)}>
        {c.firstName} {c.lastName}
      </PageTitle>
      <p className="mb-4">
        <Link to="/gemeente/kandidaten" className="text-brand-700 underline">{t("candidates.gemeente.back")}</Link>
      </p>
      <Section id="person" title={t("candidates.detail.person")}>
        <Facts
          items={[
            { label: t("candidates.field.phone"), value: c.phone ?? t("candidates.detail.unknown") },
            { label: t("candidates.field.email"), value: c.email ?? t("candidates.detail.unknown") },
            { label: t("candidates.field.releaseDate"), value: c.releaseDate ? dayLabel(c.releaseDate) : t("candidates.release.unknown") },
            { label: t("candidates.detail.prison"), value: c.prisonName ?? t("candidates.detail.unknown") },
            { label: t("candidates.field.municipality"), value: c.municipalityName },
            {
              label: t("candidates.coach.title"),
              value: c.coachName
                ? `${c.coachName} · ${c.coachingOrganisationName ?? ""}${c.coachEmail ? ` · ${c.coachEmail}` : ""}`
                : t("candidates.coach.none"),
            },
          ]}
        />
      </Section>
      <Section id="conditions" title={t("candidates.conditions.title")}>
        <ul className="space-y-2">
          {c.conditions.map((k) => (
            <li key={k.kind}>
              <ConditionBadge kind={k.kind} status={k.status} />
              {k.note ? <p className="mt-1 whitespace-pre-line text-sm">{k.note}</p> : null}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
