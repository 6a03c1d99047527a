import { describe, expect, it } from "vitest";
import {
  beginRequestScope,
  endRequestScope,
  oncePerRequest,
  REQUEST_ID_HEADER,
} from "~/auth/request-scope.server";

function request(method: string, id?: string) {
  return new Request("http://localhost/x", { method, headers: id ? { [REQUEST_ID_HEADER]: id } : {} });
}

describe("once per HTTP request", () => {
  it("computes the caller's context once for all loaders of one GET request", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    beginRequestScope("r1");
    // Remix hands each loader its own Request object; the id header is what they share.
    expect(await oncePerRequest(request("GET", "r1"), "auth:t", compute)).toBe(1);
    expect(await oncePerRequest(request("GET", "r1"), "auth:t", compute)).toBe(1);
    expect(await oncePerRequest(request("GET", "r1"), "auth:other", compute)).toBe(2);
    endRequestScope("r1");
    // After the response the scope is gone: nothing is kept across requests.
    expect(await oncePerRequest(request("GET", "r1"), "auth:t", compute)).toBe(3);
  });

  it("never shares between requests, and never for an action's request", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    beginRequestScope("a");
    beginRequestScope("b");
    await oncePerRequest(request("GET", "a"), "auth:t", compute);
    await oncePerRequest(request("GET", "b"), "auth:t", compute);
    expect(calls).toBe(2);
    await oncePerRequest(request("POST", "a"), "auth:t", compute);
    await oncePerRequest(request("POST", "a"), "auth:t", compute);
    expect(calls).toBe(4);
    // An id the server did not hand out (a client's invention) is not a scope.
    await oncePerRequest(request("GET", "made-up"), "auth:t", compute);
    await oncePerRequest(request("GET", "made-up"), "auth:t", compute);
    expect(calls).toBe(6);
    endRequestScope("a");
    endRequestScope("b");
  });
});
