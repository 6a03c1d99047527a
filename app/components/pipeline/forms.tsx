import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";
import { FormError } from "~/components/forms";
import type { PipelineReply } from "~/domain/pipeline/http.server";
import { catalogues, t, type MessageKey } from "~/i18n";

/*
 * The forms of the pipeline pages. Each page has several small forms; each carries a hidden
 * `intent` (and `target` when one page has several forms with the same intent, e.g. one per
 * check-in). The server answers a refusal with { intent, target, result } and the form that sent
 * it shows the message; success redirects with ?gedaan=… (Post/Redirect/Get), so everything works
 * without JavaScript. With JavaScript the pressed button says it is busy and ignores a second click.
 */

type Errors = Record<string, string[] | null | undefined> | null | undefined;

/** A refusal because the case changed meanwhile (or may not be touched): the form may be gone. */
const pageLevel = (status: number | undefined) => status === 409 || status === 403;

/** The errors of the last answer, when it belongs to this form. */
export function useIntentErrors(intent: string, target = "") {
  const reply = useActionData<PipelineReply>();
  const mine = reply && reply.intent === intent && (reply.target ?? "") === target;
  const errors: Errors = mine ? (reply.result.error as Errors) : undefined;
  return {
    // Page-level refusals are shown once, at the top (DoneNotice), not in the form.
    form: pageLevel(reply?.status) ? undefined : (errors?.[""] ?? undefined),
    field: (name: string) => errors?.[name] ?? undefined,
  };
}

export function IntentForm({
  intent,
  target = "",
  fields = {},
  children,
  className,
  id,
}: {
  intent: string;
  target?: string;
  fields?: Record<string, string | number | null | undefined>;
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  const { form } = useIntentErrors(intent, target);
  return (
    <Form method="post" className={className} id={id} data-intent={intent}>
      <input type="hidden" name="intent" value={intent} />
      {target ? <input type="hidden" name="target" value={target} /> : null}
      {Object.entries(fields).map(([name, value]) =>
        value === null || value === undefined ? null : (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ),
      )}
      <FormError errors={form} />
      {children}
    </Form>
  );
}

const primary =
  "inline-flex items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 aria-disabled:opacity-70";
const secondary =
  "inline-flex items-center rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 focus:outline-none focus:ring-2 focus:ring-brand-600 aria-disabled:opacity-70";
const danger =
  "inline-flex items-center rounded-md border border-red-700 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-red-600 aria-disabled:opacity-70";

/** A submit button that is busy (and ignores clicks) while its own form is on its way. */
export function IntentButton({
  intent,
  target = "",
  name,
  value,
  variant = "primary",
  children,
}: {
  intent: string;
  target?: string;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary" | "danger";
  children: ReactNode;
}) {
  const navigation = useNavigation();
  const data = navigation.formData;
  const pending =
    navigation.state !== "idle" &&
    data?.get("intent") === intent &&
    String(data.get("target") ?? "") === target &&
    (name === undefined || data.get(name) === value);
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault();
  };
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-disabled={pending}
      onClick={onClick}
      className={variant === "primary" ? primary : variant === "danger" ? danger : secondary}
    >
      {pending ? t("form.sending") : children}
    </button>
  );
}

export function CheckboxField({
  id,
  name,
  label,
  errors,
  required,
}: {
  id: string;
  name: string;
  label: ReactNode;
  errors?: string[];
  required?: boolean;
}) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="flex items-start gap-3">
        <input
          id={id}
          name={name}
          type="checkbox"
          required={required}
          aria-invalid={errors?.length ? true : undefined}
          className="mt-1 h-5 w-5 shrink-0 rounded border-slate-400 text-brand-700 focus:ring-brand-600"
        />
        <span>{label}</span>
      </label>
      {errors?.length ? (
        <ul className="mt-1 space-y-1 text-sm text-red-700">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The top of every pipeline page: a refusal because the case changed meanwhile (409) or may not
 * be touched (403) — the page shows the current state below it —, or "saved" and the like after
 * a redirect with ?gedaan=… (unknown values show nothing).
 */
export function DoneNotice() {
  const [params] = useSearchParams();
  const reply = useActionData<PipelineReply>();
  if (reply && pageLevel(reply.status)) {
    return <FormError errors={(reply.result.error as Errors)?.[""] ?? undefined} />;
  }
  const what = params.get("gedaan");
  const key = `pipeline.page.done.${what}`;
  if (!what || reply || !(key in catalogues.nl)) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
      {t(key as MessageKey)}
    </p>
  );
}

/** A titled block of a form inside a section (a step the caller can take). */
export function StepBox({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-4 rounded-md border border-slate-200 p-4">
      <h3 className="mb-2 font-semibold">{title}</h3>
      {children}
    </div>
  );
}
