import { describe, expect, it } from "vitest";
import { productionNodeFlags } from "./run";

describe("the bench starts the server as production does", () => {
  it("uses the Node flags of package.json's start:prod", () => {
    expect(productionNodeFlags()).toEqual(["--max-old-space-size=1024"]);
    const pkg = (script: string) => JSON.stringify({ scripts: { "start:prod": script } });
    expect(productionNodeFlags(pkg("NODE_ENV=production node ./server.js"))).toEqual([]);
    expect(productionNodeFlags(pkg("NODE_ENV=production node --a=1 --b server.js"))).toEqual(["--a=1", "--b"]);
  });

  it("refuses a start:prod it cannot read, instead of measuring another server", () => {
    expect(() => productionNodeFlags(JSON.stringify({ scripts: { "start:prod": "pm2 start app" } }))).toThrow(/start:prod/);
    expect(() => productionNodeFlags("{}")).toThrow(/start:prod/);
  });
});
