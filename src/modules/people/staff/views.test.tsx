/** The people pages speak both languages: the invitation's dates inside a sentence, counts in the right form. */
import { describe, expect, it } from "vitest";
import type { StaffUser } from "../../../platform/db/schema.js";
import { translator } from "../../../platform/i18n/i18n.js";
import type { Lang } from "../../../platform/i18n/messages.js";
import type { PageContext } from "../../../views/context.js";
import type { UnitNode } from "../queries.js";
import { PersonPage, UnitTreePage } from "./views.js";

const ctxIn = (lang: Lang): PageContext => ({
  lang,
  t: translator(lang),
  user: null,
  csrfToken: "tok",
  path: "/arbetsyta/admin/personal/x",
  demo: false,
  requestId: "r1",
  organisation: {
    name: "Socialförvaltningen",
    phone: "070-174 06 10",
    email: "kontakt@example.se",
    outOfHoursPhone: "070-174 06 05",
    openingHours: "vardagar",
    openingHoursEn: "on weekdays",
    dpo: { name: "Dataskyddsombudet", email: "dso@example.se" },
  },
});

const user = {
  id: "00000000-0000-4000-8000-000000000001",
  name: "Anna <Andersson>",
  email: "anna@example.se",
  roles: ["employee"],
  active: true,
  deactivated_at: null,
  password_hash: null,
  oidc_subject: null,
  last_login_at: null,
  secrecy_right: false,
} as unknown as StaffUser;

const person = (lang: Lang, historyTotal: number) =>
  String(
    <PersonPage
      ctx={ctxIn(lang)}
      person={{
        user,
        status: "invited",
        unitIds: [],
        invitation: {
          sentAt: new Date("2026-11-30T08:05:00Z"),
          expiresAt: new Date("2026-12-03T08:05:00Z"),
          open: true,
        },
      }}
      self={false}
      units={[]}
      sessions={[]}
      history={[]}
      historyTotal={historyTotal}
      historyPage={1}
      historyPageSize={25}
      state={{
        form: { name: "", email: "", roles: [], units: [], secrecy: false, reason: "" },
        errors: [],
        done: "inbjuden",
      }}
    />,
  );

describe("a person's page", () => {
  it("says when the invitation was sent and until when it works, with the dates as <time>", () => {
    expect(person("sv", 0)).toContain(
      'Skickad <time datetime="2026-11-30T08:05:00.000Z">2026-11-30 09:05</time>. Länken gäller till <time datetime="2026-12-03T08:05:00.000Z">2026-12-03 09:05</time>.',
    );
    expect(person("en", 0)).toContain('Sent <time datetime="2026-11-30T08:05:00.000Z">30/11/2026, 09:05</time>.');
  });

  it("escapes the person's name and speaks English on an English page", () => {
    const html = person("en", 0);
    expect(html).toContain("<h1>Anna &lt;Andersson");
    expect(html).toContain("The invitation has been sent.");
    expect(html).toContain("Deactivate the account");
    expect(html).not.toContain("Stäng av kontot");
  });
});

describe("the unit tree", () => {
  const node = (members: number, managers: string[]): UnitNode => ({
    id: "00000000-0000-4000-8000-000000000002",
    name: "Barn och familj",
    description: null,
    parentId: null,
    intake: false,
    depth: 0,
    members,
    managers,
    children: [],
  });
  it("counts members in both languages", () => {
    expect(String(<UnitTreePage ctx={ctxIn("sv")} tree={[node(1, ["Eva"])]} />)).toContain("1 medarbetare. Chef: Eva.");
    expect(String(<UnitTreePage ctx={ctxIn("en")} tree={[node(1, [])]} />)).toContain("1 member. No manager.");
    expect(String(<UnitTreePage ctx={ctxIn("en")} tree={[node(3, [])]} />)).toContain("3 members. No manager.");
  });
});
