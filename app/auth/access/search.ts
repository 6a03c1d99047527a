import type { RouteAccess } from "../route-access";

// Route declarations of this area; merged into the one matrix in route-access.ts.
export const searchRoutes: Record<string, RouteAccess> = {};
