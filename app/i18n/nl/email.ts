// Texts of the emails (emails/templates). Plain language (B1); placeholders are {name}.
export const email = {
  "email.greeting": "Beste {name},",
  "email.greetingNoName": "Hallo,",
  "email.linkFallback": "Werkt de knop niet? Kopieer dan deze link en plak hem in uw browser:",
  "email.footer": "Deze e-mail komt van Werkbrug. Werkbrug helpt mensen na detentie aan werk.",
  "email.footerNoReply": "U kunt niet antwoorden op deze e-mail.",

  "email.invitation.subject": "Uitnodiging voor Werkbrug van {organisation}",
  "email.invitation.subjectCandidate": "Uitnodiging voor uw account bij Werkbrug",
  "email.invitation.preview": "{inviter} nodigt u uit voor Werkbrug.",
  "email.invitation.heading": "U bent uitgenodigd voor Werkbrug",
  "email.invitation.intro":
    "{inviter} nodigt u uit voor Werkbrug. U werkt daar voor {organisation}, met de rol: {role}.",
  "email.invitation.introCandidate":
    "{inviter} nodigt u uit om een account te maken bij Werkbrug. Daar ziet u uw profiel, uw jobcoach en de banen die voor u klaarliggen.",
  "email.invitation.action": "Klik op de knop. Daarna kiest u zelf een wachtwoord.",
  "email.invitation.button": "Account maken",
  "email.invitation.expires": "Deze link werkt maar één keer. Hij is geldig tot {expiresAt}.",
  "email.invitation.notExpected":
    "Verwachtte u deze e-mail niet? Dan hoeft u niets te doen. Zonder uw klik wordt er geen account gemaakt.",

  "email.passwordReset.subject": "Nieuw wachtwoord kiezen voor Werkbrug",
  "email.passwordReset.preview": "Met deze link kiest u een nieuw wachtwoord.",
  "email.passwordReset.heading": "Nieuw wachtwoord kiezen",
  "email.passwordReset.intro":
    "U heeft gevraagd om een nieuw wachtwoord voor Werkbrug. Klik op de knop om een nieuw wachtwoord te kiezen.",
  "email.passwordReset.button": "Nieuw wachtwoord kiezen",
  "email.passwordReset.expires": "Deze link werkt maar één keer. Hij is geldig tot {expiresAt}.",
  "email.passwordReset.ignore":
    "Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren. Uw wachtwoord blijft dan hetzelfde.",

  "email.notification.subject": "Werkbrug: {title}",
  "email.notification.button": "Bekijk in Werkbrug",
  "email.notification.why":
    "U krijgt deze e-mail omdat er iets nieuws is in Werkbrug. Wilt u liever één e-mail per dag? Dat kunt u kiezen bij Mijn account.",

  "email.digest.subjectOne": "Werkbrug: 1 nieuwe melding ({date})",
  "email.digest.subjectMany": "Werkbrug: {count} nieuwe meldingen ({date})",
  "email.digest.preview": "Uw overzicht van nieuwe meldingen in Werkbrug.",
  "email.digest.heading": "Uw meldingen",
  "email.digest.intro": "Dit is er nieuw in Werkbrug sinds uw vorige overzicht:",
  "email.digest.open": "Bekijk in Werkbrug",
  "email.digest.why":
    "U krijgt één e-mail per dag met uw meldingen. Wilt u liever elke melding meteen? Dat kunt u kiezen bij Mijn account.",
} as const satisfies Record<string, string>;
