// Texts of the account flows: invitations, password reset, employer registration (plain Dutch, B1).
export const invite = {
  // Shared password fields
  "invite.password.label": "Kies een wachtwoord",
  "invite.password.help":
    "Minstens 12 tekens. Een zin van een paar woorden is makkelijk te onthouden.",
  "invite.password.repeat": "Herhaal het wachtwoord",
  "invite.password.required": "Kies een wachtwoord.",
  "invite.password.tooShort": "Het wachtwoord moet minstens 12 tekens lang zijn.",
  "invite.password.tooLong": "Het wachtwoord mag niet langer zijn dan 256 tekens.",
  "invite.password.repeatRequired": "Vul het wachtwoord nog een keer in.",
  "invite.password.mismatch": "De twee wachtwoorden zijn niet gelijk.",
  "invite.email.label": "E-mailadres",
  "invite.email.required": "Vul een e-mailadres in.",
  "invite.email.invalid": "Dit is geen geldig e-mailadres.",

  // Accepting an invitation
  "invite.accept.title": "Uitnodiging voor Werkbrug",
  "invite.accept.intro": "{inviter} nodigt u uit voor {organisation}. Uw rol: {role}.",
  "invite.accept.introCandidate": "{inviter} nodigt u uit om een account te maken bij Werkbrug.",
  "invite.accept.adminNote":
    "U wordt ook beheerder van de organisatie. U kunt dan collega's uitnodigen.",
  "invite.accept.forEmail": "Deze uitnodiging is voor {email}.",
  "invite.accept.name": "Uw naam",
  "invite.accept.nameRequired": "Vul uw naam in.",
  "invite.accept.nameTooLong": "Uw naam mag niet langer zijn dan 200 tekens.",
  "invite.accept.submit": "Account maken",
  "invite.accept.pending": "Bezig met account maken…",
  "invite.accept.existingTitle": "U heeft al een account",
  "invite.accept.existingLogin":
    "Er is al een account met dit e-mailadres. Log eerst in. Daarna kunt u de uitnodiging accepteren.",
  "invite.accept.loginLink": "Inloggen en accepteren",
  "invite.accept.existingAccept": "Klik op de knop om de uitnodiging te accepteren.",
  "invite.accept.acceptSubmit": "Uitnodiging accepteren",
  "invite.accept.wrongAccount":
    "U bent ingelogd met een ander account. Deze uitnodiging is voor een ander e-mailadres. Log eerst uit en open de link dan opnieuw.",
  "invite.accept.logout": "Uitloggen",
  "invite.accept.disabled":
    "Het account met dit e-mailadres is geblokkeerd. Neem contact op met de persoon die u heeft uitgenodigd.",
  "invite.invalid.title": "Deze link werkt niet",
  "invite.invalid.used": "Deze uitnodiging is al gebruikt. Heeft u al een account? Log dan in.",
  "invite.invalid.expired":
    "Deze uitnodiging is verlopen. Een uitnodiging is 7 dagen geldig. Vraag de persoon die u heeft uitgenodigd om een nieuwe.",
  "invite.invalid.revoked":
    "Deze uitnodiging is ingetrokken. Vraag de persoon die u heeft uitgenodigd om een nieuwe.",
  "invite.invalid.unknown":
    "We kennen deze link niet. Kijk of u de hele link uit de e-mail heeft gebruikt.",
  "invite.invalid.toLogin": "Naar inloggen",

  // Sending invitations
  "invite.admin.title": "Uitnodigingen",
  "invite.admin.intro":
    "Nodig iemand uit voor een organisatie. De persoon krijgt een e-mail met een link. De link is 7 dagen geldig en werkt één keer.",
  "invite.own.title": "Collega uitnodigen",
  "invite.own.intro":
    "Nodig een collega uit voor {organisation}. Uw collega krijgt een e-mail met een link. De link is 7 dagen geldig en werkt één keer.",
  "invite.form.title": "Nieuwe uitnodiging",
  "invite.form.organisation": "Organisatie",
  "invite.form.organisationRequired": "Kies een organisatie.",
  "invite.form.role": "Rol",
  "invite.form.roleRequired": "Kies een rol.",
  "invite.form.isOrgAdmin":
    "Deze persoon mag zelf collega's uitnodigen (beheerder van de organisatie)",
  "invite.form.submit": "Uitnodiging versturen",
  "invite.form.pending": "Bezig met versturen…",
  "invite.form.sent": "De uitnodiging is verstuurd naar {email}.",
  "invite.form.replaced":
    "Er stond al een uitnodiging open voor dit adres. Die werkt nu niet meer.",
  "invite.error.organisationNotFound": "Deze organisatie bestaat niet.",
  "invite.error.roleNotAllowed": "Deze rol past niet bij dit soort organisatie.",
  "invite.error.alreadyMember": "Deze persoon heeft deze rol al in de organisatie.",
  "invite.error.accountDisabled": "Het account met dit e-mailadres is geblokkeerd.",
  "invite.list.title": "Open uitnodigingen",
  "invite.list.empty": "Er staan geen uitnodigingen open.",
  "invite.list.email": "E-mailadres",
  "invite.list.organisation": "Organisatie",
  "invite.list.role": "Rol",
  "invite.list.invitedBy": "Uitgenodigd door",
  "invite.list.expires": "Geldig tot",
  "invite.list.actions": "Acties",
  "invite.list.revoke": "Intrekken",
  "invite.list.revokeLabel": "Uitnodiging voor {email} intrekken",
  "invite.list.revoked": "De uitnodiging is ingetrokken.",
  "invite.list.selfRegistered": "Aanmelding werkgever",

  // Password reset
  "reset.request.title": "Wachtwoord vergeten",
  "reset.request.intro":
    "Vul het e-mailadres van uw account in. U krijgt dan een e-mail met een link om een nieuw wachtwoord te kiezen.",
  "reset.request.submit": "Link versturen",
  "reset.request.pending": "Bezig met versturen…",
  "reset.request.sent":
    "Als er een account is met dit e-mailadres, dan krijgt u binnen een paar minuten een e-mail. De link in de e-mail is 1 uur geldig. Kijk ook in uw map met ongewenste e-mail.",
  "reset.request.rateLimited":
    "U heeft te vaak een nieuwe link gevraagd. Wacht een uur en probeer het dan opnieuw.",
  "reset.request.backToLogin": "Terug naar inloggen",
  "reset.complete.title": "Nieuw wachtwoord kiezen",
  "reset.complete.intro": "Kies een nieuw wachtwoord voor {email}. Daarna bent u meteen ingelogd.",
  "reset.complete.note": "U wordt op al uw andere apparaten uitgelogd.",
  "reset.complete.password": "Nieuw wachtwoord",
  "reset.complete.submit": "Wachtwoord opslaan",
  "reset.complete.pending": "Bezig met opslaan…",
  "reset.invalid.title": "Deze link werkt niet",
  "reset.invalid.used":
    "Deze link is al gebruikt. Vraag een nieuwe link aan als u nog een nieuw wachtwoord wilt kiezen.",
  "reset.invalid.expired":
    "Deze link is verlopen. Een link is 1 uur geldig. Vraag een nieuwe link aan.",
  "reset.invalid.unknown":
    "We kennen deze link niet. Kijk of u de hele link uit de e-mail heeft gebruikt, of vraag een nieuwe link aan.",
  "reset.invalid.again": "Nieuwe link aanvragen",

  // Employer self-registration
  "register.title": "Meld uw organisatie aan",
  "register.intro":
    "Bent u werkgever en wilt u mensen na detentie een kans geven? Meld uw organisatie hier aan. Daarna controleren wij uw gegevens. Pas dan kunt u profielen van kandidaten zien.",
  "register.organisationName": "Naam van de organisatie",
  "register.organisationNameRequired": "Vul de naam van de organisatie in.",
  "register.organisationNameLength": "De naam moet tussen 2 en 200 tekens lang zijn.",
  "register.kvkNumber": "KvK-nummer",
  "register.kvkHelp": "Het nummer bij de Kamer van Koophandel: 8 cijfers.",
  "register.kvkRequired": "Vul het KvK-nummer in.",
  "register.kvkInvalid": "Een KvK-nummer bestaat uit precies 8 cijfers.",
  "register.kvkTaken":
    "Deze organisatie is al aangemeld bij Werkbrug. Vraag een collega om u uit te nodigen, of neem contact met ons op.",
  "register.address": "Adres",
  "register.addressHelp": "Straat en huisnummer.",
  "register.addressRequired": "Vul het adres in.",
  "register.placeName": "Plaats",
  "register.placeNameRequired": "Vul de plaats in.",
  "register.contactName": "Uw naam",
  "register.contactNameRequired": "Vul uw naam in.",
  "register.email": "Uw e-mailadres",
  "register.emailHelp": "Hier sturen we een link naar. Met die link kiest u uw wachtwoord.",
  "register.tooLong": "Dit is te lang.",
  "register.emailUnavailable":
    "Met dit e-mailadres kunt u geen organisatie aanmelden. Neem contact met ons op.",
  "register.submit": "Organisatie aanmelden",
  "register.pending": "Bezig met aanmelden…",
  "register.rateLimited":
    "Er zijn te veel aanmeldingen gedaan vanaf uw verbinding. Probeer het later opnieuw.",
  "register.doneTitle": "Bijna klaar",
  "register.done":
    "We hebben een e-mail gestuurd naar {email}. Klik op de link in die e-mail om uw e-mailadres te bevestigen en een wachtwoord te kiezen. De link is 7 dagen geldig.",
  "register.doneVerify":
    "Wij controleren daarna de gegevens van uw organisatie. Pas als dat klaar is, ziet u de profielen van kandidaten.",
} as const satisfies Record<string, string>;
