import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getAuthContext, homeOf } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("app.name")} · ${t("app.tagline")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await getAuthContext(request);
  if (context) throw redirect(homeOf(context));
  return json({});
}

export default function Landing() {
  return (
    <section aria-labelledby="landing-title" className="mx-auto max-w-2xl py-8">
      <h1 id="landing-title" className="text-3xl font-bold">
        {t("landing.title")}
      </h1>
      <p className="mt-4 text-lg">{t("landing.intro")}</p>
      <ul className="mt-6 list-disc space-y-2 pl-6">
        <li>{t("landing.point.anonymous")}</li>
        <li>{t("landing.point.coach")}</li>
        <li>{t("landing.point.aftercare")}</li>
      </ul>
      <div className="mt-8 flex flex-wrap gap-4">
        <Link to="/login" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("nav.login")}
        </Link>
        <Link to="/aanmelden-werkgever" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50">
          {t("auth.login.employerRegister")}
        </Link>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
