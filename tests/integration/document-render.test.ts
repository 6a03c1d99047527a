import { createRequestHandler, json, type ServerBuild } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, useLoaderData, useRouteError, isRouteErrorResponse } from "@remix-run/react";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import * as entry from "~/entry.server";

/*
 * The server's document render (app/entry.server.tsx) on a small app of its own: the whole page
 * in one response with its doctype and type, the status a loader chose, and an error while
 * rendering answered by the error boundary with a 500, never a broken or half-sent page.
 */

function Root() {
  return h("html", { lang: "nl" }, h("head", null, h(Meta), h(Links)), h("body", null, h(Outlet), h(Scripts)));
}

function RootErrorBoundary() {
  const error = useRouteError();
  const text = isRouteErrorResponse(error) ? `Fout ${error.status}` : "Er ging iets mis";
  return h("html", { lang: "nl" }, h("head", null), h("body", null, h("h1", null, text), h(Scripts)));
}

function ListPage() {
  const { items } = useLoaderData<{ items: string[] }>();
  return h("main", null, h("h1", null, "Lijst"), h("ul", null, items.map((item) => h("li", { key: item }, item))));
}

function Broken(): never {
  throw new Error("kapot tijdens het tekenen");
}

const modules = {
  root: { default: Root, ErrorBoundary: RootErrorBoundary },
  "routes/lijst": {
    default: ListPage,
    loader: () => json({ items: Array.from({ length: 3000 }, (_, i) => `regel ${i} met ë & <tekens>`) }),
  },
  "routes/weg": {
    default: ListPage,
    loader: () => {
      throw new Response("Niet gevonden", { status: 404 });
    },
  },
  "routes/kapot": { default: Broken },
} as const;

const paths: Record<string, string> = { "routes/lijst": "lijst", "routes/weg": "weg", "routes/kapot": "kapot" };

function build(): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  const assets: ServerBuild["assets"]["routes"] = {};
  for (const [id, module] of Object.entries(modules)) {
    const base = { id, parentId: id === "root" ? undefined : "root", path: id === "root" ? "" : paths[id] };
    routes[id] = { ...base, module: module as never };
    assets[id] = {
      ...base,
      module: `/build/${id}.js`,
      imports: [],
      hasAction: false,
      hasLoader: "loader" in module,
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: "ErrorBoundary" in module,
    };
  }
  return {
    mode: "production",
    entry: { module: entry as never },
    routes,
    assets: { entry: { module: "/build/entry.client.js", imports: [] }, routes: assets, url: "/build/manifest.js", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true } as ServerBuild["future"],
    isSpaMode: false,
  };
}

const handler = createRequestHandler(build(), "production");
const get = (path: string) => handler(new Request(`http://localhost${path}`, { headers: { "user-agent": "vitest" } }));

describe("document render", () => {
  it("sends the whole page at once: doctype, HTML type, every line escaped", async () => {
    const response = await get("/lijst");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html.startsWith("<!DOCTYPE html><html lang=\"nl\">")).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    expect(html.match(/<li>/g)).toHaveLength(3000);
    expect(html).toContain("<li>regel 2999 met ë &amp; &lt;tekens&gt;</li>");
    // The loader data travels with the page for the browser, escaped for a script tag.
    expect(html).toContain("window.__remixContext");
    expect(html).not.toContain("<tekens>");
  });

  it("keeps the status a loader threw and shows the error boundary", async () => {
    const response = await get("/weg");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("<h1>Fout 404</h1>");
  });

  it("answers an error while rendering with the error boundary and a 500", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await get("/kapot");
      expect(response.status).toBe(500);
      const html = await response.text();
      expect(html).toContain("<h1>Er ging iets mis</h1>");
      expect(html).not.toContain("kapot tijdens het tekenen");
    } finally {
      console.error = original;
    }
    expect(errors.length).toBeGreaterThan(0);
  });

  it("answers a URL that matches nothing with 404", async () => {
    const response = await get("/bestaat-niet");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("<h1>Fout 404</h1>");
  });
});
