import { t } from "~/i18n";

/*
 * No phone numbers or email addresses in a proposal's thread before the candidate consented
 * to disclose their identity to the employer (issue 6). Pure and client-safe: the message form
 * can warn while typing, and postMessage masks on the server whatever the browser did.
 * Deliberately generous: a masked order number is a small price for a leaked phone number.
 */

const SEP = String.raw`[\s.\-/()]*`;

/** A Dutch number: 0 and nine more digits in any grouping ("06-1234 5678", "(020) 123 45 67"). */
const dutchPhone = new RegExp(String.raw`(?<![\d+])\(?0(?:${SEP}\d){9}(?!\d)`, "g");
/** An international number: +31 / 0031 and 6–12 more digits ("+31 (0)6 12345678"). */
const internationalPhone = new RegExp(
  String.raw`(?<![\d+])(?:\+|00)\s?\d{1,3}(?:${SEP}\d){6,12}(?!\d)`,
  "g",
);

const plainEmail = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const AT = String.raw`(?:\s*(?:\(at\)|\[at\]|\{at\}|\(@\)|\[@\])\s*|\s(?:at|apenstaartje)\s)`;
const DOT = String.raw`(?:\s*(?:\.|\(punt\)|\[punt\]|\(dot\)|\[dot\])\s*|\s(?:punt|dot)\s)`;
/** "jan (at) voorbeeld punt nl", "jan [at] voorbeeld.nl". */
const spelledEmail = new RegExp(
  String.raw`[A-Za-z0-9._%+-]+${AT}[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)*${DOT}(?:nl|be|com|org|net|eu|info|de|frl)\b`,
  "gi",
);

export type MaskResult = {
  /** The text with every phone number and email address replaced by a placeholder. */
  text: string;
  /** Whether anything was replaced. */
  masked: boolean;
  phones: number;
  emails: number;
};

/** Finds phone numbers and email addresses in `text` and replaces them with a placeholder. */
export function maskContactDetails(text: string): MaskResult {
  let emails = 0;
  let phones = 0;
  const emailMark = t("pipeline.message.maskedEmail");
  const phoneMark = t("pipeline.message.maskedPhone");
  let out = text.replace(plainEmail, () => (emails++, emailMark));
  out = out.replace(spelledEmail, () => (emails++, emailMark));
  out = out.replace(internationalPhone, () => (phones++, phoneMark));
  out = out.replace(dutchPhone, () => (phones++, phoneMark));
  return { text: out, masked: emails + phones > 0, phones, emails };
}

/** Does the text hold contact details (for a warning next to the message field)? */
export function hasContactDetails(text: string): boolean {
  return maskContactDetails(text).masked;
}
