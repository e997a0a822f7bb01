import { escapeHtml } from "@kitajs/html";
import type { AnalysisJson } from "../../../views/klarsprak-analysis.js";

const RANK = { error: 3, warning: 2, suggestion: 1 } as const;

/**
 * The text with each finding wrapped in <mark>. Overlapping findings merge into one mark
 * with the most serious severity. Everything outside the marks is escaped.
 */
export function highlight(source: string, findings: AnalysisJson["findings"]): string {
  const spans = findings
    .filter((f) => f.end > f.start)
    .map((f) => ({ start: f.start, end: f.end, severity: f.severity as keyof typeof RANK, rules: [f.ruleId] }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof spans = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if ((RANK[s.severity] ?? 0) > (RANK[last.severity] ?? 0)) last.severity = s.severity;
      if (!last.rules.includes(s.rules[0] as string)) last.rules.push(s.rules[0] as string);
    } else merged.push({ ...s, rules: [...s.rules] });
  }
  let out = "";
  let at = 0;
  for (const m of merged) {
    out += escapeHtml(source.slice(at, m.start));
    out += `<mark class="ks-mark ks-mark--${m.severity}" title="${escapeHtml(m.rules.join(", "))}">${escapeHtml(source.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + escapeHtml(source.slice(at));
}
