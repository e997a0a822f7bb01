/** The site module's words: the start page, the accessibility statement and the privacy notice. */
import { defineMessages } from "../../platform/i18n/messages.js";

export const messages = defineMessages(
  "site",
  {
    "start.lead":
      "Vi svarar på dina frågor, berättar vilken hjälp som finns och visar öppet vad vi gör – på enkel svenska.",
    "start.contact.title": "Kontakta oss",
    "start.contact.hours": "Vi svarar {openingHours}. Du behöver inte säga vem du är för att ställa en fråga.",
    "start.contact.phone": "Telefon: <tel>{phone}</tel>",
    "start.contact.email": "E-post: <mail>{email}</mail>",
    "start.urgent.title": "Om det är bråttom",
    "start.urgent.outOfHours": "När vi har stängt kan du ringa Socialjouren på <tel>{phone}</tel>.",
    "start.urgent.emergency": "Ring <tel>112</tel> vid akut fara.",
    "start.worry.title": "Orolig för ett barn?",
    "start.worry.text":
      "Alla kan berätta för oss om de är oroliga för att ett barn far illa. Ring oss på <tel>{phone}</tel> {openingHours}, eller Socialjouren på <oohtel>{outOfHours}</oohtel> när vi har stängt.",

    "access.title": "Tillgänglighet för Klarsvar",
    "access.intro":
      "{org} står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Klarsvar uppfyller lagen om tillgänglighet till digital offentlig service, vilka problem vi känner till och hur du kan berätta om brister för oss så att vi kan rätta dem.",
    "access.how.title": "Hur tillgänglig är webbplatsen?",
    "access.how.text":
      "Vi vet att delar av webbplatsen inte är helt tillgängliga ännu. Läs mer under rubriken Innehåll som inte är tillgängligt.",
    "access.other.title": "Vad kan du göra om du inte kan använda delar av webbplatsen?",
    "access.other.text":
      "Om du behöver innehåll från webbplatsen i en annan form kan du skicka e-post till <mail>{email}</mail> eller ringa oss på <tel>{phone}</tel> {openingHours}. Vi svarar inom två arbetsdagar.",
    "access.report.title": "Rapportera brister i webbplatsens tillgänglighet",
    "access.report.text":
      "Vi försöker hela tiden göra webbplatsen bättre. Om du upptäcker problem som inte står på den här sidan, eller om du tycker att vi inte följer lagen, <mail>berätta det för oss</mail> så att vi vet att problemet finns.",
    "access.supervision.title": "Tillsyn",
    "access.supervision.text":
      "Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd med hur vi tar hand om dina synpunkter kan du <digg>anmäla det till Myndigheten för digital förvaltning</digg>.",
    "access.technical.title": "Teknisk information om webbplatsens tillgänglighet",
    "access.technical.text":
      "Webbplatsen följer delvis lagen om tillgänglighet till digital offentlig service, på grund av bristerna nedan.",
    "access.gaps.title": "Innehåll som inte är tillgängligt",
    "access.gaps.documents":
      "Dokument som personalen bifogar (till exempel pdf-filer) kan vara svåra att läsa med hjälpmedel. Vi kontrollerar nya dokument innan vi publicerar dem.",
    "access.gaps.languages": "Innehåll på andra språk än svenska och engelska finns inte ännu.",
    "access.tested.title": "Hur vi testat webbplatsen",
    "access.tested.text":
      "Vi har själva bedömt webbplatsen. Varje sida kontrolleras automatiskt med verktyget axe mot WCAG 2.1 nivå AA varje gång koden ändras, och vi testar med bara tangentbord och med skärmläsare. Den senaste bedömningen gjordes den {assessed, date, long}.",
    "access.updated": "Den här redogörelsen uppdaterades senast den {updated, date, long}.",

    "privacy.title": "Så hanterar vi personuppgifter",
    "privacy.intro":
      "Socialnämnden i Exempelstads kommun ansvarar för personuppgifterna i Klarsvar. Vi använder bara de uppgifter vi behöver för att svara dig och för att göra vårt arbete som myndighet.",
    "privacy.stored.title": "Vad vi sparar, varför och hur länge",
    "privacy.stored.caption": "Personuppgifter i Klarsvar",
    "privacy.col.what": "Vad",
    "privacy.col.why": "Varför",
    "privacy.col.howLong": "Hur länge",
    "privacy.row.messages.what": "Det du skriver till oss, och namn och kontaktuppgifter som du lämnar",
    "privacy.row.messages.why":
      "För att kunna svara dig. Brev till en myndighet är allmänna handlingar som vi måste registrera och spara enligt arkivlagen.",
    "privacy.row.messages.howLong": "Enligt våra regler för gallring, sedan tas de bort eller arkiveras",
    "privacy.row.staff.what": "Konton för personal: namn, e-post, roller och enheter",
    "privacy.row.staff.why": "För att personalen ska kunna logga in och för att vi ska veta vem som gjort vad",
    "privacy.row.staff.howLong": "Så länge personen arbetar här",
    "privacy.row.sessions.what": "Inloggningar: IP-adress och webbläsare",
    "privacy.row.sessions.why": "För säkerheten",
    "privacy.row.sessions.howLong": "{hours, plural, one {# timme} other {# timmar}}, sedan tas de bort",
    "privacy.row.audit.what": "Händelselogg: vem som gjort vad och när",
    "privacy.row.audit.why":
      "För säkerheten och för att kunna granska arbetet, till exempel varje gång någon öppnar en sekretessmarkerad uppgift",
    "privacy.row.audit.howLong": "Enligt våra regler för gallring",
    "privacy.basis.title": "Varför vi får behandla uppgifterna",
    "privacy.basis.text":
      "Vi behandlar personuppgifter för att utföra uppgifter av allmänt intresse och som myndighet (artikel 6.1 e i dataskyddsförordningen), och för att följa lagar som arkivlagen (artikel 6.1 c).",
    "privacy.sensitive.title": "Känsliga uppgifter",
    "privacy.sensitive.text":
      "Det du skriver om din hälsa, din familj eller dina kontakter med socialtjänsten är känsliga personuppgifter (artikel 9 i dataskyddsförordningen). Vi behandlar dem bara när socialtjänsten behöver dem i sitt arbete. Stödet finns i artikel 9.2 h (social omsorg) och 9.2 g (viktigt allmänt intresse), i 3 kap. 3 § dataskyddslagen (2018:218) och i lagen (2001:454) om behandling av personuppgifter inom socialtjänsten. Uppgifterna omfattas av sekretess (26 kap. offentlighets- och sekretesslagen). Bara de som arbetar med ditt ärende får läsa dem, och varje gång någon öppnar dem skrivs det i en logg. Skriv helst inte känsliga uppgifter i e-post. Ring oss hellre.",
    "privacy.press.title": "Journalister i våra presslistor",
    "privacy.press.text":
      "Vi sparar namn, e-postadress, telefonnummer och redaktion för journalister som får våra pressmeddelanden. Det är en del av vår uppgift att informera (artikel 6.1 e), eller så har journalisten sagt ja. Alla kan sluta få utskicken med ett klick och be oss ta bort uppgifterna.",
    "privacy.cookies.title": "Kakor",
    "privacy.cookies.text":
      "Vi använder bara kakor som webbplatsen behöver: en som håller personalen inloggad, en som skyddar formulär och en som kommer ihåg ditt språk. Vi följer inte vad du gör och använder inga kakor för statistik.",
    "privacy.rights.title": "Dina rättigheter",
    "privacy.rights.text":
      "Du har rätt att få veta vilka uppgifter vi har om dig, att få fel rättade och i vissa fall att vi begränsar hur vi använder dem. Allmänna handlingar går inte alltid att ta bort.",
    "privacy.dpo": "Vårt dataskyddsombud är {name}: <mail>{email}</mail>.",
    "privacy.complain":
      "Om du tycker att vi hanterar dina uppgifter fel kan du klaga till Integritetsskyddsmyndigheten (IMY).",
  },
  {
    "start.lead": "We answer your questions, tell you what help there is and publish what we do in plain language.",
    "start.contact.title": "Contact us",
    "start.contact.hours": "We answer {openingHours}. You do not need to give your name to ask a question.",
    "start.contact.phone": "Phone: <tel>{phone}</tel>",
    "start.contact.email": "Email: <mail>{email}</mail>",
    "start.urgent.title": "If it is urgent",
    "start.urgent.outOfHours": "When we are closed, call the out-of-hours social services on <tel>{phone}</tel>.",
    "start.urgent.emergency": "Call <tel>112</tel> in an emergency.",
    "start.worry.title": "Worried about a child?",
    "start.worry.text":
      "Anyone can tell us if they are worried that a child is harmed. Call us on <tel>{phone}</tel> {openingHours}, or the out-of-hours social services on <oohtel>{outOfHours}</oohtel> when we are closed.",

    "access.title": "Accessibility of Klarsvar",
    "access.intro":
      "{org} is responsible for this website. We want as many people as possible to be able to use it. This page describes how Klarsvar meets the Swedish act on accessibility of digital public services (DOS-lagen), known accessibility problems, and how you can report problems to us so that we can fix them.",
    "access.how.title": "How accessible is the website?",
    "access.how.text":
      "We know that parts of the website are not yet fully accessible. See the section on content that is not accessible below.",
    "access.other.title": "What can you do if you cannot use parts of the website?",
    "access.other.text":
      "If you need content from the website in another format, email <mail>{email}</mail> or call us on <tel>{phone}</tel> {openingHours}. We answer within two working days.",
    "access.report.title": "Report problems with accessibility",
    "access.report.text":
      "We are always trying to make the website more accessible. If you find a problem that is not described on this page, or if you think that we do not meet the law, <mail>tell us</mail> so that we know the problem exists.",
    "access.supervision.title": "Supervision",
    "access.supervision.text":
      "The Agency for Digital Government (Digg) is responsible for supervising the act. If you are not happy with how we handle your comments, you can <digg>report it to the Agency for Digital Government</digg>.",
    "access.technical.title": "Technical information about the accessibility of the website",
    "access.technical.text":
      "This website is partially compliant with the act on accessibility of digital public services, because of the gaps below.",
    "access.gaps.title": "Content that is not accessible",
    "access.gaps.documents":
      "Documents attached by staff (for example PDF files) may not be accessible. We check new documents before we publish them.",
    "access.gaps.languages": "Content in languages other than Swedish and English is not available yet.",
    "access.tested.title": "How we tested the website",
    "access.tested.text":
      "We have assessed the website ourselves. Every page is checked automatically with axe against WCAG 2.1 level AA each time the code changes, and we test with the keyboard only and with a screen reader. The latest assessment was made on {assessed, date, long}.",
    "access.updated": "This statement was last updated on {updated, date, long}.",

    "privacy.title": "How we handle personal data",
    "privacy.intro":
      "The Social Welfare Committee of Exempelstad Municipality is responsible for the personal data in Klarsvar. We only process what we need to answer you and to do our job as a public authority.",
    "privacy.stored.title": "What we store, why and for how long",
    "privacy.stored.caption": "Personal data in Klarsvar",
    "privacy.col.what": "What",
    "privacy.col.why": "Why",
    "privacy.col.howLong": "How long",
    "privacy.row.messages.what": "What you write to us, and the name and contact details you give",
    "privacy.row.messages.why":
      "To answer you. Letters to an authority are public documents that we must register and keep (the Archives Act).",
    "privacy.row.messages.howLong": "According to our retention rules, then disposed of or archived",
    "privacy.row.staff.what": "Staff accounts: name, email, roles and units",
    "privacy.row.staff.why": "To let staff sign in and to know who did what",
    "privacy.row.staff.howLong": "As long as the person works here",
    "privacy.row.sessions.what": "Sign-in sessions: IP address and browser",
    "privacy.row.sessions.why": "Security",
    "privacy.row.sessions.howLong": "{hours, plural, one {# hour} other {# hours}}, then removed",
    "privacy.row.audit.what": "Audit log: who did what and when",
    "privacy.row.audit.why": "Security and accountability, including every time someone opens a secret record",
    "privacy.row.audit.howLong": "According to our retention rules",
    "privacy.basis.title": "Legal basis",
    "privacy.basis.text":
      "We process personal data to perform tasks in the public interest and to exercise official authority (GDPR article 6.1 e), and to meet legal obligations such as the Archives Act (article 6.1 c).",
    "privacy.sensitive.title": "Sensitive data",
    "privacy.sensitive.text":
      "What you write about your health, your family or your contacts with the social services is sensitive personal data (GDPR article 9). We process it only when the social services need it for their work, under article 9.2 h (social care) and 9.2 g (substantial public interest), chapter 3, section 3 of the Swedish Data Protection Act (2018:218) and the Act on the processing of personal data in the social services (2001:454). It is confidential (Public Access to Information and Secrecy Act, chapter 26): only the staff who work with your matter may read it, and every time someone opens it is logged. Please do not write sensitive details in an e-mail; call us instead.",
    "privacy.press.title": "Journalists on our press lists",
    "privacy.press.text":
      "We keep the name, e-mail address, phone number and newsroom of journalists who receive our press releases, as part of our task to inform the public (article 6.1 e), or with their consent. Anyone can stop the mailings with one click and ask to be removed.",
    "privacy.cookies.title": "Cookies",
    "privacy.cookies.text":
      "We only use cookies that the website needs: one that keeps staff signed in, one that protects forms, and one that remembers your language. We do not track you and use no analytics cookies.",
    "privacy.rights.title": "Your rights",
    "privacy.rights.text":
      "You have the right to know what data we have about you, to have wrong data corrected, and in some cases to have processing restricted. Public documents cannot always be erased.",
    "privacy.dpo": "Our data protection officer is {name}: <mail>{email}</mail>.",
    "privacy.complain":
      "If you think we handle your data wrongly you can complain to the Swedish Authority for Privacy Protection (IMY).",
  },
);
