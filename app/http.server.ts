import fs from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { randomUUID } from "node:crypto";
import { beginRequestScope, endRequestScope, REQUEST_ID_HEADER } from "~/auth/request-scope.server";
import { CLIENT_IP_HEADER } from "~/domain/audit.server";

/**
 * Refuses a state-changing request whose Origin is not this host (cross-site request forgery).
 * A request without an Origin header is refused too: browsers send one on every form POST.
 */
export function sameOriginGuard(req: Request, res: Response, next: NextFunction) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const origin = req.get("origin");
  const host = req.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost !== host) {
    res.status(403).type("text/plain; charset=utf-8").send("Verzoek geweigerd: onbekende herkomst.");
    return;
  }
  next();
}

/** Sets the client address header from the socket, overwriting anything the client sent. */
export function clientIp(req: Request, _res: Response, next: NextFunction) {
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
  next();
}

/** Gives each request an id (overwriting the client's) that lives until the response closes. */
export function requestScope(req: Request, res: Response, next: NextFunction) {
  const id = randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  beginRequestScope(id);
  res.on("close", () => endRequestScope(id));
  next();
}

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
}

/**
 * The files directly in `dir` (the favicon), by the names they had at start: every other
 * request goes on to Remix without a file-system lookup first (`/build` has its own handler).
 */
export function servePublicFiles(app: Express, dir: string) {
  const files = fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => `/${e.name}`)
    : [];
  if (files.length) app.get(files, express.static(dir, { maxAge: "1h" }));
}

export function createHttpApp(build: ServerBuild, options: { mode?: string } = {}) {
  const app = express();
  app.disable("x-powered-by");
  // Remix reads the URL itself; Express need not parse every query string as well
  app.set("query parser", false);
  app.use(compression());
  app.use(securityHeaders);
  app.use(
    "/build",
    express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }),
  );
  servePublicFiles(app, path.resolve("public"));
  app.use(clientIp);
  app.use(requestScope);
  app.use(sameOriginGuard);
  app.all("*", createRequestHandler({ build, mode: options.mode ?? process.env.NODE_ENV }));
  return app;
}
