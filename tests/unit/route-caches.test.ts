import fs from "node:fs";
import { createRequire } from "node:module";
import { readConfig } from "@remix-run/dev/dist/config.js";
import type * as Router from "@remix-run/router";
import type * as ReactRouterDomServer from "react-router-dom/server";
import { beforeAll, describe, expect, it } from "vitest";

/*
 * The server matches every request against the app's route tree three times and builds its
 * route objects for every render. `patches/` makes React Router and Remix keep that work per
 * route tree (see docs/decisions/005-route-caches.md). These tests hold the patched code to what
 * it replaces: the same matches as a fresh tree, and a tree changed in place is matched as it
 * is now, never as it was.
 */

// Loaded the way the server build loads them (Node's resolution: the CommonJS files).
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof Router;
const reactRouterDomServer = require("react-router-dom/server") as typeof ReactRouterDomServer;

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type ConfigRoute = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; parentId?: string };

let configRoutes: ConfigRoute[] = [];
let samplePaths: string[] = [];

/** The app's route tree as Remix builds it from the route config (fresh objects every call). */
function appTree(): Route[] {
  const build = (parentId: string | undefined): Route[] =>
    configRoutes
      .filter((r) => r.parentId === parentId)
      .map((r) => {
        const children = build(r.id);
        return {
          id: r.id,
          path: r.path,
          index: r.index,
          caseSensitive: r.caseSensitive,
          ...(children.length ? { children } : {}),
        };
      });
  return [{ id: "root", path: "", children: build("root") }];
}

function fullPath(id: string): string {
  const route = configRoutes.find((r) => r.id === id)!;
  const parent = route.parentId && route.parentId !== "root" ? fullPath(route.parentId) : "";
  return [parent, route.path ?? ""].filter(Boolean).join("/");
}

function matchTree(tree: Route[], pathname: string) {
  return router.matchRoutes(tree as Router.AgnosticRouteObject[], pathname);
}

function summary(matches: ReturnType<typeof router.matchRoutes>) {
  return matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname })) ?? null;
}

beforeAll(async () => {
  const config = await readConfig(process.cwd());
  configRoutes = Object.values(config.routes).map((r) => ({
    id: r.id,
    path: r.path,
    index: r.index,
    caseSensitive: r.caseSensitive,
    parentId: r.parentId,
  }));
  // One concrete URL per route (parameters filled in), plus URLs that match nothing and
  // variants in case and trailing slashes.
  const concrete = configRoutes.map((r) => `/${fullPath(r.id)}`.replace(/:(\w+)\??/g, "x-$1").replace(/\*$/, "a/b"));
  samplePaths = [
    ...concrete,
    ...concrete.map((p) => p.toUpperCase()),
    ...concrete.map((p) => `${p}/`),
    "/",
    "/bestaat-niet",
    "/werkgever/zoeken/extra/deel",
  ];
});

describe("route matching with kept branches", () => {
  it("matches every URL of the app exactly as a fresh route tree does, however often it is asked", () => {
    expect(configRoutes.length).toBeGreaterThan(50);
    const kept = appTree();
    for (let round = 0; round < 3; round++) {
      for (const pathname of samplePaths) {
        expect(summary(matchTree(kept, pathname)), pathname).toEqual(summary(matchTree(appTree(), pathname)));
      }
    }
  });

  it("sees a route added, moved or removed in place on the next match", () => {
    const tree = appTree();
    const root = tree[0]!;
    expect(matchTree(tree, "/nieuw/pad")?.at(-1)?.route.id).toBe(undefined);

    root.children!.push({ id: "nieuw", path: "nieuw/pad" });
    expect(matchTree(tree, "/nieuw/pad")?.at(-1)?.route.id).toBe("nieuw");

    const added = root.children!.at(-1)!;
    added.path = "anders";
    expect(matchTree(tree, "/nieuw/pad")).toBeNull();
    expect(matchTree(tree, "/anders")?.at(-1)?.route.id).toBe("nieuw");

    added.children = [{ id: "kind", path: "kind" }];
    expect(matchTree(tree, "/anders/kind")?.at(-1)?.route.id).toBe("kind");
    added.children.push({ id: "tweede", path: "tweede" });
    expect(matchTree(tree, "/anders/tweede")?.at(-1)?.route.id).toBe("tweede");

    root.children!.pop();
    expect(matchTree(tree, "/anders")).toBeNull();
  });

  it("routes patched in by a router during navigation are matched (fog of war)", async () => {
    const history = router.createMemoryHistory({ initialEntries: ["/"] });
    const patched = router.createRouter({
      history,
      routes: [{ id: "root", path: "/", children: [{ id: "home", index: true }] }],
      patchRoutesOnNavigation: ({ path, patch }) => {
        if (path === "/later") patch("root", [{ id: "later", path: "later" }]);
      },
    });
    patched.initialize();
    expect(patched.state.matches.at(-1)?.route.id).toBe("home");
    await patched.navigate("/later");
    expect(patched.state.location.pathname).toBe("/later");
    expect(patched.state.matches.at(-1)?.route.id).toBe("later");
    expect(router.matchRoutes(patched.routes, "/later")?.at(-1)?.route.id).toBe("later");
    patched.dispose();
  });

  it("matches paths with parameters, optional segments and splats like an uncompiled pattern", () => {
    const cases: Array<[string, string]> = [
      ["/kandidaten/:id", "/kandidaten/abc"],
      ["/kandidaten/:id?", "/kandidaten"],
      ["/bestanden/*", "/bestanden/a/b"],
      ["/Hoofdletters", "/hoofdletters"],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [pattern, pathname] of cases) {
        expect(router.matchPath(pattern, pathname)?.params).toEqual(
          router.matchPath({ path: pattern, caseSensitive: false, end: true }, pathname)?.params,
        );
        expect(router.matchPath({ path: pattern, caseSensitive: true, end: true }, pathname)?.params ?? null).toEqual(
          pattern === "/Hoofdletters" ? null : router.matchPath(pattern, pathname)!.params,
        );
      }
      expect(router.matchPath({ path: "/kandidaten", end: false }, "/kandidaten/abc")?.pathname).toBe("/kandidaten");
      expect(router.matchPath({ path: "/kandidaten", end: true }, "/kandidaten/abc")).toBeNull();
    }
  });
});

describe("static router with kept data routes", () => {
  function staticContext(tree: Route[], pathname: string) {
    const matches = matchTree(tree, pathname)!;
    return {
      basename: "",
      location: router.createPath({ pathname }) as never,
      matches,
      loaderData: {},
      actionData: null,
      errors: null,
      statusCode: 200,
      loaderHeaders: {},
      actionHeaders: {},
      activeDeferreds: null,
      _deepestRenderedBoundaryId: null,
    } as unknown as Parameters<typeof reactRouterDomServer.createStaticRouter>[1];
  }

  it("reuses the data routes of an unchanged tree and rebuilds them after a change", () => {
    const tree = appTree();
    const first = reactRouterDomServer.createStaticRouter(tree as never, staticContext(tree, "/"));
    const second = reactRouterDomServer.createStaticRouter(tree as never, staticContext(tree, "/"));
    expect(second.routes).toBe(first.routes);
    expect(second.state.matches[0]!.route).toBe(first.routes[0]);

    tree[0]!.children!.push({ id: "nieuw", path: "nieuw" });
    const third = reactRouterDomServer.createStaticRouter(tree as never, staticContext(tree, "/nieuw"));
    expect(third.routes).not.toBe(first.routes);
    expect(third.state.matches.at(-1)!.route.id).toBe("nieuw");
    expect(third.state.matches.at(-1)!.route).toBe(third.routes[0]!.children!.at(-1));
  });
});

describe("the patches are installed", () => {
  it("npm install applied patches/ to the modules the server loads", () => {
    const files = [
      require.resolve("@remix-run/router"),
      require.resolve("react-router-dom/server"),
      require.resolve("@remix-run/react/dist/server.js"),
    ];
    for (const file of files) {
      expect(fs.readFileSync(file, "utf8"), `${file}: run npm install (postinstall applies patches/)`).toContain(
        "Patched (werkbrug, patches/)",
      );
    }
  });
});
