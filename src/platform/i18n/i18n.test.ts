import { describe, expect, it } from "vitest";
import { allMessages, formatDateTime, translator } from "./i18n.js";

describe("i18n", () => {
  it("has every Swedish message in English too, none empty", () => {
    const sv = allMessages("sv");
    const en = allMessages("en");
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe("");
  });

  it("fills in parameters and keeps unknown ones visible", () => {
    const t = translator("sv");
    expect(t("workspace.greeting", { name: "Sara" })).toBe("Hej Sara!");
    expect(t("workspace.greeting")).toBe("Hej {name}!");
  });

  it("shows times in Stockholm time", () => {
    expect(formatDateTime(new Date("2026-07-01T10:00:00Z"), "sv")).toBe("2026-07-01 12:00");
    expect(formatDateTime(new Date("2026-12-01T10:00:00Z"), "sv")).toBe("2026-12-01 11:00");
  });
});
