import type { ReactNode } from "react";
import type { PublicProfile } from "~/domain/candidates/public-profile";
import { catalogues, t, type MessageKey } from "~/i18n";
import { monthLabel } from "~/utils/dates";

/*
 * The anonymised profile as an employer sees it. The employer's page, the candidate's own
 * preview, the coach's preview and the approver all render this one component from the one
 * projection (`toPublicProfile`), so "what the candidate confirms" is "what the employer sees".
 * Every value is rendered as text; nothing is ever injected as markup.
 */

function label(prefix: string, value: string) {
  const key = `${prefix}.${value}`;
  return key in catalogues.nl ? t(key as MessageKey) : value;
}

const month = (m: string) => monthLabel(`${m}-01`);

function Item({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-medium text-slate-700">{title}</dt>
      <dd className="mt-1 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

function Tags({ items }: { items: ReactNode[] }) {
  if (items.length === 0) return <span className="text-slate-600">{t("profile.view.none")}</span>;
  return (
    <ul className="flex flex-wrap gap-2">
      {items.map((item, i) => (
        <li key={i} className="rounded-full border border-slate-300 bg-slate-50 px-3 py-0.5 text-sm">
          {item}
        </li>
      ))}
    </ul>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className="mb-2 whitespace-pre-line">
            {p}
          </p>
        ))}
    </>
  );
}

export function PublicProfileView({ profile }: { profile: PublicProfile }) {
  const a = profile.availability;
  return (
    <article aria-labelledby="public-profile-title" className="rounded-lg bg-white p-5 shadow" data-testid="public-profile">
      <p className="font-mono text-sm text-slate-700">{t("profile.view.title", { code: profile.code })}</p>
      <h2 id="public-profile-title" className="mt-1 text-xl font-bold">
        {profile.headline || t("profile.view.noHeadline")}
      </h2>
      <p className="mt-2 text-sm text-slate-700">{t("profile.view.anonymous")}</p>

      {profile.summary ? (
        <section className="mt-4" aria-labelledby="pp-about">
          <h3 id="pp-about" className="font-semibold">
            {t("profile.view.about")}
          </h3>
          <Paragraphs text={profile.summary} />
        </section>
      ) : null}
      {profile.motivation ? (
        <section className="mt-4" aria-labelledby="pp-motivation">
          <h3 id="pp-motivation" className="font-semibold">
            {t("profile.view.motivation")}
          </h3>
          <blockquote className="border-l-4 border-brand-600 pl-3 italic">
            <Paragraphs text={profile.motivation} />
          </blockquote>
        </section>
      ) : null}

      <dl className="mt-4 divide-y divide-slate-200">
        {profile.occupations.length ? (
          <Item title={t("profile.view.looksFor")}>
            <Tags items={profile.occupations} />
          </Item>
        ) : null}
        <Item title={t("profile.view.sectors")}>
          <Tags items={profile.sectors.map((s) => label("profile.sector", s))} />
        </Item>
        <Item title={t("profile.view.experience")}>
          {profile.experience.length === 0 ? (
            <span className="text-slate-600">{t("profile.view.none")}</span>
          ) : (
            <ul className="space-y-1">
              {profile.experience.map((e, i) => (
                <li key={i}>
                  <span className="font-medium">{e.title}</span>
                  {" · "}
                  {label("profile.sector", e.sector)}
                  {" · "}
                  {e.months === 1 ? t("profile.view.oneMonth") : t("profile.view.months", { months: e.months })}
                  {e.duringDetention ? (
                    <span className="ml-2 rounded bg-slate-100 px-2 text-sm">{t("profile.view.duringDetention")}</span>
                  ) : null}
                  {e.verified ? (
                    <span className="ml-2 rounded bg-green-100 px-2 text-sm text-green-900">✓ {t("profile.view.verified")}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Item>
        <Item title={t("profile.view.skills")}>
          <Tags items={profile.skills} />
        </Item>
        <Item title={t("profile.view.certificates")}>
          <Tags
            items={profile.certificates.map((c) => (
              <>
                {c.title}
                {c.verified ? <span className="ml-1 text-green-900">✓ {t("profile.view.verified")}</span> : null}
              </>
            ))}
          />
        </Item>
        <Item title={t("profile.view.licences")}>
          <Tags items={profile.licences} />
        </Item>
        <Item title={t("profile.view.languages")}>
          <Tags items={profile.languages.map((l) => `${l.language} (${label("profile.level", l.level)})`)} />
        </Item>
        <Item title={t("profile.view.education")}>
          {profile.educationLevel ? label("profile.education", profile.educationLevel) : t("profile.view.none")}
        </Item>
        <Item title={t("profile.view.hours")}>
          {profile.hours ? t("profile.view.hoursRange", { min: profile.hours.min, max: profile.hours.max }) : t("profile.view.none")}
        </Item>
        <Item title={t("profile.view.shifts")}>
          <Tags items={profile.shifts.map((s) => label("profile.shift", s))} />
        </Item>
        <Item title={t("profile.view.region")}>{profile.region ?? t("profile.view.none")}</Item>
        <Item title={t("profile.view.travel")}>
          {profile.travelKm !== null ? t("profile.view.travelKm", { km: profile.travelKm }) : t("profile.view.none")}
        </Item>
        <Item title={t("profile.view.transport")}>
          <Tags items={profile.transport.map((s) => label("profile.transport", s))} />
        </Item>
        <Item title={t("profile.view.availability")}>
          {!a.duringDetentionFrom && !a.afterReleaseFrom ? (
            t("profile.view.none")
          ) : (
            <ul>
              {a.duringDetentionFrom ? (
                <li>{t("profile.view.availableDuringDetention", { month: month(a.duringDetentionFrom) })}</li>
              ) : null}
              {a.afterReleaseFrom ? <li>{t("profile.view.availableAfterRelease", { month: month(a.afterReleaseFrom) })}</li> : null}
            </ul>
          )}
        </Item>
        <Item title={t("profile.view.coaching")}>
          {profile.coachingOrganisation
            ? t("profile.view.coachedBy", { organisation: profile.coachingOrganisation })
            : t("profile.view.coachedByUnknown")}
        </Item>
      </dl>
    </article>
  );
}
