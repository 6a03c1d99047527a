import type { DatabaseKind } from "#db/client.server";

/** What the running process uses; set once by boot(), read by /healthz and the console. */
export type RuntimeInfo = {
  database: DatabaseKind;
  search: "embedded" | "meilisearch";
  email: "resend" | "dev-mailbox";
};

const key = "__werkbrugRuntime" as const;
type G = typeof globalThis & { [key]?: RuntimeInfo };

export function setRuntimeInfo(info: RuntimeInfo) {
  (globalThis as G)[key] = info;
}

export function getRuntimeInfo(): RuntimeInfo | null {
  return (globalThis as G)[key] ?? null;
}
