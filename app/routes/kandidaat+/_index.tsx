import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { candidates, organisations, users } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageTitle, Section } from "~/components/home";
import { t, type MessageKey } from "~/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:profile:own");
  if (!context.candidateId) throw new Response("Not Found", { status: 404 });
  const db = getDb();
  const [me] = await db
    .select({
      status: candidates.status,
      coachName: users.name,
      coachEmail: users.email,
      coachingOrganisation: organisations.name,
    })
    .from(candidates)
    .leftJoin(users, eq(users.id, candidates.coachUserId))
    .leftJoin(organisations, eq(organisations.id, candidates.coachingOrganisationId))
    .where(eq(candidates.id, context.candidateId));
  if (!me) throw new Response("Not Found", { status: 404 });
  return json({ name: context.user.name, me });
}

export default function CandidateHome() {
  const { name, me } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle intro={t("home.kandidaat.intro")}>{t("home.kandidaat.title", { name })}</PageTitle>
      <Section id="status" title={t("home.kandidaat.where")}>
        <p>{t(`candidate.explain.${me.status}` as MessageKey)}</p>
      </Section>
      <Section id="coach" title={t("home.kandidaat.coach")}>
        {me.coachName ? (
          <p>
            {t("home.kandidaat.coachIs", { name: me.coachName })}
            {me.coachingOrganisation ? ` (${me.coachingOrganisation})` : ""}.{" "}
            {me.coachEmail ? (
              <a className="text-brand-700 underline" href={`mailto:${me.coachEmail}`}>
                {me.coachEmail}
              </a>
            ) : null}
          </p>
        ) : (
          <p>{t("home.kandidaat.noCoach")}</p>
        )}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
