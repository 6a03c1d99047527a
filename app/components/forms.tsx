import { useNavigation } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { t } from "~/i18n";

type Errors = string[] | undefined;

export function ErrorList({ id, errors }: { id?: string; errors?: Errors }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-1 text-sm text-red-700">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:border-red-700";

/** A labelled input; pass Conform's getInputProps(...) as inputProps (it ties errors to the field). */
export function Field({
  label,
  inputProps,
  errors,
  errorId,
  help,
}: {
  label: ReactNode;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
  errors?: Errors;
  errorId?: string;
  help?: ReactNode;
}) {
  const helpId = help ? `${inputProps.id}-help` : undefined;
  const describedBy = [inputProps["aria-describedby"], helpId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={inputProps.id} className="block font-medium text-slate-900">
        {label}
      </label>
      {help ? (
        <p id={helpId} className="text-sm text-slate-700">
          {help}
        </p>
      ) : null}
      <input {...inputProps} aria-describedby={describedBy} className={inputClass} />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function TextareaField({
  label,
  textareaProps,
  errors,
  errorId,
  help,
}: {
  label: ReactNode;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
  errors?: Errors;
  errorId?: string;
  help?: ReactNode;
}) {
  const helpId = help ? `${textareaProps.id}-help` : undefined;
  const describedBy =
    [textareaProps["aria-describedby"], helpId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={textareaProps.id} className="block font-medium text-slate-900">
        {label}
      </label>
      {help ? (
        <p id={helpId} className="text-sm text-slate-700">
          {help}
        </p>
      ) : null}
      <textarea {...textareaProps} aria-describedby={describedBy} className={inputClass} rows={textareaProps.rows ?? 4} />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  selectProps,
  options,
  errors,
  errorId,
}: {
  label: ReactNode;
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string };
  options: { value: string; label: string }[];
  errors?: Errors;
  errorId?: string;
}) {
  return (
    <div className="mb-4">
      <label htmlFor={selectProps.id} className="block font-medium text-slate-900">
        {label}
      </label>
      <select {...selectProps} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/** A submit button that says it is busy while its form is being sent. */
export function SubmitButton({
  children,
  pendingText = t("form.sending"),
  name,
  value,
  className,
}: {
  children: ReactNode;
  pendingText?: string;
  name?: string;
  value?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    (name === undefined || navigation.formData?.get(name) === value);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-disabled={pending}
      className={
        className ??
        "inline-flex items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 aria-disabled:opacity-70"
      }
    >
      {pending ? pendingText : children}
    </button>
  );
}

export function FormError({ id, errors }: { id?: string; errors?: Errors }) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="mb-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-800">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}
