// The pipeline: proposals, introductions, offers, placements, aftercare, handovers (issue 6).
// Plain Dutch (B1), everyone addressed with "u". Notification texts go into emails too: they
// name a candidate only by the public code and never carry message contents or coach notes.
export const pipeline = {
  // proposal statuses
  "pipeline.status.requested": "Kennismaking gevraagd",
  "pipeline.status.declined_by_coach": "Niet voorgesteld door de jobcoach",
  "pipeline.status.proposed": "Voorgesteld",
  "pipeline.status.interested": "Interesse",
  "pipeline.status.rejected": "Niet verder",
  "pipeline.status.meeting_planned": "Kennismaking gepland",
  "pipeline.status.offer_made": "Aanbod gedaan",
  "pipeline.status.accepted": "Aanbod aangenomen",
  "pipeline.status.declined": "Aanbod niet aangenomen",
  "pipeline.status.withdrawn": "Aanbod ingetrokken",
  "pipeline.status.expired": "Aanbod verlopen",
  "pipeline.status.placed": "Aan het werk",

  // offers, placements, meetings, check-ins, handovers
  "pipeline.offer.status.open": "Wacht op antwoord",
  "pipeline.offer.status.accepted": "Aangenomen",
  "pipeline.offer.status.declined": "Niet aangenomen",
  "pipeline.offer.status.withdrawn": "Ingetrokken",
  "pipeline.offer.status.expired": "Verlopen",
  "pipeline.offer.onBehalf": "Vastgelegd door de jobcoach, met de kandidaat erbij",
  "pipeline.placement.status.active": "Loopt",
  "pipeline.placement.status.completed": "Afgerond",
  "pipeline.placement.status.ended_early": "Eerder gestopt",
  "pipeline.meeting.status.planned": "Gepland",
  "pipeline.meeting.status.cancelled": "Afgezegd",
  "pipeline.meeting.status.held": "Gehouden",
  "pipeline.checkIn.state.done": "Gedaan",
  "pipeline.checkIn.state.overdue": "Te laat",
  "pipeline.checkIn.state.due": "Binnenkort",
  "pipeline.checkIn.state.upcoming": "Gepland",
  "pipeline.checkIn.week": "Week {week}",
  "pipeline.checkIn.withWhom.candidate": "Met de kandidaat",
  "pipeline.checkIn.withWhom.employer": "Met de werkgever",
  "pipeline.checkIn.withWhom.both": "Met de kandidaat en de werkgever",
  "pipeline.checkIn.mode.visit": "Bezoek",
  "pipeline.checkIn.mode.phone": "Telefoon",
  "pipeline.checkIn.mode.video": "Video",
  "pipeline.checkIn.risk.green": "Groen: gaat goed",
  "pipeline.checkIn.risk.amber": "Oranje: let op",
  "pipeline.checkIn.risk.red": "Rood: direct actie nodig",
  "pipeline.handover.status.open": "Wacht op de gemeente",
  "pipeline.handover.status.accepted": "Aangenomen door de gemeente",
  "pipeline.retention.retained": "Nog aan het werk",
  "pipeline.retention.ended_early": "Eerder gestopt",
  "pipeline.retention.completed": "Afgerond",
  "pipeline.retention.pending": "Nog niet bekend",

  // reasons
  "pipeline.reason.rejected.skills": "De vaardigheden passen niet genoeg bij het werk",
  "pipeline.reason.rejected.availability": "De beschikbaarheid past niet",
  "pipeline.reason.rejected.distance": "De afstand is te groot",
  "pipeline.reason.rejected.position_filled": "De plek is al vergeven",
  "pipeline.reason.rejected.other": "Een andere reden",
  // older reason codes (demo data)
  "pipeline.reason.rejected.experience": "Te weinig ervaring in dit werk",
  "pipeline.reason.rejected.hours": "De uren passen niet",
  "pipeline.reason.declined.not_ready": "De kandidaat is nu nog niet klaar voor deze stap",
  "pipeline.reason.declined.not_available": "De kandidaat is in deze periode niet beschikbaar",
  "pipeline.reason.declined.not_a_match": "De vacature past niet goed bij wat de kandidaat zoekt",
  "pipeline.reason.declined.other": "Op dit moment past het niet",
  "pipeline.reason.ended.completed": "De plaatsing is afgerond",
  "pipeline.reason.offer.placed_elsewhere": "De kandidaat heeft een andere baan aangenomen",
  "pipeline.reason.offer.position_filled": "Alle plekken van de vacature zijn bezet",

  // errors (a page shows them as they are)
  "pipeline.error.not_found": "Dit kunnen we niet vinden, of u heeft er geen toegang toe.",
  "pipeline.error.forbidden": "U mag deze stap niet zetten.",
  "pipeline.error.not_verified":
    "Uw organisatie is nog niet gecontroleerd door Werkbrug. Na de controle kunt u dit doen.",
  "pipeline.error.stale":
    "Iemand anders heeft dit intussen veranderd. Bekijk hoe het er nu voor staat en probeer het daarna opnieuw als dat nog nodig is.",
  "pipeline.error.invalid_transition": "Deze stap kan nu niet. Bekijk hoe het er nu voor staat.",
  "pipeline.error.duplicate": "Deze kandidaat en deze vacature zijn al aan elkaar gekoppeld.",
  "pipeline.error.candidate_unavailable":
    "Deze kandidaat is nu niet beschikbaar. Het profiel is niet zichtbaar of de kandidaat heeft al werk.",
  "pipeline.error.vacancy_unavailable":
    "Deze vacature staat niet meer open, of alle plekken zijn al bezet.",
  "pipeline.error.consent_required":
    "Wie het aanbod aanneemt, geeft de werkgever toestemming om naam en contactgegevens te zien. Zet het vinkje om verder te gaan.",
  "pipeline.error.presence_required":
    "Leg het antwoord alleen vast als de kandidaat erbij is. Zet het vinkje om dat te bevestigen.",
  "pipeline.error.invalid_input":
    "Niet alle velden zijn goed ingevuld. Kijk de velden met een melding na.",
  "pipeline.error.no_job_coach":
    "Er is geen jobcoach om deze plaatsing te begeleiden. Koppel eerst een jobcoach.",
  "pipeline.error.invalid_coach": "Deze jobcoach kan deze begeleiding niet overnemen.",
  "pipeline.error.no_municipality":
    "De gemeente van herkomst werkt nog niet met Werkbrug. Neem contact op met de gemeente.",

  // field errors
  "pipeline.field.required": "Vul dit in.",
  "pipeline.field.tooLong": "Dit is te lang.",
  "pipeline.field.date": "Vul een geldige datum in.",
  "pipeline.field.inThePast": "Deze datum is al voorbij.",
  "pipeline.field.expiryAfterStart": "Het aanbod moet verlopen vóór of op de startdatum.",
  "pipeline.field.hours": "Vul een aantal uren tussen 1 en 60 in.",
  "pipeline.field.placeOrLink": "Vul een adres of een videolink in.",
  "pipeline.field.link": "Vul een geldige link in (https://…).",
  "pipeline.field.reason": "Kies een reden.",
  "pipeline.field.wellbeing": "Kies een cijfer van 1 tot 5.",
  "pipeline.field.endBeforeStart": "De einddatum ligt vóór de startdatum.",
  "pipeline.field.inTheFuture": "Deze datum ligt in de toekomst.",

  // messages
  "pipeline.message.maskedPhone": "[telefoonnummer verborgen]",
  "pipeline.message.maskedEmail": "[e-mailadres verborgen]",
  "pipeline.message.maskedNotice":
    "Telefoonnummers en e-mailadressen zijn verborgen. Die deelt u pas als de kandidaat toestemming heeft gegeven.",
  "pipeline.message.author.employer": "De werkgever",
  "pipeline.message.author.coach": "De jobcoach",
  "pipeline.message.author.candidate": "De kandidaat",

  // meetings
  "pipeline.meeting.duringDetention":
    "Let op: de kandidaat zit op die dag nog vast. Kijk of verlof mogelijk is, of kies een videogesprek.",
  "pipeline.meeting.video": "videogesprek",

  // handover summary (the draft the coach or prison staff completes)
  "pipeline.handover.summary.intro": "Samenvatting voor de gemeente",
  "pipeline.handover.summary.profile": "Profiel: {headline}",
  "pipeline.handover.summary.conditions": "Basisvoorwaarden:",
  "pipeline.handover.summary.condition": "- {kind}: {status}",
  "pipeline.handover.summary.tried": "Wat is geprobeerd:",
  "pipeline.handover.summary.triedItem": "- {vacancy} bij {employer}: {status}",
  "pipeline.handover.summary.nothingTried": "- Nog geen voorstellen gedaan.",
  "pipeline.handover.summary.notes": "Aanvulling:",

  // notifications: title and body per step and per recipient
  "pipeline.notify.proposed.employer.title": "Nieuw voorstel voor uw vacature {vacancy}",
  "pipeline.notify.proposed.employer.body":
    "Een jobcoach stelt kandidaat {code} voor. Bekijk het profiel en laat weten of u interesse heeft.",
  "pipeline.notify.requested.coach.title": "{employer} wil kennismaken met kandidaat {code}",
  "pipeline.notify.requested.coach.body":
    "De werkgever vraagt een kennismaking voor de vacature {vacancy}. Kies of u de kandidaat voorstelt.",
  "pipeline.notify.requestProposed.employer.title": "De jobcoach stelt kandidaat {code} voor",
  "pipeline.notify.requestProposed.employer.body":
    "U vroeg om een kennismaking voor {vacancy}. De jobcoach stelt de kandidaat nu voor. Laat weten of u interesse heeft.",
  "pipeline.notify.declinedByCoach.employer.title": "Kandidaat {code} wordt niet voorgesteld",
  "pipeline.notify.declinedByCoach.employer.body": "Voor uw vacature {vacancy}. {reason}.",
  "pipeline.notify.interested.coach.title": "{employer} heeft interesse in kandidaat {code}",
  "pipeline.notify.interested.coach.body":
    "Voor de vacature {vacancy}. De werkgever plant een kennismaking, met u erbij.",
  "pipeline.notify.rejected.coach.title": "{employer} gaat niet verder met kandidaat {code}",
  "pipeline.notify.rejected.coach.body": "Voor de vacature {vacancy}. Reden: {reason}.",
  "pipeline.notify.meetingPlanned.coach.title": "Kennismaking gepland met kandidaat {code}",
  "pipeline.notify.meetingPlanned.coach.body":
    "{employer} heeft een kennismaking gepland voor {vacancy} op {when} ({where}). U bent erbij.",
  "pipeline.notify.meetingPlanned.candidate.title": "Er is een kennismaking gepland",
  "pipeline.notify.meetingPlanned.candidate.body":
    "Met {employer}, voor het werk als {vacancy}. Op {when} ({where}). Uw jobcoach is erbij.",
  "pipeline.notify.meetingChanged.title": "Kennismaking verzet: {vacancy}",
  "pipeline.notify.meetingChanged.body":
    "De kennismaking is verzet naar {when} ({where}). Reden: {reason}.",
  "pipeline.notify.meetingCancelled.title": "Kennismaking afgezegd: {vacancy}",
  "pipeline.notify.meetingCancelled.body":
    "De kennismaking op {when} gaat niet door. Reden: {reason}.",
  "pipeline.notify.message.title": "Nieuw bericht over {vacancy}",
  "pipeline.notify.message.body": "{author} heeft een bericht gestuurd. Lees het in Werkbrug.",
  "pipeline.notify.offerMade.coach.title": "Aanbod voor kandidaat {code}",
  "pipeline.notify.offerMade.coach.body":
    "{employer} doet een aanbod voor {vacancy}. Bekijk het samen met de kandidaat. Het aanbod geldt tot en met {expires}.",
  "pipeline.notify.offerMade.candidate.title": "U krijgt een aanbod van {employer}",
  "pipeline.notify.offerMade.candidate.body":
    "Voor het werk als {vacancy}. Bekijk het samen met uw jobcoach. Het aanbod geldt tot en met {expires}.",
  "pipeline.notify.offerAdvice.candidate.title": "Uw jobcoach heeft advies gegeven",
  "pipeline.notify.offerAdvice.candidate.body":
    "Over het aanbod van {employer}. Lees het advies in Werkbrug.",
  "pipeline.notify.offerAccepted.employer.title": "Kandidaat {code} neemt uw aanbod aan",
  "pipeline.notify.offerAccepted.employer.body":
    "Voor {vacancy}. De eerste werkdag is {start}. De jobcoach is {jobCoach} ({jobCoachEmail}).",
  "pipeline.notify.offerAccepted.coach.title": "Kandidaat {code} heeft het aanbod aangenomen",
  "pipeline.notify.offerAccepted.coach.body":
    "Bij {employer}, voor {vacancy}. De eerste werkdag is {start}.",
  "pipeline.notify.offerDeclined.employer.title": "Kandidaat {code} neemt uw aanbod niet aan",
  "pipeline.notify.offerDeclined.employer.body": "Het gaat om uw aanbod voor {vacancy}.",
  "pipeline.notify.offerDeclined.coach.title": "Kandidaat {code} heeft het aanbod niet aangenomen",
  "pipeline.notify.offerDeclined.coach.body": "Het aanbod van {employer} voor {vacancy}.",
  "pipeline.notify.offerClosedPlaced.employer.title": "Kandidaat {code} heeft ander werk",
  "pipeline.notify.offerClosedPlaced.employer.body":
    "Uw aanbod voor {vacancy} vervalt: de kandidaat heeft een andere baan aangenomen.",
  "pipeline.notify.offerWithdrawn.title": "{employer} trekt het aanbod in",
  "pipeline.notify.offerWithdrawn.body":
    "Het aanbod voor {vacancy} geldt niet meer. Reden: {reason}.",
  "pipeline.notify.offerExpired.title": "Aanbod verlopen: {vacancy}",
  "pipeline.notify.offerExpired.body":
    "Het aanbod van {employer} is niet op tijd beantwoord en geldt niet meer.",
  "pipeline.notify.placementStarted.jobCoach.title": "U bent jobcoach van kandidaat {code}",
  "pipeline.notify.placementStarted.jobCoach.body":
    "Bij {employer}, eerste werkdag {start}. De nazorggesprekken staan klaar: week 1, 2, 4, 13, 26 en 52.",
  "pipeline.notify.placementStarted.candidate.title": "Gefeliciteerd met uw nieuwe werk",
  "pipeline.notify.placementStarted.candidate.body":
    "U begint op {start} bij {employer}. {jobCoach} is uw jobcoach en blijft contact met u houden.",
  "pipeline.notify.placementHandedOver.jobCoach.title": "U bent nu jobcoach van kandidaat {code}",
  "pipeline.notify.placementHandedOver.jobCoach.body":
    "{from} heeft de begeleiding bij {employer} aan u overgedragen. Lees de overdrachtsnotitie in Werkbrug.",
  "pipeline.notify.placementHandedOver.employer.title": "Nieuwe jobcoach voor kandidaat {code}",
  "pipeline.notify.placementHandedOver.employer.body":
    "De jobcoach is nu {jobCoach} ({jobCoachEmail}).",
  "pipeline.notify.placementHandedOver.candidate.title": "U heeft een nieuwe jobcoach",
  "pipeline.notify.placementHandedOver.candidate.body":
    "{jobCoach} begeleidt u vanaf nu bij uw werk.",
  "pipeline.notify.placementCompleted.title": "Plaatsing afgerond: {vacancy}",
  "pipeline.notify.placementCompleted.body":
    "De plaatsing van kandidaat {code} bij {employer} is afgerond op {ended}.",
  "pipeline.notify.placementEnded.title": "Plaatsing gestopt: {vacancy}",
  "pipeline.notify.placementEnded.body":
    "De plaatsing van kandidaat {code} bij {employer} is gestopt op {ended}.",
  "pipeline.notify.checkInRequested.jobCoach.title": "{employer} vraagt om een nazorggesprek",
  "pipeline.notify.checkInRequested.jobCoach.body":
    "Over kandidaat {code}. Neem contact op met de werkgever om een afspraak te maken.",
  "pipeline.notify.checkInDue.jobCoach.title": "Nazorggesprek week {week} met kandidaat {code}",
  "pipeline.notify.checkInDue.jobCoach.body":
    "Het gesprek staat gepland op {due}. Het gaat om het werk bij {employer}.",
  "pipeline.notify.checkInOverdue.jobCoach.title": "Nazorggesprek te laat: kandidaat {code}",
  "pipeline.notify.checkInOverdue.jobCoach.body":
    "Het gesprek van week {week} stond op {due}. Plan het zo snel mogelijk en leg het vast.",
  "pipeline.notify.handoverCreated.coordinator.title":
    "Overdracht van kandidaat {code} aan uw gemeente",
  "pipeline.notify.handoverCreated.coordinator.body":
    "{organisation} draagt een kandidaat zonder werk over aan uw gemeente. Lees de samenvatting en neem de overdracht aan.",
  "pipeline.notify.handoverAccepted.title": "Overdracht aangenomen: kandidaat {code}",
  "pipeline.notify.handoverAccepted.body":
    "{municipality} heeft de overdracht aangenomen en helpt verder.",
  "pipeline.notify.handoverAssigned.coach.title": "Nieuwe kandidaat in uw caseload: {code}",
  "pipeline.notify.handoverAssigned.coach.body":
    "{municipality} wijst u deze kandidaat toe. Lees de overdracht en begin met de intake.",
} as const satisfies Record<string, string>;
