/**
 * Message catalogues: every text a person reads lives in one, in Swedish and English, as an
 * ICU message (intl-messageformat). Plurals, numbers, dates and times go through `Intl` in
 * sv-SE / en-GB, so "1 ärende" and "2 ärenden", "0,2 timmar" and "30 november 2026 kl. 06:48"
 * come out right in both languages:
 *
 *   export const messages = defineMessages("inbox", {
 *     waiting: "{count, plural, one {# obesvarat ärende} other {# obesvarade ärenden}}",
 *     received: "Kom in {when, date, long} kl. {when, time, short}",
 *   }, {
 *     waiting: "{count, plural, one {# unanswered case} other {# unanswered cases}}",
 *     received: "Arrived {when, date, long} at {when, time, short}",
 *   });
 *   const say = sayer(messages, ctx.lang);
 *   say("waiting", { count: 1 }); // "1 obesvarat ärende"
 *
 * English must have every Swedish key (a type error otherwise); `test/messages.test.ts`
 * checks every registered catalogue: each message parses, both languages take the same
 * arguments, and a count is never written without its plural form.
 */
import { escapeHtml } from "@kitajs/html";
import { IntlMessageFormat } from "intl-messageformat";

export type Lang = "sv" | "en";
export type MessageParams = Readonly<Record<string, string | number | Date>>;

export interface Catalogue<K extends string = string> {
  /** The module (or "platform") the words belong to. */
  readonly name: string;
  readonly sv: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

export function defineMessages<const S extends Record<string, string>>(
  name: string,
  sv: S,
  en: { readonly [K in keyof S]: string },
): Catalogue<keyof S & string> {
  return { name, sv, en };
}

const TIME_ZONE = "Europe/Stockholm";

/** Named formats usable in messages: `{when, date, long}`, `{when, time, short}`, `{when, date, stamp}`. */
export const FORMATS = {
  number: {
    /** Whole kronor: "1 250 kr". */
    kronor: { style: "currency", currency: "SEK", maximumFractionDigits: 0 },
    /** One decimal: "0,2". */
    one: { maximumFractionDigits: 1 },
    percent: { style: "percent", maximumFractionDigits: 0 },
  },
  date: {
    short: { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" },
    medium: { timeZone: TIME_ZONE, year: "numeric", month: "short", day: "numeric" },
    long: { timeZone: TIME_ZONE, year: "numeric", month: "long", day: "numeric" },
    /** Date and time together, for lists: "2026-11-30 06:48". */
    stamp: {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    },
  },
  time: {
    short: { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" },
  },
} as const;

const LOCALE: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };
const compiled = new WeakMap<Catalogue, Map<string, IntlMessageFormat>>();

function formatter(catalogue: Catalogue, lang: Lang, key: string, tags = false): IntlMessageFormat {
  let cache = compiled.get(catalogue);
  if (!cache) compiled.set(catalogue, (cache = new Map()));
  const id = `${lang}\u0000${key}\u0000${tags}`;
  let f = cache.get(id);
  if (!f) {
    const text = (catalogue[lang] as Record<string, string>)[key];
    if (text === undefined) throw new Error(`No message ${catalogue.name}.${key} in ${lang}`);
    f = new IntlMessageFormat(text, LOCALE[lang], FORMATS as never, { ignoreTag: !tags });
    cache.set(id, f);
  }
  return f;
}

/** Markup a rich message's tag produced (already escaped inside). */
interface Markup {
  readonly html: string;
}
type RichValue = string | number | Date | ((chunks: string) => JSX.Element);

/**
 * A message with links or emphasis in it, as markup: the words stay in the catalogue, the
 * markup in the view. Every piece of text — the message's own and every value — is escaped;
 * only what the tag functions return is markup.
 *
 *   contact: "Skriv till <mail>{email}</mail>, eller ring oss."
 *   sayRich(messages, lang, "contact", { email, mail: (text) => <a href={`mailto:${email}`}>{text}</a> })
 *
 * A tag function receives its inner text as plain text and returns JSX that escapes it
 * (`<a href={…} safe>{text}</a>`). Tags do not nest.
 */
export function formatRich<K extends string>(
  catalogue: Catalogue<K>,
  lang: Lang,
  key: K,
  values: Readonly<Record<string, RichValue>> = {},
): JSX.Element {
  const prepared: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    // Our views render synchronously: JSX is a string here.
    prepared[name] =
      typeof value === "function"
        ? (chunks: unknown[]): Markup => ({ html: value(chunks.map(String).join("")) as string })
        : value;
  }
  const out = formatter(catalogue as Catalogue, lang, key, true).format(prepared as never);
  return joinEscaped(Array.isArray(out) ? out : [out]);
}

function joinEscaped(parts: readonly unknown[]): string {
  return parts
    .map((p) => (p && typeof p === "object" && "html" in p ? (p as Markup).html : escapeHtml(String(p))))
    .join("");
}

/** One message in one language, with its arguments filled in. */
export function formatMessage<K extends string>(
  catalogue: Catalogue<K>,
  lang: Lang,
  key: K,
  params?: MessageParams,
): string {
  return String(
    formatter(catalogue as Catalogue, lang, key).format(params as Record<string, string | number | Date> | undefined),
  );
}

export type Say<K extends string> = (key: K, params?: MessageParams) => string;

export interface Sayer<K extends string> extends Say<K> {
  /** The same message with markup from tag functions (see `formatRich`). */
  rich(key: K, values?: Readonly<Record<string, RichValue>>): JSX.Element;
}

/** A catalogue's words in one language: `const say = sayer(messages, ctx.lang)`; `say.rich(…)` for links inside. */
export function sayer<K extends string>(catalogue: Catalogue<K>, lang: Lang): Sayer<K> {
  const say = ((key: K, params?: MessageParams) => formatMessage(catalogue, lang, key, params)) as Sayer<K>;
  say.rich = (key, values) => formatRich(catalogue, lang, key, values);
  return say;
}
