import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import type { ChangeEvent, ReactNode } from "react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyNote, PageTitle } from "~/components/home";
import { activeOrganisation } from "~/domain/home.server";
import { runEmployerSearch, type EmployerHit } from "~/domain/search/employer-search.server";
import { ExplanationList, Notices, Pagination, kmLabel } from "~/domain/search/ui";
import { DISTANCE_OPTIONS, parseEmployerSearch, searchHref, type EmployerSearchState } from "~/domain/search/url-state";
import { LICENCES, SECTORS } from "~/domain/vacancies/options";
import { t, type MessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("search.employer.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requirePermission(request, "read:profiles:public");
  const organisation = activeOrganisation(context);
  const state = parseEmployerSearch(new URL(request.url).searchParams);
  const result = await runEmployerSearch(getDb(), organisation.id, state);
  return json({ state, ...result });
}

const HOURS_OPTIONS = [8, 16, 24, 32, 36, 40];
const sectorLabel = (s: string) => t(`search.sector.${s}` as MessageKey);

export default function EmployerSearch() {
  const data = useLoaderData<typeof loader>();
  const state = data.state as EmployerSearchState;
  const submit = useSubmit();
  // Filters apply at once when JavaScript runs; without it the submit button does the same.
  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    // Typing is not a change of filter: words and places apply on Enter or the button.
    if (event.target instanceof HTMLInputElement && ["text", "search"].includes(event.target.type)) return;
    submit(event.currentTarget);
  };
  const countOf = (list: { value: string; count: number }[] | undefined, value: string) =>
    list?.find((x) => x.value.toLowerCase() === value.toLowerCase())?.count;
  const certificates = [
    ...new Set([...state.certificaat, ...(data.facets?.certificates.map((c) => c.value) ?? [])]),
  ];
  const licences = LICENCES.filter((l) => state.rijbewijs.includes(l) || !data.facets || countOf(data.facets.licences, l));
  const months = data.facets?.months ?? [];
  return (
    <>
      <PageTitle intro={t("search.employer.intro")}>{t("search.employer.title")}</PageTitle>
      <Notices notices={data.notices} />
      {data.placeSuggestions.length ? (
        <p className="mb-4">
          {t("search.employer.origin.didYouMean")}{" "}
          {data.placeSuggestions.map((name, i) => (
            <span key={name}>
              {i > 0 ? ", " : ""}
              <Link className="text-brand-700 underline" to={searchHref(state, { plaats: name })}>
                {name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <Form
          method="get"
          key={searchHref(state, { pagina: state.pagina })}
          onChange={onChange}
          aria-label={t("search.employer.form")}
          className="space-y-4 rounded-lg bg-white p-4 shadow"
        >
          <div>
            <label htmlFor="q" className="block font-medium">
              {t("search.employer.q")}
            </label>
            <p id="q-help" className="text-sm text-slate-700">
              {t("search.employer.qHelp")}
            </p>
            <input id="q" name="q" type="search" defaultValue={state.q ?? ""} aria-describedby="q-help" className={input} />
          </div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("search.employer.submit")}
          </button>
          <Checks legend={t("search.employer.sector")} name="sector" values={state.sector}
            options={SECTORS.map((s) => ({ value: s, label: sectorLabel(s), count: countOf(data.facets?.sectors, s) }))} />
          <fieldset>
            <legend className="font-medium">{t("search.employer.distance")}</legend>
            <Select id="vacature" label={t("search.employer.fromVacancy")} value={state.vacature ?? ""}
              options={[{ value: "", label: t("search.employer.fromVacancyNone") },
                ...data.vacancies.map((v) => ({ value: v.id, label: `${v.title} (${v.placeName})` }))]} />
            <label htmlFor="plaats" className="mt-2 block">{t("search.employer.fromPlace")}</label>
            <p id="plaats-help" className="text-sm text-slate-700">{t("search.employer.fromPlaceHelp")}</p>
            <input id="plaats" name="plaats" type="text" defaultValue={state.plaats ?? ""} aria-describedby="plaats-help" className={input} />
            <Select id="km" label={t("search.employer.km")} value={state.km ? String(state.km) : ""}
              options={[{ value: "", label: t("search.employer.kmDefault") },
                ...DISTANCE_OPTIONS.map((km) => ({ value: String(km), label: t("search.employer.kmOption", { km }) }))]} />
          </fieldset>
          <Select id="sorteer" label={t("search.employer.sort")} value={state.sorteer}
            options={(["relevantie", "afstand"] as const).map((s) => ({ value: s, label: t(`search.employer.sort.${s}`) }))} />
          <Select id="uren" label={t("search.employer.hours")} value={state.uren ? String(state.uren) : ""}
            options={[{ value: "", label: t("search.employer.any") },
              ...HOURS_OPTIONS.map((h) => ({ value: String(h), label: t("search.employer.hoursOption", { hours: h }) }))]} />
          <Select id="beschikbaar" label={t("search.employer.available")} value={state.beschikbaar ?? ""}
            options={[{ value: "", label: t("search.employer.any") },
              ...(state.beschikbaar && !months.some((m) => m.value === state.beschikbaar) ? [{ value: state.beschikbaar, label: state.beschikbaar }] : []),
              ...months.map((m) => ({ value: m.value, label: `${m.label} (${m.count})` }))]} />
          <Checks legend={t("search.employer.licences")} name="rijbewijs" values={state.rijbewijs}
            options={licences.map((l) => ({ value: l, label: l, count: countOf(data.facets?.licences, l) }))} />
          <Checks legend={t("search.employer.certificates")} name="certificaat" values={state.certificaat}
            options={certificates.map((c) => ({ value: c, label: c, count: countOf(data.facets?.certificates, c) }))}
            empty={t("search.employer.certificatesNone")} />
          <label className="flex items-start gap-2">
            <input type="checkbox" name="detentie" value="1" defaultChecked={state.detentie} className="mt-1" />
            <span>
              {t("search.employer.detention")}
              {data.facets ? ` (${data.facets.detention})` : ""}
            </span>
          </label>
          <p>
            <Link to="/werkgever/zoeken" className="text-brand-700 underline">{t("search.employer.reset")}</Link>
          </p>
        </Form>
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="text-lg font-semibold" aria-live="polite">
            {data.total === 1 ? t("search.employer.count.one") : t("search.employer.count.other", { count: data.total })}
          </h2>
          {data.origin ? (
            <p className="text-sm text-slate-700">{t("search.employer.originShown", { origin: data.origin.label, km: data.origin.km })}</p>
          ) : null}
          {data.hits.length === 0 ? (
            <div className="mt-4">
              <EmptyNote>{data.total > 0 ? t("search.employer.pageEmpty") : t("search.employer.none")}</EmptyNote>
              {data.total > 0 ? <Link className="text-brand-700 underline" to={searchHref(state)}>{t("search.employer.firstPage")}</Link> : null}
            </div>
          ) : (
            <ol className="mt-4 space-y-4">
              {data.hits.map((hit) => <HitCard key={hit.code} hit={hit} />)}
            </ol>
          )}
          <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => searchHref(state, { pagina: p })} />
          {data.vacancies.length ? (
            <section aria-labelledby="suggestions-title" className="mt-8 rounded-lg bg-white p-4 shadow">
              <h2 id="suggestions-title" className="text-lg font-semibold">{t("search.employer.yourVacancies")}</h2>
              <ul className="mt-2 list-disc pl-5">
                {data.vacancies.map((v) => (
                  <li key={v.id}>
                    <Link className="text-brand-700 underline" to={`/werkgever/suggesties/${v.id}`}>
                      {t("search.employer.suggestionsFor", { title: v.title, place: v.placeName })}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </section>
      </div>
    </>
  );
}

const input =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600";

function Select({ id, label, value, options }: { id: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      <select id={id} name={id} defaultValue={value} className={input}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

function Checks({ legend, name, values, options, empty }: {
  legend: string;
  name: string;
  values: readonly string[];
  options: { value: string; label: string; count?: number }[];
  empty?: ReactNode;
}) {
  return (
    <fieldset>
      <legend className="font-medium">{legend}</legend>
      {options.length === 0 && empty ? <p className="text-sm text-slate-700">{empty}</p> : null}
      <ul className="mt-1 space-y-1">
        {options.map((o) => (
          <li key={o.value}>
            <label className="flex items-center gap-2">
              <input type="checkbox" name={name} value={o.value} defaultChecked={values.includes(o.value)} />
              <span>
                {o.label}
                {o.count !== undefined ? <span className="text-slate-700"> ({o.count})</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function HitCard({ hit }: { hit: EmployerHit }) {
  return (
    <li className="rounded-lg bg-white p-4 shadow" data-testid="search-hit">
      <article aria-labelledby={`hit-${hit.code}`}>
        <h3 id={`hit-${hit.code}`} className="text-lg font-semibold">
          <Link to={`/werkgever/profielen/${hit.code}`} className="text-brand-700 underline">
            {t("search.hit.title", { code: hit.code })}
          </Link>
        </h3>
        <p className="mt-1">{hit.headline}</p>
        <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-700">{t("search.hit.region")}</dt>
            <dd className="font-medium">{hit.region || "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("search.hit.available")}</dt>
            <dd className="font-medium">{hit.availableLabel}</dd>
          </div>
          {hit.distanceKm !== null ? (
            <div>
              <dt className="text-slate-700">{t("search.hit.distance")}</dt>
              <dd className="font-medium">{kmLabel(hit.distanceKm)}</dd>
            </div>
          ) : null}
        </dl>
        <ExplanationList items={hit.explanation} label={t("search.hit.why")} />
      </article>
    </li>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
