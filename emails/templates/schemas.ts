import { z } from "zod";

/**
 * A date in template props. Callers pass a Date; the outbox stores JSON, so at send time the
 * same field comes back as an ISO string. Both parse to a Date.
 */
export const emailDate = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((value) => new Date(value));

/** Links in emails are absolute http(s) URLs: mail programs cannot resolve a path. */
export const emailLink = z.url({ protocol: /^https?$/ });

export const personName = z.string().trim().min(1).max(200);
