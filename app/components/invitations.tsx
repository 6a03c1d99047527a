import {
  getFormProps,
  getInputProps,
  getSelectProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { z } from "zod";
import type { MembershipRole } from "#db/schema";
import { Field, FormError, SelectField, SubmitButton } from "~/components/forms";
import { Section } from "~/components/home";
import { emailField } from "~/domain/new-password";
import { type MessageKey, t } from "~/i18n";

/*
 * The invite form and the list of open invitations, shared by the platform admin's page
 * (any organisation) and an organisation admin's page (their own organisation only).
 */

const membershipRoles = [
  "platform_admin",
  "prison_staff",
  "coach",
  "municipality_coordinator",
  "employer_owner",
  "employer_recruiter",
] as const satisfies readonly MembershipRole[];

export const InviteSchema = z.object({
  intent: z.literal("invite"),
  email: emailField,
  organisationId: z.uuid({ error: t("invite.form.organisationRequired") }),
  // Any role parses; whether it fits the organisation is the server's decision (400 otherwise).
  role: z.enum(membershipRoles, { error: t("invite.form.roleRequired") }),
  isOrgAdmin: z.boolean().optional(),
});
export const RevokeSchema = z.object({ intent: z.literal("revoke"), invitationId: z.uuid() });
export const InvitationActionSchema = z.discriminatedUnion("intent", [InviteSchema, RevokeSchema]);

export type InvitationRow = {
  id: string;
  email: string;
  role: string | null;
  isOrgAdmin: boolean;
  expiresAt: string;
  organisationName: string;
  inviterName: string | null;
};

export function InviteForm({
  lastResult,
  organisations,
  roles,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  /** One organisation: a hidden field; several: a choice. */
  organisations: { id: string; name: string }[];
  roles: readonly string[];
}) {
  const [form, fields] = useForm({
    id: "invite",
    lastResult,
    constraint: getZodConstraint(InviteSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  const single = organisations.length === 1 ? organisations[0] : undefined;
  return (
    <Form method="post" {...getFormProps(form)} className="rounded-lg bg-white p-6 shadow">
      <FormError id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="invite" />
      <Field
        label={t("invite.email.label")}
        inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off" }}
        errors={fields.email.errors}
        errorId={fields.email.errorId}
      />
      {single ? (
        <input type="hidden" name="organisationId" value={single.id} />
      ) : (
        <SelectField
          label={t("invite.form.organisation")}
          selectProps={getSelectProps(fields.organisationId)}
          options={[
            { value: "", label: "—" },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          errors={fields.organisationId.errors}
          errorId={fields.organisationId.errorId}
        />
      )}
      <SelectField
        label={t("invite.form.role")}
        selectProps={getSelectProps(fields.role)}
        options={[
          ...(roles.length > 1 ? [{ value: "", label: "—" }] : []),
          ...roles.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) })),
        ]}
        errors={fields.role.errors}
        errorId={fields.role.errorId}
      />
      <div className="mb-4 flex items-start gap-2">
        <input
          {...getInputProps(fields.isOrgAdmin, { type: "checkbox" })}
          className="mt-1 h-4 w-4"
        />
        <label htmlFor={fields.isOrgAdmin.id}>{t("invite.form.isOrgAdmin")}</label>
      </div>
      <SubmitButton name="intent" value="invite" pendingText={t("invite.form.pending")}>
        {t("invite.form.submit")}
      </SubmitButton>
    </Form>
  );
}

export function OpenInvitations({
  rows,
  showOrganisation,
}: {
  rows: InvitationRow[];
  showOrganisation: boolean;
}) {
  return (
    <Section id="open-invitations" title={t("invite.list.title")}>
      {rows.length === 0 ? (
        <p className="text-slate-700">{t("invite.list.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2 pr-3">
                  {t("invite.list.email")}
                </th>
                {showOrganisation ? (
                  <th scope="col" className="py-2 pr-3">
                    {t("invite.list.organisation")}
                  </th>
                ) : null}
                <th scope="col" className="py-2 pr-3">
                  {t("invite.list.role")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("invite.list.invitedBy")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("invite.list.expires")}
                </th>
                <th scope="col" className="py-2">
                  {t("invite.list.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b align-top">
                  <td className="py-2 pr-3 break-all">{r.email}</td>
                  {showOrganisation ? <td className="py-2 pr-3">{r.organisationName}</td> : null}
                  <td className="py-2 pr-3">{r.role ? t(`role.${r.role}` as MessageKey) : "—"}</td>
                  <td className="py-2 pr-3">{r.inviterName ?? t("invite.list.selfRegistered")}</td>
                  <td className="py-2 pr-3">
                    <time dateTime={r.expiresAt}>
                      {new Date(r.expiresAt).toLocaleString("nl-NL", {
                        timeZone: "Europe/Amsterdam",
                      })}
                    </time>
                  </td>
                  <td className="py-2">
                    <Form method="post">
                      <input type="hidden" name="invitationId" value={r.id} />
                      <SubmitButton
                        name="intent"
                        value="revoke"
                        className="rounded-md border border-red-700 px-2 py-1 text-red-800 hover:bg-red-50"
                      >
                        <span aria-hidden="true">{t("invite.list.revoke")}</span>
                        <span className="sr-only">
                          {t("invite.list.revokeLabel", { email: r.email })}
                        </span>
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
