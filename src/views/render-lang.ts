/**
 * The language of the page being rendered, for the UI kit's own few words (the hidden "Fel:"
 * before an error, the honeypot's label) so that every field need not be handed the language.
 * Pages render synchronously (`sendPage`), so the language is set for exactly one render.
 */
import type { Lang } from "../platform/i18n/i18n.js";

let current: Lang = "sv";

export function renderingIn<T>(lang: Lang, render: () => T): T {
  const previous = current;
  current = lang;
  try {
    return render();
  } finally {
    current = previous;
  }
}

export function renderLang(): Lang {
  return current;
}
