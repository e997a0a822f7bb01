import { escapeHtml } from "@kitajs/html";
import { describe, expect, it } from "vitest";
import { allMessages, formatDateTime, translator } from "./i18n.js";

describe("i18n", () => {
  it("has every Swedish message in English too, none empty", () => {
    const sv = allMessages("sv");
    const en = allMessages("en");
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe("");
  });

  it("fills in parameters, and counts in the right plural form in both languages", () => {
    const sv = translator("sv");
    const en = translator("en");
    expect(sv("workspace.greeting", { name: "Sara" })).toBe("Hej Sara!");
    expect(sv("audit.count", { count: 1 })).toBe("1 händelse");
    expect(sv("audit.count", { count: 2 })).toBe("2 händelser");
    expect(sv("audit.count", { count: 1250 })).toBe("1\u00a0250 händelser");
    expect(en("audit.count", { count: 1 })).toBe("1 event");
    expect(en("audit.count", { count: 1250 })).toBe("1,250 events");
    expect(sv("workspace.mailboxesDown", { count: 2 })).toBe("2 e-postlådor går inte att läsa. Se vad som är fel.");
    expect(sv("workspace.unanswered", { count: 1, overdue: 1 })).toBe("1 fråga väntar på svar, 1 är försenad");
  });

  it("shows times in Stockholm time", () => {
    expect(formatDateTime(new Date("2026-07-01T10:00:00Z"), "sv")).toBe("2026-07-01 12:00");
    expect(formatDateTime(new Date("2026-12-01T10:00:00Z"), "sv")).toBe("2026-12-01 11:00");
  });
});

describe("rich messages", () => {
  it("escapes every piece of text and keeps only the tags' markup", async () => {
    const { defineMessages, sayer } = await import("./messages.js");
    const m = defineMessages(
      "t",
      { contact: "Skriv till <mail>{email}</mail> & ring {name}." },
      { contact: "Write to <mail>{email}</mail> & call {name}." },
    );
    const say = sayer(m, "sv");
    const html = say.rich("contact", {
      email: "a@example.se",
      name: "<b>Eva</b>",
      mail: (text) => `<a href="mailto:a@example.se">${escapeHtml(text)}</a>`,
    });
    expect(html).toBe('Skriv till <a href="mailto:a@example.se">a@example.se</a> &amp; ring &lt;b>Eva&lt;/b>.');
    // The tag gets plain text and escapes it once: "Barn & unga", never "Barn &amp;amp; unga".
    const tagged = say.rich("contact", {
      email: "Barn & unga",
      name: "x",
      mail: (text) => `<strong>${escapeHtml(text)}</strong>`,
    });
    expect(tagged).toContain("<strong>Barn &amp; unga</strong>");
  });
});
