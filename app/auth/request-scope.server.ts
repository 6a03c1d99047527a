/*
 * One HTTP request runs several loaders (the root's and the page's), and each asks who the caller
 * is. The HTTP layer gives every GET request an id (overwriting any the client sent) and ends it
 * when the response closes; within that id the caller's context is computed once. Requests
 * without an id (tests calling a loader, non-GET requests) always compute afresh, so a change
 * made by an action is seen by the loaders after it.
 */
export const REQUEST_ID_HEADER = "x-werkbrug-request-id";

const scopes = new Map<string, Map<string, Promise<unknown>>>();

export function beginRequestScope(id: string) {
  scopes.set(id, new Map());
}

export function endRequestScope(id: string) {
  scopes.delete(id);
}

/** `compute()` once per HTTP GET request and key; afresh everywhere else. */
export function oncePerRequest<T>(request: Request, key: string, compute: () => Promise<T>): Promise<T> {
  const id = request.method === "GET" ? request.headers.get(REQUEST_ID_HEADER) : null;
  const scope = id ? scopes.get(id) : undefined;
  if (!scope) return compute();
  let value = scope.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    scope.set(key, value);
  }
  return value;
}
