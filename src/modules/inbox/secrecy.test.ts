import { describe, expect, it } from "vitest";
import { assessSecrecy } from "./secrecy.js";

// Fictional messages. Secret: someone writes about their own or their family's matter.
const SECRET = [
  "Hej, min handläggare har inte svarat på tre veckor. Vad gör jag?",
  "Vad händer med min ansökan om försörjningsstöd för december?",
  "Jag har fått avslag på bistånd till tandvård och vill överklaga.",
  "Vi har sökt om försörjningsstöd men inte fått något beslut.",
  "Mitt personnummer är 19121212-1212, kan ni kolla min ansökan?",
  "Kan jag få läsa utredningen om min son?",
  "Min dotters placering ska ändras, när får vi veta mer?",
  "Jag dricker för mycket och behöver hjälp, vem kan jag prata med?",
  "Min sambo hotar mig och jag vågar inte åka hem.",
  "Hur länge gäller vårt beslut om boendestöd?",
  "Kan jag byta kontaktperson? Min kontaktperson kommer aldrig.",
  "Jag blev vräkt förra månaden och har ingenstans att bo.",
  "Hej! Vår familjehemsplacering upphör i januari, vad händer sen?",
  "Jag vill ha ut min journal från socialtjänsten.",
  // Written with the new rules: one's own matter without the words "min ansökan".
  "Jag har fått avslag på bostadsanpassningen och vill överklaga.",
  "Jag blev uppsagd i förra veckan och har inga pengar till hyran.",
  "Mitt ex har hittat var jag bor, jag behöver plats på ett skyddat boende.",
  "Kan Karin på mottagningen ringa mig om det jag skrev i måndags?",
  "Hon heter Siv Berg och har hemtjänst, men ingen har kommit sedan i tisdags.",
  "Det bor en äldre man på Lindvägen 5 som inte klarar sig, han har hemtjänst men de kommer sällan.",
  "Min pappa super varje helg och jag orkar inte längre.",
  "Jag har tagit mig ur missbruket och behöver hjälp med ett boende. Jag har varit på behandlingshem i ett år.",
  "Han tar min lön och låter mig inte ha en egen bankdosa.",
  "Hej Sara, här är kontoutdragen du bad om.",
  "My social worker has not called me back about the decision.",
];

// Public: general questions, also those that use the same words.
const PUBLIC = [
  "Hur ansöker man om försörjningsstöd?",
  "Vilka handläggare arbetar med ekonomiskt bistånd?",
  "Hur lång tid tar ett beslut om bistånd i genomsnitt?",
  "Kan man få en kontaktperson genom LSS? Vad krävs?",
  "Hej! Kan jag få hjälp att göra en budget? Räkningarna blir för många.",
  "När har ni öppet i mellandagarna?",
  "Jag är journalist och undrar hur många placeringar kommunen gjorde 2025.",
  "Hur överklagar man ett beslut från socialnämnden?",
  "Var kan jag läsa om familjehem? Jag funderar på att bli familjehem.",
  "Finns det skuldrådgivning i kommunen?",
  // Same words as a secret message, but no one's own matter.
  "Vad händer om man inte har fått pengarna i tid?",
  "Har du ingenstans att bo? Ring socialjouren.",
  "Hur vet man om någon dricker för mycket?",
  "Vilka ansökningar har inte fått beslut i tid?",
  "Kommer ni till presskonferensen om hemlöshet på fredag?",
  "Jag är socialsekreterare i en annan kommun och undrar hur ni arbetar med Bostad först.",
  "Kan man få hjälp med hyran om man är sjukskriven?",
  "Vad gör en handläggare på ekonomiskt bistånd?",
  "Var hittar jag blanketten för ansökan om försörjningsstöd?",
  "Hej Anna! Tack för ett bra svar om öppettiderna.",
  "Vi är en förening som stöttar kvinnor i skyddat boende, kan vi samarbeta?",
  "Kan en pappa få försörjningsstöd för sina barn?",
  "Lämna ansökan om bistånd på Torggatan 3, eller skicka den med post.",
  "Tjejen på mottagningen var jättetrevlig när jag ringde!",
  "Jag undrar om Anna på mottagningen fortfarande jobbar kvar?",
  "Jag jobbar inom hemtjänsten och undrar hur man gör en lex Sarah-rapport.",
  "How do I apply for financial support?",
];

describe("secrecy on arrival", () => {
  it.each(SECRET)("is secret: %s", (text) => {
    expect(assessSecrecy(text).secret).toBe(true);
  });

  it.each(PUBLIC)("stays public: %s", (text) => {
    expect(assessSecrecy(text)).toEqual({ secret: false, reasons: [] });
  });

  it("names its reasons", () => {
    expect(assessSecrecy("Mitt personnummer är 19121212-1212.").reasons).toContain("personnummer");
    // The web form test (test/inbox.test.ts) expects exactly this reason.
    expect(assessSecrecy("Jag har frågor om mitt eget ärende om missbruksvård.").reasons).toEqual(["eget ärende"]);
    expect(assessSecrecy("Min sambo slog mig i går.").reasons).toContain("våld");
    expect(assessSecrecy("Jag har skyddad identitet.").reasons).toEqual(["skyddat boende"]);
    expect(assessSecrecy("Kan handläggare Mikael Lund ringa mig?").reasons).toEqual(["namngiven handläggare"]);
    expect(assessSecrecy("Min granne Tolvan har slutat få hemtjänst.").reasons).toContain("namngiven person");
  });

  it("counts a mistyped personal identity number as one, but not a phone number", () => {
    // 19121212-1212 is Skatteverket's test person; the others have a wrong check digit.
    for (const text of ["pnr 19121212-1213", "121212-1213 här", "mitt pnr är 191212121214"]) {
      expect(assessSecrecy(text).reasons).toEqual(["personnummer"]);
    }
    expect(assessSecrecy("Ring mig på 0701740605 eller 070-174 06 05.").secret).toBe(false);
    expect(assessSecrecy("Ärendet SOC-2026-000123 gäller avtalet från 2026-03-12.").secret).toBe(false);
  });

  it("makes a report of concern secret, unless it only asks in general and names no one", () => {
    expect(assessSecrecy("Något om ett barn.", { concern: true })).toEqual({ secret: true, reasons: ["orosanmälan"] });
    expect(assessSecrecy("Grannens pojke har blåmärken, vad gör man?", { concern: true }).secret).toBe(true);
    expect(
      assessSecrecy("Vad ska jag göra? Barnet i lägenheten bredvid gråter hela nätterna.", { concern: true }).secret,
    ).toBe(true);
    expect(assessSecrecy("Får en orosanmälan göras anonymt?", { concern: true })).toEqual({
      secret: false,
      reasons: [],
    });
    expect(
      assessSecrecy("Jag är lärare. Hur gör man en orosanmälan om ett barn far illa?", { concern: true }).secret,
    ).toBe(false);
  });
});
