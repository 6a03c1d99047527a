import { Link } from "@remix-run/react";
import { t } from "~/i18n";
import type { ExplanationKind, ExplanationView } from "./explanation";

/*
 * The small pieces every search and match page shares: the explanation list of a hit, the
 * notices (engine down, unknown place), and page links. Colour is never the only signal: each
 * line starts with a symbol and a screen-reader label.
 */

/** "3,9 km" under 10 km, "17 km" from there (as the explanation says it). */
export function kmLabel(km: number): string {
  return t("search.distance", { km: km < 10 ? km.toFixed(1).replace(".", ",") : String(Math.round(km)) });
}

const symbol: Record<ExplanationKind, string> = { meets: "✓", missing: "✗", info: "•", hidden: "🔒" };
const tone: Record<ExplanationKind, string> = {
  meets: "text-green-800",
  missing: "text-red-800",
  info: "text-slate-800",
  hidden: "text-indigo-900",
};

export function ExplanationList({ items, label }: { items: ExplanationView[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <div className="mt-2">
      <p className="text-sm font-semibold">{label}</p>
      <ul className="mt-1 space-y-1 text-sm" data-testid="explanation">
        {items.map((item, i) => (
          <li key={i} className={`flex gap-2 ${tone[item.kind]}`} data-kind={item.kind}>
            <span aria-hidden="true" className="w-4 shrink-0 text-center">
              {symbol[item.kind]}
            </span>
            <span>
              <span className="sr-only">{t(`search.explain.kind.${item.kind}`)} </span>
              {item.text}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notices({ notices }: { notices: { tone: "warning" | "info"; text: string }[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="mb-4 space-y-2">
      {notices.map((n) => (
        <p
          key={n.text}
          role={n.tone === "warning" ? "alert" : "status"}
          className={`rounded-md border p-3 ${n.tone === "warning" ? "border-amber-600 bg-amber-50" : "border-slate-300 bg-slate-50"}`}
        >
          {n.text}
        </p>
      ))}
    </div>
  );
}

export function FallbackNotice({ show }: { show: boolean }) {
  return show ? <Notices notices={[{ tone: "warning", text: t("search.fallback.notice") }]} /> : null;
}

export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("search.pagination.label")} className="mt-4 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className="rounded border border-brand-700 px-3 py-1 text-brand-800">
          {t("search.pagination.prev")}
        </Link>
      ) : null}
      <span aria-current="page">{t("search.pagination.page", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className="rounded border border-brand-700 px-3 py-1 text-brand-800">
          {t("search.pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
