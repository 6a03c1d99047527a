import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "~/domain/audit.server";
import { clientIp, sameOriginGuard, servePublicFiles } from "~/http.server";

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(clientIp);
  app.use(sameOriginGuard);
  app.all("*", (req, res) => {
    res.json({ ok: true, ip: req.get(CLIENT_IP_HEADER) });
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("same-origin guard on state-changing requests", () => {
  it("lets a form POST from this host through", async () => {
    const response = await fetch(`${base}/login`, { method: "POST", headers: { origin: base } });
    expect(response.status).toBe(200);
  });

  it("refuses a POST from another origin with 403", async () => {
    const response = await fetch(`${base}/logout`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/herkomst/);
  });

  it("refuses a POST without an Origin header, and a malformed one", async () => {
    expect((await fetch(`${base}/logout`, { method: "POST" })).status).toBe(403);
    expect((await fetch(`${base}/logout`, { method: "POST", headers: { origin: "null" } })).status).toBe(403);
  });

  it("treats another port on the same name as another origin", async () => {
    const response = await fetch(`${base}/logout`, {
      method: "DELETE",
      headers: { origin: "http://127.0.0.1:1" },
    });
    expect(response.status).toBe(403);
  });

  it("does not guard reads", async () => {
    const response = await fetch(`${base}/healthz`, { headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(200);
  });

  it("takes the client address from the socket, not from what the client claims", async () => {
    const response = await fetch(`${base}/`, { headers: { [CLIENT_IP_HEADER]: "6.6.6.6" } });
    const body = (await response.json()) as { ip: string };
    expect(body.ip).not.toBe("6.6.6.6");
    expect(body.ip).toMatch(/127\.0\.0\.1/);
  });
});

describe("public files", () => {
  it("serves the files of public/ by name and sends every other path on to the app", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "werkbrug-public-"));
    fs.writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
    const app = express();
    servePublicFiles(app, dir);
    app.all("*", (req, res) => res.type("text/plain").send(`app: ${req.path}`));
    // a file that appears after start is not looked up: the app answers
    fs.writeFileSync(path.join(dir, "later.txt"), "later");
    const local = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => local.once("listening", resolve));
    const at = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
    try {
      const icon = await fetch(`${at}/favicon.svg`);
      expect(icon.status).toBe(200);
      expect(await icon.text()).toBe("<svg/>");
      expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
      expect(await (await fetch(`${at}/later.txt`)).text()).toBe("app: /later.txt");
      expect(await (await fetch(`${at}/werkgever/zoeken`)).text()).toBe("app: /werkgever/zoeken");
    } finally {
      await new Promise((resolve) => local.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
