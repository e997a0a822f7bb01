/** The klarspråk module's words: the public Klarspråkskollen page (the editor's panel words are the platform's). */
import { defineMessages } from "../../platform/i18n/messages.js";

export const messages = defineMessages(
  "klarsprak",
  {
    "page.title": "Klarspråkskollen",
    "page.lead":
      "Klistra in en text och se hur lätt den är att läsa. Du får förslag på vad du kan ändra. Vi sparar inte texten.",
    "form.text.label": "Din text",
    "form.text.hint": "Högst 200 000 tecken. Du kan skriva vanlig text, Markdown eller HTML.",
    "form.text.empty": "Skriv eller klistra in en text",
    "form.text.long": "Texten är för lång. Den får vara högst 200 000 tecken.",
    "form.format.legend": "Typ av text",
    "form.format.text": "Vanlig text",
    "form.format.markdown": "Markdown",
    "form.format.html": "HTML",
    "form.submit": "Granska",
    "highlighted.title": "Din text med markeringar",
  },
  {
    "page.title": "Plain language check (Klarspråkskollen)",
    "page.lead":
      "Paste a Swedish text and see how easy it is to read. You get suggestions for what to change. We do not keep the text.",
    "form.text.label": "Your text",
    "form.text.hint": "At most 200,000 characters. Plain text, Markdown or HTML.",
    "form.text.empty": "Write or paste a text",
    "form.text.long": "The text is too long. It may have at most 200,000 characters.",
    "form.format.legend": "Kind of text",
    "form.format.text": "Plain text",
    "form.format.markdown": "Markdown",
    "form.format.html": "HTML",
    "form.submit": "Check",
    "highlighted.title": "Your text with markings",
  },
);
