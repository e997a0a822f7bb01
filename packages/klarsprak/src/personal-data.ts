/** Swedish personal identity and co-ordination numbers, phone numbers and e-mail addresses. */

export interface PersonalDataHit {
  readonly start: number;
  readonly end: number;
  readonly kind: "personnummer" | "samordningsnummer" | "telefonnummer" | "e-postadress";
  readonly text: string;
}

/** Luhn check over the ten digits YYMMDDNNNC, as Skatteverket specifies. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** "personnummer", "samordningsnummer", or null when the digits are not a valid number. */
export function classifyIdentityNumber(digits: string): "personnummer" | "samordningsnummer" | null {
  const ten = digits.length === 12 ? digits.slice(2) : digits;
  if (ten.length !== 10 || !/^\d{10}$/.test(ten)) return null;
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6));
  if (month < 1 || month > 12) return null;
  if (digits.length === 12) {
    const century = Number(digits.slice(0, 2));
    if (century < 18 || century > 20) return null;
  }
  if (!luhnValid(ten)) return null;
  if (day >= 1 && day <= 31) return "personnummer";
  if (day >= 61 && day <= 91) return "samordningsnummer";
  return null;
}

const ID_NUMBER = /(?<![\d-])(\d{6}|\d{8})([-+]?)(\d{4})(?![\d])/g;
const PHONE = /(?<![\w+])(?:\+46[\s-]?(?:\(0\)[\s-]?)?[1-9]|0[1-9])\d{0,2}(?:[\s-]?\d){5,8}(?![\d])/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/guy;
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;

function normalisePhone(s: string): string {
  const digits = s.replace(/\D/g, "");
  return digits.startsWith("46") ? `0${digits.slice(2)}` : digits;
}

/** Finds personal data in text. allow: exact strings, phone numbers in any format, or "@domain". */
export function findPersonalData(text: string, allow: readonly string[] = []): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const allowedPhones = new Set(allow.filter((a) => /\d/.test(a) && !a.includes("@")).map(normalisePhone));
  const allowedExact = new Set(allow.map((a) => a.toLowerCase()));
  const allowedDomains = allow.filter((a) => a.startsWith("@")).map((a) => a.toLowerCase());
  const taken: [number, number][] = [];
  // Whether [s, e) overlaps a taken range: the ranges sorted by start with the running
  // maximum of their ends, so each phone number costs a binary search, not a walk over all.
  let takenEnds: number[] = [];
  const overlaps = (s: number, e: number) => {
    let lo = 0;
    let hi = taken.length; // the first range that starts at or after e
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((taken[mid] as [number, number])[0] < e) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (takenEnds[lo - 1] as number) > s;
  };

  ID_NUMBER.lastIndex = 0;
  for (let m = ID_NUMBER.exec(text); m; m = ID_NUMBER.exec(text)) {
    const digits = `${m[1]}${m[3]}`;
    const kind = classifyIdentityNumber(digits);
    if (!kind || allowedExact.has(m[0])) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, kind, text: m[0] });
    taken.push([m.index, m.index + m[0].length]);
  }
  // Only look where there is an "@": scanning the whole text with the pattern is slow.
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let from = at;
    while (from > 0 && from > at - 100 && LOCAL_CHAR.test(text[from - 1] as string)) from--;
    EMAIL.lastIndex = from;
    const m = EMAIL.exec(text);
    if (!m || m.index !== from) continue;
    const lower = m[0].toLowerCase();
    if (allowedExact.has(lower) || allowedDomains.some((d) => lower.endsWith(d))) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, kind: "e-postadress", text: m[0] });
    taken.push([m.index, m.index + m[0].length]);
  }
  taken.sort((x, y) => x[0] - y[0]);
  let maxEnd = -1;
  takenEnds = taken.map(([, b]) => (maxEnd = Math.max(maxEnd, b)));
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    const raw = m[0].trimEnd();
    const end = m.index + raw.length;
    const national = normalisePhone(raw);
    if (national.length < 8 || national.length > 11 || overlaps(m.index, end) || allowedPhones.has(national)) continue;
    hits.push({ start: m.index, end, kind: "telefonnummer", text: raw });
  }
  return hits.sort((a, b) => a.start - b.start);
}
