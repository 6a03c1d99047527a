import type { ReactElement } from "react";
import type { z } from "zod";
import { DigestEmail, digestSchema, digestSubject } from "./templates/digest";
import { InvitationEmail, invitationSchema, invitationSubject } from "./templates/invitation";
import {
  NotificationEmail,
  notificationSchema,
  notificationSubject,
} from "./templates/notification";
import {
  PasswordResetEmail,
  passwordResetSchema,
  passwordResetSubject,
} from "./templates/password-reset";

type TemplateDefinition<S extends z.ZodType> = {
  schema: S;
  subject: (props: z.output<S>) => string;
  component: (props: z.output<S>) => ReactElement;
  /**
   * Whether the message may wait for the recipient's daily digest. Invitations and password
   * resets carry a link that expires, so they always go out at once.
   */
  digestible: boolean;
};

function defineTemplate<S extends z.ZodType>(definition: TemplateDefinition<S>) {
  return definition;
}

/** Every email the portal sends: template name → props schema, subject and component. */
export const emailTemplates = {
  invitation: defineTemplate({
    schema: invitationSchema,
    subject: invitationSubject,
    component: InvitationEmail,
    digestible: false,
  }),
  "password-reset": defineTemplate({
    schema: passwordResetSchema,
    subject: passwordResetSubject,
    component: PasswordResetEmail,
    digestible: false,
  }),
  notification: defineTemplate({
    schema: notificationSchema,
    subject: notificationSubject,
    component: NotificationEmail,
    digestible: true,
  }),
  digest: defineTemplate({
    schema: digestSchema,
    subject: digestSubject,
    component: DigestEmail,
    digestible: false,
  }),
};

export type EmailTemplateName = keyof typeof emailTemplates;
/** What a caller passes (dates as Date or ISO string). */
export type EmailTemplateProps<N extends EmailTemplateName> = z.input<
  (typeof emailTemplates)[N]["schema"]
>;

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}
