import { getFormProps, getInputProps, useForm, type DefaultValue, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";
import type { z } from "zod";
import { FormError } from "~/components/forms";
import type { PipelineReply } from "~/domain/pipeline/http.server";
import { catalogues, t, type MessageKey } from "~/i18n";

/*
 * The forms of the pipeline pages. Each page has several small forms; each carries a hidden
 * `intent` (and `target` when one page has several forms with the same intent, e.g. one per
 * check-in). The server answers a refusal with { intent, target, result } and the form that sent
 * it shows the message; success redirects with ?gedaan=… (Post/Redirect/Get), so everything works
 * without JavaScript. With JavaScript the pressed button says it is busy and ignores a second click.
 *
 * A form with fields uses `useIntentForm` (Conform's useForm): the same zod schema as the server
 * checks on blur in the browser, and the server's answer to *this* form (its intent and target)
 * is its `lastResult`, so after a refusal without JavaScript the fields show what was typed
 * (`initialValue` of the reply) next to the errors. Hidden fields (intent, target, ids,
 * expectedVersion) are rendered by IntentForm from the loader, never from the reply.
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

/** The id of the form of an intent (and target): unique on the page. */
export const intentFormId = (intent: string, target = "") => (target ? `${intent}-${target}` : intent);

/**
 * Conform's useForm for one pipeline form: client validation on blur with the server's schema,
 * and the last answer of the server when it was for this form (errors and the submitted values).
 * `defaultValue` is what the fields show before anything was submitted.
 */
export function useIntentForm<S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>({
  intent,
  target = "",
  schema,
  defaultValue,
}: {
  intent: string;
  target?: string;
  schema: S;
  defaultValue?: DefaultValue<z.input<S>>;
}) {
  const reply = useActionData<PipelineReply>();
  const mine = reply && reply.intent === intent && (reply.target ?? "") === target;
  return useForm<z.input<S>, z.output<S>, string[]>({
    id: intentFormId(intent, target),
    lastResult: mine ? reply.result : undefined,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

export function IntentForm({
  intent,
  target = "",
  fields = {},
  children,
  className,
  id,
  form: conform,
}: {
  intent: string;
  target?: string;
  fields?: Record<string, string | number | null | undefined>;
  children: ReactNode;
  className?: string;
  id?: string;
  /** The form of useIntentForm: its id, client validation and aria attributes. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form?: FormMetadata<any, string[]>;
}) {
  const { form, field } = useIntentErrors(intent, target);
  const props = conform ? getFormProps(conform) : { id };
  // A hidden field has no place to show its error: it is shown with the form's own errors.
  const hidden = Object.keys(fields).flatMap((name) => (conform ? conform.allErrors[name] : field(name)) ?? []);
  const formErrors = [...(form ?? []), ...hidden];
  return (
    <Form method="post" className={className} {...props} data-intent={intent}>
      <input type="hidden" name="intent" value={intent} />
      {target ? <input type="hidden" name="target" value={target} /> : null}
      {Object.entries(fields).map(([name, value]) =>
        value === null || value === undefined ? null : (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ),
      )}
      <FormError errors={formErrors.length ? formErrors : undefined} />
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
  field,
}: {
  id?: string;
  name?: string;
  label: ReactNode;
  errors?: string[];
  required?: boolean;
  /** Bound to a useIntentForm field: name, id, errors and whether it was ticked before a refusal. */
  field?: FieldMetadata<unknown, Record<string, unknown>, string[]>;
}) {
  const bound = field ? getInputProps(field, { type: "checkbox" }) : { id: id!, name, type: "checkbox" as const };
  const shown = field ? field.errors : errors;
  return (
    <div className="mb-4">
      <label htmlFor={bound.id} className="flex items-start gap-3">
        <input
          {...bound}
          required={required}
          aria-invalid={shown?.length ? true : undefined}
          className="mt-1 h-5 w-5 shrink-0 rounded border-slate-400 text-brand-700 focus:ring-brand-600"
        />
        <span>{label}</span>
      </label>
      {shown?.length ? (
        <ul id={field?.errorId} className="mt-1 space-y-1 text-sm text-red-700">
          {shown.map((e) => (
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
