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
];

describe("secrecy on arrival", () => {
  it.each(SECRET)("is secret: %s", (text) => {
    expect(assessSecrecy(text).secret).toBe(true);
  });

  it.each(PUBLIC)("stays public: %s", (text) => {
    expect(assessSecrecy(text)).toEqual({ secret: false, reasons: [] });
  });

  it("names its reasons, and a report of concern is always secret", () => {
    expect(assessSecrecy("Mitt personnummer är 19121212-1212.").reasons).toContain("personnummer");
    expect(assessSecrecy("Något om ett barn.", { concern: true })).toEqual({ secret: true, reasons: ["orosanmälan"] });
  });
});
