import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { t, type MessageKey } from "~/i18n";

export type HomeOrganisation = {
  membershipId: string;
  name: string;
  kind: string;
  role: string;
  active: boolean;
};

export function PageTitle({ children, intro }: { children: ReactNode; intro?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-bold">{children}</h1>
      {intro ? <p className="mt-2 text-slate-700">{intro}</p> : null}
    </div>
  );
}

/** The organisations a user belongs to, with the active one marked and a switch link. */
export function OrganisationsCard({ organisations }: { organisations: HomeOrganisation[] }) {
  if (organisations.length === 0) return null;
  return (
    <section aria-labelledby="orgs-title" className="mb-6 rounded-lg bg-white p-4 shadow">
      <h2 id="orgs-title" className="text-lg font-semibold">
        {organisations.length > 1 ? t("home.organisations") : t("home.organisation")}
      </h2>
      <ul className="mt-2 space-y-1">
        {organisations.map((o) => (
          <li key={o.membershipId}>
            <span className={o.active ? "font-semibold" : ""}>{o.name}</span>{" "}
            <span className="text-sm text-slate-700">
              ({t(`orgkind.${o.kind}` as MessageKey)} · {t(`role.${o.role}` as MessageKey)})
              {o.active && organisations.length > 1 ? ` · ${t("home.activeOrganisation")}` : ""}
            </span>
          </li>
        ))}
      </ul>
      {organisations.length > 1 ? (
        <p className="mt-3">
          <Link to="/account" className="text-brand-700 underline">
            {t("nav.switchOrganisation")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6 rounded-lg bg-white p-4 shadow">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

export function StatList({ items }: { items: { label: string; value: number | string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((i) => (
        <div key={i.label} className="rounded-md border border-slate-200 p-3">
          <dt className="text-sm text-slate-700">{i.label}</dt>
          <dd className="text-2xl font-bold">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="text-slate-700">{children}</p>;
}
