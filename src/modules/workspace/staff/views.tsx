import { formatDateTime } from "../../../platform/i18n/i18n.js";
import type { PageContext } from "../../../views/context.js";
import { BarChart } from "../../../views/components.js";
import type { StartPageItem } from "../../../app/module.js";

export interface SigninDay {
  readonly day: string;
  readonly count: number;
}

export function WorkspacePage(p: {
  ctx: PageContext;
  units: string[];
  waiting: readonly StartPageItem[];
  signins: readonly SigninDay[];
  recent: readonly { occurred_at: Date; action: string; subject_type: string | null }[];
}): JSX.Element {
  const { ctx } = p;
  const t = ctx.t;
  const waiting = p.waiting.map((item) => (
    <li class={item.urgent ? "task-list__urgent" : undefined}>
      <a href={item.href} safe>
        {item.text}
      </a>
    </li>
  ));
  return (
    <>
      <h1 safe>{t("workspace.greeting", { name: ctx.user?.name ?? "" })}</h1>
      <section class="panel" aria-labelledby="waiting-title">
        <h2 id="waiting-title" safe>
          {t("workspace.waiting")}
        </h2>
        {waiting.length > 0 ? <ul class="task-list">{waiting}</ul> : <p safe>{t("workspace.nothingWaiting")}</p>}
      </section>
      <div class="grid">
        <section class="panel" aria-labelledby="units-title">
          <h2 id="units-title" safe>
            {t("workspace.myUnits")}
          </h2>
          {p.units.length > 0 ? (
            <ul>
              {p.units.map((u) => (
                <li safe>{u}</li>
              ))}
            </ul>
          ) : (
            <p safe>{t("workspace.noUnits")}</p>
          )}
        </section>
        <section class="panel" aria-labelledby="recent-title">
          <h2 id="recent-title" safe>
            {t("workspace.recent")}
          </h2>
          <ul class="plain-list">
            {p.recent.map((r) => (
              <li>
                <time datetime={new Date(r.occurred_at).toISOString()} safe>
                  {formatDateTime(new Date(r.occurred_at), ctx.lang)}
                </time>{" "}
                <code safe>{r.action}</code>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section class="panel" aria-labelledby="signins-title">
        <h2 id="signins-title" safe>
          {t("workspace.signins")}
        </h2>
        <BarChart
          ctx={ctx}
          id="signins"
          title={t("workspace.signins")}
          data={p.signins.map((d) => ({ label: d.day.slice(5), value: d.count }))}
        />
      </section>
    </>
  );
}
