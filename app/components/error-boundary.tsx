import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { t } from "~/i18n";

/** One error page for every route: 400, 403 and 404 get their own plain message. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  let message = t("error.unexpected");
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (error.status === 404) message = t("error.notFound");
    else if (error.status === 403) message = t("error.forbidden");
    else if (error.status === 400) message = t("error.badRequest");
    else if (error.status === 429) message = typeof error.data === "string" && error.data !== "Too Many Requests" ? error.data : t("error.tooMany");
  } else if (typeof document === "undefined") {
    // Server render of an unexpected error: keep it in the log, not on the page.
    console.error(error);
  }
  return (
    <section className="mx-auto max-w-xl py-12" aria-labelledby="error-title">
      <h1 id="error-title" className="text-2xl font-bold">
        {t("error.title")}
      </h1>
      <p className="mt-4">{message}</p>
      <p className="mt-1 text-sm text-slate-700">
        {t("error.code", { status })}
      </p>
      <p className="mt-6">
        <Link to="/" className="font-semibold text-brand-700 underline">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}

/** Throw this from a loader when a row is missing or not the caller's to see. */
export function invariantResponse(
  condition: unknown,
  message = "Not Found",
  init: ResponseInit = { status: 404 },
): asserts condition {
  if (!condition) throw new Response(message, init);
}
