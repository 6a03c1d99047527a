export const auth = {
  "auth.login.title": "Inloggen",
  "auth.login.intro": "Log in met het e-mailadres en wachtwoord van uw account.",
  "auth.login.email": "E-mailadres",
  "auth.login.password": "Wachtwoord",
  "auth.login.submit": "Inloggen",
  "auth.login.pending": "Bezig met inloggen…",
  "auth.login.forgot": "Wachtwoord vergeten?",
  "auth.login.emailRequired": "Vul uw e-mailadres in.",
  "auth.login.emailInvalid": "Dit is geen geldig e-mailadres.",
  "auth.login.passwordRequired": "Vul uw wachtwoord in.",
  "auth.login.failed": "Het e-mailadres of het wachtwoord klopt niet.",
  "auth.login.rateLimited":
    "Er is te vaak verkeerd ingelogd. Wacht 15 minuten en probeer het dan opnieuw.",
  "auth.login.employerQuestion": "Bent u werkgever en wilt u kandidaten vinden?",
  "auth.login.employerRegister": "Meld uw organisatie aan",
} as const satisfies Record<string, string>;
