import { describe, expect, it } from "vitest";
import { translator } from "../platform/i18n/i18n.js";
import type { PageContext } from "./context.js";
import {
  DateTimeField,
  FileField,
  BarChart,
  CheckboxField,
  ErrorSummary,
  niceTicks,
  pageWindow,
  Pagination,
  PhoneLink,
  RadioGroup,
  Table,
  telHref,
  TextField,
} from "./components.js";
import { Layout } from "./layout.js";

const ctx: PageContext = {
  lang: "sv",
  t: translator("sv"),
  user: null,
  csrfToken: "tok",
  path: "/x?y=1",
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
};

describe("UI kit", () => {
  it("error summary links each message to its field", () => {
    const html = (
      <ErrorSummary ctx={ctx} errors={[{ field: "email", message: "Skriv din e-postadress" }]} />
    ) as string;
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#email">Skriv din e-postadress</a>');
    expect((<ErrorSummary ctx={ctx} errors={[]} />) as string).toBe("");
  });

  it("a field with an error is labelled, described and marked invalid", () => {
    const html = (
      <TextField name="email" label="E-post" hint="Vi svarar hit" error="Skriv din e-postadress" value="a@b" />
    ) as string;
    expect(html).toContain('<label class="field__label" for="email">E-post</label>');
    expect(html).toContain('aria-describedby="email-hint email-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="a@b"');
  });

  it("never echoes a typed password back", () => {
    expect((<TextField name="p" label="Lösenord" type="password" value="hemligt" />) as string).not.toContain(
      "hemligt",
    );
  });

  it("escapes what people typed, in text and in attributes", () => {
    const evil = '<script>alert(1)</script>"';
    const html = (<TextField name="q" label={evil} value={evil} error={evil} />) as string;
    // Text: "<" is escaped, so no tag can start. Attributes: the quote is escaped, so the value cannot end early.
    expect(html).toContain('<label class="field__label" for="q">&lt;script>alert(1)&lt;/script>&#34;</label>');
    expect(html).toContain('value="<script>alert(1)</script>&#34;"');
    expect(html.replace(/value="[^"]*"/g, "")).not.toContain("<script>");
    const table = (
      <Table caption="T" columns={[{ header: "H", cell: (r: string) => <span safe>{r}</span> }]} rows={[evil]} />
    ) as string;
    expect(table).toContain("<span>&lt;script>alert(1)&lt;/script>");
  });

  it("pagination shows first, last and neighbours, and marks the current page", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    const html = (<Pagination ctx={ctx} page={2} pageSize={10} total={35} href={(n) => `/l?sida=${n}`} />) as string;
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('rel="prev"');
    expect(html).toContain('href="/l?sida=4"');
    expect((<Pagination ctx={ctx} page={1} pageSize={10} total={5} href={() => ""} />) as string).toBe("");
  });

  it("draws a bar chart as an accessible SVG with the numbers in a table", () => {
    const html = (
      <BarChart
        ctx={ctx}
        id="c"
        title="Frågor per dag"
        data={[
          { label: "mån", value: 3 },
          { label: "tis", value: 7 },
        ]}
      />
    ) as string;
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="c-title c-desc"');
    expect(html).toContain('<desc id="c-desc">mån: 3, tis: 7</desc>');
    expect((html.match(/<rect /g) ?? []).length).toBe(2);
    expect(html).toContain("<table");
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
  });

  it("the layout sets lang, a skip link, and prefixes the title on errors", () => {
    const html = (
      <Layout ctx={ctx} title="Logga in" side="public" nav={[{ href: "/x", label: "X" }]} hasErrors>
        {"<p>innehåll</p>"}
      </Layout>
    ) as string;
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain("<title>Fel: Logga in – Klarsvar</title>");
    expect(html).toContain('href="/sprak/en?tillbaka=%2Fx%3Fy%3D1"');
    expect(html).toContain('aria-current="page"');
  });

  it("a radio group ties its hint and error to the fieldset, and the error links to the first option", () => {
    const html = (
      <RadioGroup
        name="besked"
        legend="Vilket besked?"
        hint="Välj ett"
        error="Välj vilket besked"
        options={[
          { value: "a", label: "A" },
          { value: "b", label: "B" },
        ]}
      />
    ) as string;
    expect(html).toContain('aria-describedby="besked-hint besked-error"');
    expect(html).toContain('id="besked-error"');
    expect(html).toContain('<input type="radio" id="besked" name="besked" value="a"');
    expect(html).toContain('id="besked-1"');
    expect(html).toContain("<legend");
  });

  it("a checkbox has its label and its error wired", () => {
    const html = (<CheckboxField name="yrke" label="I mitt arbete" error="Bekräfta" />) as string;
    expect(html).toContain('<label for="yrke">I mitt arbete</label>');
    expect(html).toContain('aria-describedby="yrke-error"');
  });

  it("phone numbers become tel: links in international form", () => {
    expect(telHref("070-174 06 05")).toBe("tel:+46701740605");
    expect(telHref("112")).toBe("tel:112");
    expect(telHref("+46 8 123 45")).toBe("tel:+46812345");
    expect((<PhoneLink number="112" />) as string).toContain('href="tel:112"');
  });

  it("file and date-time fields have their label, hint and error wired", () => {
    const file = (
      <FileField name="file" label="Bilaga" hint="Högst 10 MB" error="Välj en pdf-fil" accept=".pdf" />
    ) as string;
    expect(file).toContain('<label class="field__label" for="file">Bilaga</label>');
    expect(file).toContain('aria-describedby="file-hint file-error"');
    expect(file).toContain('type="file"');
    const when = (
      <DateTimeField name="when" label="När" hint="Till exempel 2026-12-01 14:30" value="2026-12-01T14:30" />
    ) as string;
    expect(when).toContain('type="datetime-local"');
    expect(when).toContain('value="2026-12-01T14:30"');
    expect(when).toContain('aria-describedby="when-hint"');
  });
});
