import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client.server";
import { vacancyStatus } from "#db/schema";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, SubmitButton } from "~/components/forms";
import { EmptyNote, PageTitle, Section } from "~/components/home";
import { SECTORS, VACANCY_KINDS } from "~/domain/vacancies/options";
import { lookupPlace, placeSuggestions } from "~/domain/vacancies/place.server";
import { browseVacancies } from "~/domain/vacancies/queries.server";
import { dayLabel } from "~/utils/dates";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("vacancy.browse.title")} · ${t("app.name")}` }];

// A filter that does not parse is ignored (it is a search form, not a change).
const Filters = z.object({
  sector: z.enum(SECTORS).optional().catch(undefined),
  soort: z.enum(VACANCY_KINDS).optional().catch(undefined),
  plaats: z.string().trim().max(100).optional().catch(undefined),
  straal: z.string().optional(),
  stap: z.enum(vacancyStatus.enumValues).optional().catch(undefined),
  pagina: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
});

const DEFAULT_RADIUS = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:vacancies:open");
  const url = new URL(request.url);
  const filters = Filters.parse(Object.fromEntries(url.searchParams));
  const radiusValue = filters.straal ? Number(filters.straal) : DEFAULT_RADIUS;
  const radiusOk = Number.isInteger(radiusValue) && radiusValue >= 1 && radiusValue <= 300;
  const radiusKm = radiusOk ? radiusValue : DEFAULT_RADIUS;
  const place = filters.plaats ? lookupPlace(filters.plaats) : null;
  const isAdmin = context.role === "platform_admin";
  const result = await browseVacancies(getDb(), { role: context.role }, {
    sector: filters.sector,
    kind: filters.soort,
    near: place?.ok ? { lat: place.place.lat, lon: place.place.lon, radiusKm } : undefined,
    status: isAdmin ? filters.stap : undefined,
    page: filters.pagina,
  });
  return json({
    ...result,
    isAdmin,
    filters: {
      sector: filters.sector ?? "",
      soort: filters.soort ?? "",
      plaats: filters.plaats ?? "",
      straal: String(radiusKm),
      stap: isAdmin ? (filters.stap ?? "") : "",
    },
    placeError: place && !place.ok ? place.message : null,
    radiusError: radiusOk ? null : t("vacancy.browse.radiusInvalid", { km: radiusKm }),
    places: placeSuggestions(),
  });
}

const inputClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

export default function BrowseVacancies() {
  const data = useLoaderData<typeof loader>();
  const pageLink = (page: number) => {
    const params = new URLSearchParams(Object.entries(data.filters).filter(([, v]) => v !== ""));
    params.set("pagina", String(page));
    return `?${params.toString()}`;
  };
  return (
    <>
      <PageTitle intro={t("vacancy.browse.intro")}>{t("vacancy.browse.title")}</PageTitle>
      <Form method="get" className="mb-6 grid gap-4 rounded-lg bg-white p-4 shadow sm:grid-cols-2 lg:grid-cols-4">
        <label className="block">
          <span className="font-medium">{t("vacancy.browse.sector")}</span>
          <select name="sector" defaultValue={data.filters.sector} className={inputClass}>
            <option value="">{t("vacancy.browse.anySector")}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>{t(`vacancy.sector.${s}` as MessageKey)}</option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="font-medium">{t("vacancy.browse.kind")}</span>
          <select name="soort" defaultValue={data.filters.soort} className={inputClass}>
            <option value="">{t("vacancy.browse.anyKind")}</option>
            {VACANCY_KINDS.map((k) => (
              <option key={k} value={k}>{t(`vacancy.kind.${k}` as MessageKey)}</option>
            ))}
          </select>
        </label>
        <div>
          <label className="block">
            <span className="font-medium">{t("vacancy.browse.place")}</span>
            <input
              name="plaats"
              defaultValue={data.filters.plaats}
              list="browse-places"
              autoComplete="off"
              aria-invalid={data.placeError ? true : undefined}
              aria-describedby={data.placeError ? "browse-place-error" : undefined}
              className={inputClass}
            />
          </label>
          <datalist id="browse-places">
            {data.places.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <ErrorList id="browse-place-error" errors={data.placeError ? [data.placeError] : undefined} />
        </div>
        <div>
          <label className="block">
            <span className="font-medium">{t("vacancy.browse.radius")}</span>
            <input name="straal" type="number" min={1} max={300} defaultValue={data.filters.straal} className={inputClass} />
          </label>
          <ErrorList errors={data.radiusError ? [data.radiusError] : undefined} />
        </div>
        {data.isAdmin ? (
          <label className="block">
            <span className="font-medium">{t("vacancy.browse.status")}</span>
            <select name="stap" defaultValue={data.filters.stap} className={inputClass}>
              <option value="">{t("vacancy.browse.anyStatus")}</option>
              {vacancyStatus.enumValues.map((s) => (
                <option key={s} value={s}>{t(`vacancy.status.${s}` as MessageKey)}</option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
          <SubmitButton>{t("vacancy.browse.submit")}</SubmitButton>
          <Link to="/vacatures" className="text-brand-700 underline">{t("vacancy.browse.reset")}</Link>
        </div>
      </Form>

      <Section id="results" title={data.total === 1 ? t("vacancy.browse.countOne") : t("vacancy.browse.count", { count: data.total })}>
        {data.vacancies.length === 0 ? (
          <EmptyNote>{t("vacancy.browse.none")}</EmptyNote>
        ) : (
          <ul className="divide-y divide-slate-200">
            {data.vacancies.map((v) => (
              <li key={v.id} className="py-3">
                <Link to={v.id} className="text-lg font-semibold text-brand-700 underline">{v.title}</Link>
                <p className="text-slate-800">
                  {v.organisationName} · {v.placeName}
                  {v.distanceKm !== null ? ` (${t("vacancy.browse.distance", { km: v.distanceKm })})` : ""}
                </p>
                <p className="text-sm text-slate-700">
                  {t(`vacancy.sector.${v.sector}` as MessageKey)} · {t(`vacancy.kind.${v.kind}` as MessageKey)} ·{" "}
                  {t("vacancy.detail.hours", { min: v.hoursMin, max: v.hoursMax })} ·{" "}
                  {v.startDate ? dayLabel(v.startDate) : t("vacancy.detail.startAsap")}
                  {data.isAdmin ? ` · ${t(`vacancy.status.${v.status}` as MessageKey)}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
        {data.pages > 1 ? (
          <nav aria-label={t("vacancy.browse.page", { page: data.page, pages: data.pages })} className="mt-4 flex items-center gap-4">
            {data.page > 1 ? <Link to={pageLink(data.page - 1)} className="text-brand-700 underline">{t("vacancy.browse.previous")}</Link> : null}
            <span>{t("vacancy.browse.page", { page: data.page, pages: data.pages })}</span>
            {data.page < data.pages ? <Link to={pageLink(data.page + 1)} className="text-brand-700 underline">{t("vacancy.browse.next")}</Link> : null}
          </nav>
        ) : null}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
