import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PublicProfileView } from "~/components/public-profile";
import { requestOrigin } from "~/domain/audit.server";
import { publishedProfileByCode } from "~/domain/candidates/profile.server";
import { countProfileRequest, recordProfileView } from "~/domain/candidates/profile-views.server";
import { isPublicCode } from "~/domain/candidates/public-code";
import { t } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("profile.view.title", { code: data.profile.code }) : t("error.title")} · ${t("app.name")}` },
];

// Verified employers see a published profile by its public code: only the projection leaves
// the server, and every request counts towards the account's view limit.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:profiles:public");
  const db = getDb();
  const attempt = await countProfileRequest(db, context, requestOrigin(request));
  if (!attempt.allowed) throw new Response(t("profile.employer.rateLimited"), { status: 429 });
  const code = (params.code ?? "").toUpperCase();
  const found = isPublicCode(code) ? await publishedProfileByCode(db, code) : null;
  if (!found) throw new Response("Not Found", { status: 404 });
  await recordProfileView(db, context, found.candidateId);
  return json({ profile: found.profile });
}

export default function EmployerProfilePage() {
  const { profile } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="sr-only">{t("profile.view.title", { code: profile.code })}</h1>
      <PublicProfileView profile={profile} />
      <p className="mt-4">
        <Link
          to={`/werkgever/voorstellen/nieuw?code=${profile.code}`}
          className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("pipeline.page.request.link")}
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
