import type { RouteAccess } from "../route-access";

// Route declarations of this area; merged into the one matrix in route-access.ts.
// Every by-id route also scopes the candidate to the caller (404 for anyone else's).
export const candidatesIntakeRoutes: Record<string, RouteAccess> = {
  // Prison staff: their own prison's candidates.
  "routes/pi+/kandidaten._index": { access: "permission", permission: "read:candidates:own-prison" },
  "routes/pi+/kandidaten.nieuw": { access: "permission", permission: "nominate:candidates" },
  "routes/pi+/kandidaten.$candidateId._index": {
    access: "permission",
    permission: "read:candidates:own-prison",
    action: "nominate:candidates",
  },
  "routes/pi+/kandidaten.$candidateId.werk": {
    access: "permission",
    permission: "confirm:detention-work",
  },
  // Coaches: own caseload (writable) and their organisation's (read-only).
  "routes/coach+/kandidaten._index": { access: "permission", permission: "read:candidates:own-caseload" },
  "routes/coach+/kandidaten.$candidateId._index": {
    access: "permission",
    permission: "read:candidates:own-caseload",
    action: "write:profiles:own-caseload",
  },
  "routes/coach+/kandidaten.$candidateId.intake": {
    access: "permission",
    permission: "read:candidates:own-caseload",
    action: "write:profiles:own-caseload",
  },
  // Municipality coordinators: candidates whose municipality of origin is theirs.
  "routes/gemeente+/kandidaten._index": {
    access: "permission",
    permission: "read:candidates:own-municipality",
  },
  "routes/gemeente+/kandidaten.$candidateId._index": {
    access: "permission",
    permission: "read:candidates:own-municipality",
  },
};
