/**
 * Public content pages. The accessibility statement follows Digg's model structure;
 * the privacy notice says what is stored, why and for how long (GDPR art. 13).
 */
import type { PageContext } from "../../../views/context.js";

/** When the accessibility of the service was last assessed, and how. */
export const ACCESSIBILITY_ASSESSED = "2026-11-26";
const CONTACT_EMAIL = "kontakt@example.se";
const DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan";

export function StartPage({ ctx, orgName }: { ctx: PageContext; orgName: string }): JSX.Element {
  if (ctx.lang === "en") {
    return (
      <>
        <h1 safe>{orgName}</h1>
        <p class="lead">We answer your questions, tell you what help there is and publish what we do in plain language.</p>
        <div class="cards">
          <section class="card" aria-labelledby="contact-title">
            <h2 id="contact-title">Contact us</h2>
            <p>We answer on weekdays 08:00–16:30. You do not need to give your name to ask a question.</p>
            <p>
              Email: <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a>
            </p>
          </section>
          <section class="card card--urgent" aria-labelledby="urgent-title">
            <h2 id="urgent-title">If it is urgent</h2>
            <p>When we are closed, call the out-of-hours social services on 070-174 06 05.</p>
            <p>
              <strong>Call 112 in an emergency.</strong>
            </p>
          </section>
          <section class="card" aria-labelledby="worry-title">
            <h2 id="worry-title">Worried about a child?</h2>
            <p>Anyone can tell us if they are worried that a child is harmed. Call us in office hours or the out-of-hours social services.</p>
          </section>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 safe>{orgName}</h1>
      <p class="lead">Vi svarar på dina frågor, berättar vilken hjälp som finns och visar öppet vad vi gör – på enkel svenska.</p>
      <div class="cards">
        <section class="card" aria-labelledby="contact-title">
          <h2 id="contact-title">Kontakta oss</h2>
          <p>Vi svarar på vardagar kl. 08.00–16.30. Du behöver inte säga vem du är för att ställa en fråga.</p>
          <p>
            E-post: <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a>
          </p>
        </section>
        <section class="card card--urgent" aria-labelledby="urgent-title">
          <h2 id="urgent-title">Om det är bråttom</h2>
          <p>När vi har stängt kan du ringa Socialjouren på 070-174 06 05.</p>
          <p>
            <strong>Ring 112 vid akut fara.</strong>
          </p>
        </section>
        <section class="card" aria-labelledby="worry-title">
          <h2 id="worry-title">Orolig för ett barn?</h2>
          <p>Alla kan berätta för oss om de är oroliga för att ett barn far illa. Ring oss på dagtid eller Socialjouren när vi har stängt.</p>
        </section>
      </div>
    </>
  );
}

export function AccessibilityStatement({ ctx }: { ctx: PageContext }): JSX.Element {
  if (ctx.lang === "en") {
    return (
      <div class="prose">
        <h1>Accessibility of Klarsvar</h1>
        <p>
          Social Services, Exempelstad Municipality, is responsible for this website. We want as many people as possible to be able
          to use it. This page describes how Klarsvar meets the Swedish act on accessibility of digital public services (DOS-lagen),
          known accessibility problems, and how you can report problems to us so that we can fix them.
        </p>
        <h2>How accessible is the website?</h2>
        <p>We know that parts of the website are not yet fully accessible. See the section on content that is not accessible below.</p>
        <h2>What can you do if you cannot use parts of the website?</h2>
        <p>
          If you need content from the website in another format, email <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a> or
          call us on weekdays 08:00–16:30. We answer within two working days.
        </p>
        <h2>Report problems with accessibility</h2>
        <p>
          We are always trying to make the website more accessible. If you find a problem that is not described on this page, or if
          you think that we do not meet the law, <a href={`mailto:${CONTACT_EMAIL}?subject=Tillg%C3%A4nglighet`}>tell us</a> so that
          we know the problem exists.
        </p>
        <h2>Supervision</h2>
        <p>
          The Agency for Digital Government (Digg) is responsible for supervising the act. If you are not happy with how we handle
          your comments, you can <a href={DIGG_REPORT_URL}>report it to the Agency for Digital Government</a>.
        </p>
        <h2>Technical information about the accessibility of the website</h2>
        <p>This website is partially compliant with the act on accessibility of digital public services, because of the gaps below.</p>
        <h3>Content that is not accessible</h3>
        <ul>
          <li>Documents attached by staff (for example PDF files) may not be accessible. We check new documents before we publish them.</li>
          <li>Content in languages other than Swedish and English is not available yet.</li>
        </ul>
        <h2>How we tested the website</h2>
        <p>
          We have assessed the website ourselves. Every page is checked automatically with axe against WCAG 2.1 level AA each time the
          code changes, and we test with the keyboard only and with a screen reader. The latest assessment was made on 26 November
          2026.
        </p>
        <p>This statement was last updated on 26 November 2026.</p>
      </div>
    );
  }
  return (
    <div class="prose">
      <h1>Tillgänglighet för Klarsvar</h1>
      <p>
        Socialförvaltningen i Exempelstads kommun står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda
        den. Här beskriver vi hur Klarsvar uppfyller lagen om tillgänglighet till digital offentlig service, vilka problem vi känner
        till och hur du kan berätta om brister för oss så att vi kan rätta dem.
      </p>
      <h2>Hur tillgänglig är webbplatsen?</h2>
      <p>Vi vet att delar av webbplatsen inte är helt tillgängliga ännu. Läs mer under rubriken Innehåll som inte är tillgängligt.</p>
      <h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
      <p>
        Om du behöver innehåll från webbplatsen i en annan form kan du skicka e-post till{" "}
        <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a> eller ringa oss på vardagar kl. 08.00–16.30. Vi svarar inom två
        arbetsdagar.
      </p>
      <h2>Rapportera brister i webbplatsens tillgänglighet</h2>
      <p>
        Vi försöker hela tiden göra webbplatsen bättre. Om du upptäcker problem som inte står på den här sidan, eller om du tycker att
        vi inte följer lagen, <a href={`mailto:${CONTACT_EMAIL}?subject=Tillg%C3%A4nglighet`}>berätta det för oss</a> så att vi
        vet att problemet finns.
      </p>
      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd med hur vi tar hand om dina synpunkter
        kan du <a href={DIGG_REPORT_URL}>anmäla det till Myndigheten för digital förvaltning</a>.
      </p>
      <h2>Teknisk information om webbplatsens tillgänglighet</h2>
      <p>Webbplatsen följer delvis lagen om tillgänglighet till digital offentlig service, på grund av bristerna nedan.</p>
      <h3>Innehåll som inte är tillgängligt</h3>
      <ul>
        <li>Dokument som personalen bifogar (till exempel pdf-filer) kan vara svåra att läsa med hjälpmedel. Vi kontrollerar nya dokument innan vi publicerar dem.</li>
        <li>Innehåll på andra språk än svenska och engelska finns inte ännu.</li>
      </ul>
      <h2>Hur vi testat webbplatsen</h2>
      <p>
        Vi har själva bedömt webbplatsen. Varje sida kontrolleras automatiskt med verktyget axe mot WCAG 2.1 nivå AA varje gång koden
        ändras, och vi testar med bara tangentbord och med skärmläsare. Den senaste bedömningen gjordes den 26 november 2026.
      </p>
      <p>Den här redogörelsen uppdaterades senast den 26 november 2026.</p>
    </div>
  );
}

export function PrivacyNotice({ ctx, sessionHours }: { ctx: PageContext; sessionHours: number }): JSX.Element {
  if (ctx.lang === "en") {
    return (
      <div class="prose">
        <h1>How we handle personal data</h1>
        <p>
          The Social Welfare Committee of Exempelstad Municipality is responsible for the personal data in Klarsvar. We only process
          what we need to answer you and to do our job as a public authority.
        </p>
        <h2>What we store, why and for how long</h2>
        <div class="table-wrap">
          <table class="table">
            <caption class="table__caption">Personal data in Klarsvar</caption>
            <thead>
              <tr><th scope="col">What</th><th scope="col">Why</th><th scope="col">How long</th></tr>
            </thead>
            <tbody>
              <tr><td>What you write to us, and the name and contact details you give</td><td>To answer you. Letters to an authority are public documents that we must register and keep (the Archives Act).</td><td>According to our retention rules, then disposed of or archived</td></tr>
              <tr><td>Staff accounts: name, email, roles and units</td><td>To let staff sign in and to know who did what</td><td>As long as the person works here</td></tr>
              <tr><td>Sign-in sessions: IP address and browser</td><td>Security</td><td>{sessionHours} hours, then removed</td></tr>
              <tr><td>Audit log: who did what and when</td><td>Security and accountability, including every time someone opens a secret record</td><td>According to our retention rules</td></tr>
            </tbody>
          </table>
        </div>
        <h2>Legal basis</h2>
        <p>We process personal data to perform tasks in the public interest and to exercise official authority (GDPR article 6.1 e), and to meet legal obligations such as the Archives Act (article 6.1 c).</p>
        <h2>Sensitive data</h2>
        <p>
          What you write about your health, your family or your contacts with the social services is sensitive personal data (GDPR
          article 9). We process it only when the social services need it for their work, under article 9.2 h (social care) and 9.2 g
          (substantial public interest), chapter 3, section 3 of the Swedish Data Protection Act (2018:218) and the Act on the processing
          of personal data in the social services (2001:454). It is confidential (Public Access to Information and Secrecy Act, chapter 26):
          only the staff who work with your matter may read it, and every time someone opens it is logged. Please do not write sensitive
          details in an e-mail; call us instead.
        </p>
        <h2>Journalists on our press lists</h2>
        <p>We keep the name, e-mail address, phone number and newsroom of journalists who receive our press releases, as part of our task to inform the public (article 6.1 e), or with their consent. Anyone can stop the mailings with one click and ask to be removed.</p>
        <h2>Cookies</h2>
        <p>We only use cookies that the website needs: one that keeps staff signed in, one that protects forms, and one that remembers your language. We do not track you and use no analytics cookies.</p>
        <h2>Your rights</h2>
        <p>You have the right to know what data we have about you, to have wrong data corrected, and in some cases to have processing restricted. Public documents cannot always be erased.</p>
        <p>
          Our data protection officer is <span safe>{ctx.organisation.dpo.name}</span>: <a href={`mailto:${ctx.organisation.dpo.email}`} safe>{ctx.organisation.dpo.email}</a>.
        </p>
        <p>If you think we handle your data wrongly you can complain to the Swedish Authority for Privacy Protection (IMY).</p>
      </div>
    );
  }
  return (
    <div class="prose">
      <h1>Så hanterar vi personuppgifter</h1>
      <p>
        Socialnämnden i Exempelstads kommun ansvarar för personuppgifterna i Klarsvar. Vi använder bara de uppgifter vi behöver för
        att svara dig och för att göra vårt arbete som myndighet.
      </p>
      <h2>Vad vi sparar, varför och hur länge</h2>
      <div class="table-wrap">
        <table class="table">
          <caption class="table__caption">Personuppgifter i Klarsvar</caption>
          <thead>
            <tr><th scope="col">Vad</th><th scope="col">Varför</th><th scope="col">Hur länge</th></tr>
          </thead>
          <tbody>
            <tr><td>Det du skriver till oss, och namn och kontaktuppgifter som du lämnar</td><td>För att kunna svara dig. Brev till en myndighet är allmänna handlingar som vi måste registrera och spara enligt arkivlagen.</td><td>Enligt våra regler för gallring, sedan tas de bort eller arkiveras</td></tr>
            <tr><td>Konton för personal: namn, e-post, roller och enheter</td><td>För att personalen ska kunna logga in och för att vi ska veta vem som gjort vad</td><td>Så länge personen arbetar här</td></tr>
            <tr><td>Inloggningar: IP-adress och webbläsare</td><td>För säkerheten</td><td>{sessionHours} timmar, sedan tas de bort</td></tr>
            <tr><td>Händelselogg: vem som gjort vad och när</td><td>För säkerheten och för att kunna granska arbetet, till exempel varje gång någon öppnar en sekretessmarkerad uppgift</td><td>Enligt våra regler för gallring</td></tr>
          </tbody>
        </table>
      </div>
      <h2>Varför vi får behandla uppgifterna</h2>
      <p>Vi behandlar personuppgifter för att utföra uppgifter av allmänt intresse och som myndighet (artikel 6.1 e i dataskyddsförordningen), och för att följa lagar som arkivlagen (artikel 6.1 c).</p>
      <h2>Känsliga uppgifter</h2>
      <p>
        Det du skriver om din hälsa, din familj eller dina kontakter med socialtjänsten är känsliga personuppgifter (artikel 9 i
        dataskyddsförordningen). Vi behandlar dem bara när socialtjänsten behöver dem i sitt arbete. Stödet finns i artikel 9.2 h (social
        omsorg) och 9.2 g (viktigt allmänt intresse), i 3 kap. 3 § dataskyddslagen (2018:218) och i lagen (2001:454) om behandling av
        personuppgifter inom socialtjänsten. Uppgifterna omfattas av sekretess (26 kap. offentlighets- och sekretesslagen). Bara de som
        arbetar med ditt ärende får läsa dem, och varje gång någon öppnar dem skrivs det i en logg. Skriv helst inte känsliga uppgifter i
        e-post. Ring oss hellre.
      </p>
      <h2>Journalister i våra presslistor</h2>
      <p>Vi sparar namn, e-postadress, telefonnummer och redaktion för journalister som får våra pressmeddelanden. Det är en del av vår uppgift att informera (artikel 6.1 e), eller så har journalisten sagt ja. Alla kan sluta få utskicken med ett klick och be oss ta bort uppgifterna.</p>
      <h2>Kakor</h2>
      <p>Vi använder bara kakor som webbplatsen behöver: en som håller personalen inloggad, en som skyddar formulär och en som kommer ihåg ditt språk. Vi följer inte vad du gör och använder inga kakor för statistik.</p>
      <h2>Dina rättigheter</h2>
      <p>Du har rätt att få veta vilka uppgifter vi har om dig, att få fel rättade och i vissa fall att vi begränsar hur vi använder dem. Allmänna handlingar går inte alltid att ta bort.</p>
      <p>
        Vårt dataskyddsombud är <span safe>{ctx.organisation.dpo.name}</span>: <a href={`mailto:${ctx.organisation.dpo.email}`} safe>{ctx.organisation.dpo.email}</a>.
      </p>
      <p>Om du tycker att vi hanterar dina uppgifter fel kan du klaga till Integritetsskyddsmyndigheten (IMY).</p>
    </div>
  );
}
