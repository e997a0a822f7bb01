/**
 * Public content pages. The accessibility statement follows Digg's model structure; the
 * privacy notice says what is stored, why and for how long (GDPR art. 13–14). Every word is
 * in the module's catalogue (../messages.ts); the organisation's facts — phone numbers,
 * hours, addresses, the data-protection officer — come from the configuration.
 */
import { sayer } from "../../../platform/i18n/messages.js";
import { PhoneLink } from "../../../views/components.js";
import type { PageContext } from "../../../views/context.js";
import { messages } from "../messages.js";

/** When the accessibility of the service was last assessed, and the statement updated. */
export const ACCESSIBILITY_ASSESSED = new Date("2026-11-26T12:00:00Z");
const DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan";

/** The organisation's facts as the pages use them, in the page's language. */
function facts(ctx: PageContext) {
  const o = ctx.organisation;
  return { ...o, hours: ctx.lang === "sv" ? o.openingHours : o.openingHoursEn };
}

export function StartPage({ ctx, orgName }: { ctx: PageContext; orgName: string }): JSX.Element {
  const say = sayer(messages, ctx.lang);
  const o = facts(ctx);
  const tel = (n: string) => () => <PhoneLink number={n} />;
  return (
    <>
      <h1 safe>{orgName}</h1>
      <p class="lead" safe>
        {say("start.lead")}
      </p>
      <div class="cards">
        <section class="card" aria-labelledby="contact-title">
          <h2 id="contact-title" safe>
            {say("start.contact.title")}
          </h2>
          <p safe>{say("start.contact.hours", { openingHours: o.hours })}</p>
          <p>{say.rich("start.contact.phone", { phone: o.phone, tel: tel(o.phone) })}</p>
          <p>{say.rich("start.contact.email", { email: o.email, mail: (text) => <a href={`mailto:${o.email}`} safe>{text}</a> })}</p>
        </section>
        <section class="card card--urgent" aria-labelledby="urgent-title">
          <h2 id="urgent-title" safe>
            {say("start.urgent.title")}
          </h2>
          <p>{say.rich("start.urgent.outOfHours", { phone: o.outOfHoursPhone, tel: tel(o.outOfHoursPhone) })}</p>
          <p>
            <strong>{say.rich("start.urgent.emergency", { tel: tel("112") })}</strong>
          </p>
        </section>
        <section class="card" aria-labelledby="worry-title">
          <h2 id="worry-title" safe>
            {say("start.worry.title")}
          </h2>
          <p>
            {say.rich("start.worry.text", {
              phone: o.phone,
              openingHours: o.hours,
              outOfHours: o.outOfHoursPhone,
              tel: tel(o.phone),
              oohtel: tel(o.outOfHoursPhone),
            })}
          </p>
        </section>
      </div>
    </>
  );
}

export function AccessibilityStatement({ ctx }: { ctx: PageContext }): JSX.Element {
  const say = sayer(messages, ctx.lang);
  const o = facts(ctx);
  const mail = (subject?: string) => (text: string) => (
    <a href={`mailto:${o.email}${subject ? `?subject=${encodeURIComponent(subject)}` : ""}`} safe>
      {text}
    </a>
  );
  return (
    <div class="prose">
      <h1 safe>{say("access.title")}</h1>
      <p safe>{say("access.intro", { org: o.name })}</p>
      <h2 safe>{say("access.how.title")}</h2>
      <p safe>{say("access.how.text")}</p>
      <h2 safe>{say("access.other.title")}</h2>
      <p>
        {say.rich("access.other.text", { email: o.email, phone: o.phone, openingHours: o.hours, mail: mail(), tel: () => <PhoneLink number={o.phone} /> })}
      </p>
      <h2 safe>{say("access.report.title")}</h2>
      <p>{say.rich("access.report.text", { mail: mail(say("access.title")) })}</p>
      <h2 safe>{say("access.supervision.title")}</h2>
      <p>{say.rich("access.supervision.text", { digg: (text) => <a href={DIGG_REPORT_URL} safe>{text}</a> })}</p>
      <h2 safe>{say("access.technical.title")}</h2>
      <p safe>{say("access.technical.text")}</p>
      <h3 safe>{say("access.gaps.title")}</h3>
      <ul>
        <li safe>{say("access.gaps.documents")}</li>
        <li safe>{say("access.gaps.languages")}</li>
      </ul>
      <h2 safe>{say("access.tested.title")}</h2>
      <p safe>{say("access.tested.text", { assessed: ACCESSIBILITY_ASSESSED })}</p>
      <p safe>{say("access.updated", { updated: ACCESSIBILITY_ASSESSED })}</p>
    </div>
  );
}

export function PrivacyNotice({ ctx, sessionHours }: { ctx: PageContext; sessionHours: number }): JSX.Element {
  const say = sayer(messages, ctx.lang);
  const dpo = ctx.organisation.dpo;
  const rows = [
    ["messages", {}],
    ["staff", {}],
    ["sessions", { hours: sessionHours }],
    ["audit", {}],
  ] as const;
  return (
    <div class="prose">
      <h1 safe>{say("privacy.title")}</h1>
      <p safe>{say("privacy.intro")}</p>
      <h2 safe>{say("privacy.stored.title")}</h2>
      <div class="table-wrap" role="region" aria-label={say("privacy.stored.caption")} tabindex="0">
        <table class="table">
          <caption class="table__caption" safe>
            {say("privacy.stored.caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {say("privacy.col.what")}
              </th>
              <th scope="col" safe>
                {say("privacy.col.why")}
              </th>
              <th scope="col" safe>
                {say("privacy.col.howLong")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([row, params]) => (
              <tr>
                <td safe>{say(`privacy.row.${row}.what`)}</td>
                <td safe>{say(`privacy.row.${row}.why`)}</td>
                <td safe>{say(`privacy.row.${row}.howLong`, params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 safe>{say("privacy.basis.title")}</h2>
      <p safe>{say("privacy.basis.text")}</p>
      <h2 safe>{say("privacy.sensitive.title")}</h2>
      <p safe>{say("privacy.sensitive.text")}</p>
      <h2 safe>{say("privacy.press.title")}</h2>
      <p safe>{say("privacy.press.text")}</p>
      <h2 safe>{say("privacy.cookies.title")}</h2>
      <p safe>{say("privacy.cookies.text")}</p>
      <h2 safe>{say("privacy.rights.title")}</h2>
      <p safe>{say("privacy.rights.text")}</p>
      <p>{say.rich("privacy.dpo", { name: dpo.name, email: dpo.email, mail: (text) => <a href={`mailto:${dpo.email}`} safe>{text}</a> })}</p>
      <p safe>{say("privacy.complain")}</p>
    </div>
  );
}
