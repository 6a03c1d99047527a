import { flatRoutes } from "remix-flat-routes";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  tailwind: true,
  postcss: true,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: the browser loads the whole route manifest once (a hashed, cached file) instead of the
    // server working out a partial manifest for every page it renders. Measured on the employer
    // search page: about 1 ms less server CPU per request (docs/benchmarks.md).
    v3_lazyRouteDiscovery: false,
  },
  watchPaths: ["./db", "./search", "./emails"],
  routes: async (defineRoutes) =>
    flatRoutes("routes", defineRoutes, {
      ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}", "**/__*.*"],
    }),
};
