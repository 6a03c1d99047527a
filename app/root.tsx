import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode, useEffect } from "react";
import { getAuthContext } from "~/auth/session.server";
import { navigationFor } from "~/components/navigation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { t } from "~/i18n";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: t("app.name") },
  { name: "description", content: t("app.tagline") },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuthContext(request);
  return json({
    user: auth
      ? {
          name: auth.user.name,
          role: auth.role,
          organisation: auth.organisation
            ? { name: auth.organisation.name, membershipId: auth.organisation.membershipId }
            : null,
          memberships: auth.memberships.map((m) => ({
            membershipId: m.membershipId,
            name: m.name,
            role: m.membershipRole,
          })),
          permissions: auth.permissions,
          // counted with the session lookup
          unread: auth.unreadNotifications,
        }
      : null,
  });
}

function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const nav = user ? navigationFor(user.role, user.permissions) : [];
  return (
    <html lang="nl" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col bg-slate-50 text-slate-900">
        <a
          href="#inhoud"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          {t("nav.skip")}
        </a>
        <header className="border-b border-slate-300 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link to="/" className="text-xl font-bold text-brand-700">
              {t("app.name")}
            </Link>
            {user ? (
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <Link
                  to="/meldingen"
                  className="rounded-md border border-slate-400 px-3 py-1 hover:bg-slate-100"
                  aria-label={user.unread > 0 ? t("pipeline.nav.notificationsUnread", { count: user.unread }) : t("pipeline.nav.notifications")}
                >
                  {t("pipeline.nav.notifications")}
                  {user.unread > 0 ? (
                    <span data-testid="unread-badge" className="ml-2 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-bold text-white">
                      {user.unread}
                    </span>
                  ) : null}
                </Link>
                <span>
                  <span className="font-semibold">{user.name}</span>
                  {user.organisation ? <span className="text-slate-700"> · {user.organisation.name}</span> : null}
                </span>
                <Form method="post" action="/logout">
                  <button
                    type="submit"
                    className="rounded-md border border-slate-400 px-3 py-1 hover:bg-slate-100"
                  >
                    {t("nav.logout")}
                  </button>
                </Form>
              </div>
            ) : (
              <Link to="/login" className="font-semibold text-brand-700 underline">
                {t("nav.login")}
              </Link>
            )}
          </div>
          {nav.length > 0 ? (
            <nav aria-label={t("nav.main")} className="border-t border-slate-200">
              <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-4 gap-y-1 px-4 py-2 text-sm">
                {nav.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      className={({ isActive }) =>
                        `inline-block py-1 underline-offset-4 hover:underline ${isActive ? "font-semibold text-brand-800 underline" : "text-slate-800"}`
                      }
                    >
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="inhoud" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-slate-300 bg-white">
          <p className="mx-auto max-w-5xl px-4 py-4 text-sm text-slate-700">{t("footer.privacy")}</p>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  // Marks the page as interactive; end-to-end tests wait for it before they click.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

export function ErrorBoundary() {
  return (
    <Layout>
      <GeneralErrorBoundary />
    </Layout>
  );
}
