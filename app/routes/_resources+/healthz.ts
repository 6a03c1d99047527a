import { json } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { getDatabaseHandle } from "#db/client.server";
import { getRuntimeInfo } from "~/runtime.server";

export async function loader() {
  const info = getRuntimeInfo();
  const handle = getDatabaseHandle();
  let ok = true;
  try {
    await handle.db.execute(sql`select 1`);
  } catch {
    ok = false;
  }
  return json(
    { ok, database: handle.kind, search: info?.search ?? null, email: info?.email ?? null },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
