import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";

// The server process (server.js) reaches start-up and the HTTP layer through this module.
export { boot } from "./boot.server";
export { createHttpApp } from "./http.server";

/*
 * A page is rendered to one string and sent whole. The app has no Suspense boundaries (no
 * deferred data), so a streamed render could send nothing before the whole page is ready
 * anyway; rendering to a string skips encoding the page piece by piece into a stream and
 * answers the employer search page under load with less CPU and a lower p95 (see
 * docs/benchmarks.md). An error while rendering throws here, and Remix renders the error
 * boundary instead. Should a route ever stream deferred data, this goes back to
 * renderToPipeableStream.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const html = renderToString(<RemixServer context={remixContext} url={request.url} />);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Responses thrown on purpose (403, 404, redirects), a URL that matches no route (a 404 the
  // router reports with a status), and aborted requests are not errors of the app.
  if (request.signal.aborted || error instanceof Response) return;
  if (typeof error === "object" && error !== null && "status" in error && "internal" in error) return;
  console.error(error);
}
