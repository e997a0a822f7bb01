import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "./redirect.js";

/** Ways people have escaped "only a path" checks: each must fall back. */
const HOSTILE = [
  "//evil.example",
  "///evil.example",
  "/\t/evil.example/phish",
  "/%09/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>",
  " /arbetsyta",
  "/.//evil.example",
  "/./%2f/evil.example",
  "evil.example",
  "",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "\u2028/evil.example",
  `/${"a".repeat(600)}`,
  "/@evil.example".replace("/", "//"),
];

describe("redirect targets", () => {
  it.each(HOSTILE)("refuses %j", (value) => {
    const target = safeRedirectTarget(value, "/fallback");
    // Whatever comes back, a browser following it stays on our site.
    expect(new URL(target, "https://klarsvar.example.se").origin).toBe("https://klarsvar.example.se");
    expect(target.startsWith("//")).toBe(false);
  });

  it("keeps our own paths with their query and fragment", () => {
    expect(safeRedirectTarget("/arbetsyta/inkorg?enhet=ingen#lista", "/")).toBe("/arbetsyta/inkorg?enhet=ingen#lista");
    expect(safeRedirectTarget("/stod/ekonomiskt-bistand", "/")).toBe("/stod/ekonomiskt-bistand");
    expect(safeRedirectTarget(undefined, "/")).toBe("/");
    expect(safeRedirectTarget(["/x"], "/")).toBe("/");
  });

  it("survives a fuzzed corpus: every output stays on our origin", () => {
    const parts = [
      "/",
      "//",
      "\\",
      "\t",
      "\n",
      "%2f",
      "%5c",
      "%09",
      ".",
      "..",
      "evil.example",
      "@",
      ":",
      "?",
      "#",
      "http:",
      " ",
      "\u3002",
      "\uff0f",
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 5000; i++) {
      const value = Array.from(
        { length: 1 + Math.floor(next() * 6) },
        () => parts[Math.floor(next() * parts.length)],
      ).join("");
      const target = safeRedirectTarget(value, "/");
      expect(new URL(target, "https://klarsvar.example.se").origin, value).toBe("https://klarsvar.example.se");
      expect(target.startsWith("//") || target.startsWith("/\\"), value).toBe(false);
    }
  });
});
