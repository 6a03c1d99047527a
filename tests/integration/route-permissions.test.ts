import path from "node:path";
import { readConfig } from "@remix-run/dev/dist/config.js";
import { beforeAll, describe, expect, it } from "vitest";
import { resolvePermissions, type Role } from "~/auth/permissions";
import { routeAccess, type RouteAccess } from "~/auth/route-access";
import { useTestDatabase } from "#tests/support/db";
import { type Caller, callers, createRoleWorld } from "#tests/support/roles";

/*
 * Every route of the app is declared in the permission matrix (app/auth/route-access.ts), and
 * every caller gets what its declaration says: allowed, 403, or a redirect to the login page.
 */

const t = useTestDatabase();
let cookies: Record<Caller, string | null>;

type RouteEntry = { id: string; file: string; path: string };
let routes: RouteEntry[] = [];

beforeAll(async () => {
  const world = await createRoleWorld(t.db);
  cookies = world.cookies;
  const config = await readConfig(process.cwd());
  const byId = config.routes;
  const fullPath = (id: string): string => {
    const route = byId[id]!;
    const own = route.path ?? "";
    const parent = route.parentId && route.parentId !== "root" ? fullPath(route.parentId) : "";
    return [parent, own].filter(Boolean).join("/");
  };
  routes = Object.values(byId).map((r) => ({
    id: r.id,
    file: path.join(config.appDirectory, r.file),
    path: `/${fullPath(r.id)}`,
  }));
  routes.push({ id: "root", file: path.join(config.appDirectory, "root.tsx"), path: "/" });
  // Signing out ends the caller's session, so it goes last.
  routes.sort((a, b) => Number(a.id.endsWith("/logout")) - Number(b.id.endsWith("/logout")));
});

function roleOf(caller: Caller): { role: Role; verification: "verified" | "unverified" | null } | null {
  if (caller === "anonymous") return null;
  if (caller === "employer_unverified") return { role: "employer", verification: "unverified" };
  if (caller === "employer") return { role: "employer", verification: "verified" };
  return { role: caller, verification: caller === "candidate" ? null : "verified" };
}

type Outcome = "allowed" | "forbidden" | "login" | "home";

function expected(access: RouteAccess, caller: Caller, method: "GET" | "POST"): Outcome {
  const subject = roleOf(caller);
  switch (access.access) {
    case "public":
      return "allowed";
    case "anonymous":
      return subject ? "home" : "allowed";
    case "user":
      return subject ? "allowed" : "login";
    case "permission": {
      if (!subject) return "login";
      const permission = method === "POST" ? (access.action ?? access.permission) : access.permission;
      const granted = resolvePermissions({
        role: subject.role,
        // createRoleWorld makes only the employers their organisation's admin.
        isOrgAdmin: caller === "employer" || caller === "employer_unverified",
        organisationVerification: subject.verification,
      });
      return granted.has(permission) ? "allowed" : "forbidden";
    }
  }
}

function fillParams(routePath: string) {
  const params: Record<string, string> = {};
  const url = routePath.replace(/:(\w+)\??/g, (_m, name: string) => {
    params[name] = name.toLowerCase().includes("token") ? "a".repeat(32) : crypto.randomUUID();
    return params[name]!;
  });
  return { url: url.replace(/\/\*$/, "/x"), params };
}

async function call(route: RouteEntry, caller: Caller, method: "GET" | "POST"): Promise<Outcome | "none"> {
  const mod = (await import(/* @vite-ignore */ route.file)) as {
    loader?: (args: unknown) => Promise<Response>;
    action?: (args: unknown) => Promise<Response>;
  };
  const fn = method === "GET" ? mod.loader : mod.action;
  if (!fn) return "none";
  const { url, params } = fillParams(route.path);
  const headers = new Headers({ origin: "http://localhost" });
  const cookie = cookies[caller];
  if (cookie) headers.set("cookie", cookie);
  const request = new Request(`http://localhost${url}`, {
    method,
    headers,
    body: method === "POST" ? new FormData() : undefined,
  });
  let response: Response;
  try {
    response = await fn({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) response = thrown;
    else throw thrown;
  }
  if (!(response instanceof Response)) return "allowed";
  if (response.status === 403) return "forbidden";
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400 && location) {
    return location.startsWith("/login") ? "login" : caller === "anonymous" ? "allowed" : "home";
  }
  return "allowed";
}

describe("route permission matrix", () => {
  it("declares every route of the app", () => {
    const undeclared = routes.map((r) => r.id).filter((id) => !(id in routeAccess));
    expect(undeclared).toEqual([]);
    const stale = Object.keys(routeAccess).filter((id) => !routes.some((r) => r.id === id));
    expect(stale).toEqual([]);
  });

  it("gives every caller the declared outcome on every page and form", async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const access = routeAccess[route.id];
      if (!access) continue;
      for (const caller of callers) {
        for (const method of ["GET", "POST"] as const) {
          const actual = await call(route, caller, method);
          if (actual === "none") continue;
          const want = expected(access, caller, method);
          // An allowed caller may still be redirected on (e.g. a page that only forwards).
          if (want === "allowed" && actual === "home") continue;
          // Logout is public but always ends at the login page.
          if (route.id === "routes/_auth+/logout" && actual === "login") continue;
          if (actual !== want) {
            mismatches.push(`${method} ${route.path} (${route.id}) as ${caller}: expected ${want}, got ${actual}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
