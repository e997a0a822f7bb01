import { formatDateTime } from "../../../platform/i18n/i18n.js";
import type { PageContext } from "../../../views/context.js";
import { BarChart } from "../../../views/components.js";
import type { WaitingSummary } from "../../inbox/index.js";

export interface SigninDay {
  readonly day: string;
  readonly count: number;
}

export function WorkspacePage(p: {
  ctx: PageContext;
  units: string[];
  failedJobs: number;
  mailboxesDown: number;
  pagesToReview: number;
  requests: { open: number; late: number } | null;
  ideas: { open: number; overdue: number; held: number } | null;
  releases: { toReview: number; scheduled: number } | null;
  inbox: WaitingSummary | null;
  signins: readonly SigninDay[];
  recent: readonly { occurred_at: Date; action: string; subject_type: string | null }[];
}): JSX.Element {
  const { ctx } = p;
  const t = ctx.t;
  const waiting: JSX.Element[] = [];
  if (p.inbox && p.inbox.concernReports > 0) {
    waiting.push(
      <li class="task-list__urgent">
        <a href="/arbetsyta/inkorg" safe>
          {t("workspace.concern", { count: p.inbox.concernReports })}
        </a>
      </li>,
    );
  }
  if (p.inbox && p.inbox.unanswered > 0) {
    waiting.push(
      <li>
        <a href="/arbetsyta/inkorg" safe>
          {t("workspace.unanswered", { count: p.inbox.unanswered, overdue: p.inbox.overdue })}
        </a>
      </li>,
    );
  }
  if (p.mailboxesDown > 0) {
    waiting.push(
      <li class="task-list__urgent">
        <a href="/arbetsyta/admin/e-post" safe>
          {t("workspace.mailboxesDown", { count: p.mailboxesDown })}
        </a>
      </li>,
    );
  }
  if (p.requests && p.requests.late > 0) {
    waiting.push(
      <li class="task-list__urgent">
        <a href="/arbetsyta/begaran" safe>
          {t("workspace.requestsLate", { count: p.requests.late })}
        </a>
      </li>,
    );
  } else if (p.requests && p.requests.open > 0) {
    waiting.push(
      <li>
        <a href="/arbetsyta/begaran" safe>
          {t("workspace.requestsOpen", { count: p.requests.open })}
        </a>
      </li>,
    );
  }
  if (p.releases && p.releases.toReview > 0) {
    waiting.push(
      <li>
        <a href="/arbetsyta/press?vy=review" safe>
          {t("workspace.releasesToReview", { count: p.releases.toReview })}
        </a>
      </li>,
    );
  }
  if (p.ideas && p.ideas.overdue > 0) {
    waiting.push(
      <li class="task-list__urgent">
        <a href="/arbetsyta/forslag?vy=overdue" safe>
          {t("workspace.ideasOverdue", { count: p.ideas.overdue })}
        </a>
      </li>,
    );
  }
  if (p.ideas && p.ideas.held > 0) {
    waiting.push(
      <li>
        <a href="/arbetsyta/forslag?vy=held" safe>
          {t("workspace.ideasHeld", { count: p.ideas.held })}
        </a>
      </li>,
    );
  }
  if (p.ideas && p.ideas.open > 0 && p.ideas.overdue === 0) {
    waiting.push(
      <li>
        <a href="/arbetsyta/forslag" safe>
          {t("workspace.ideasOpen", { count: p.ideas.open })}
        </a>
      </li>,
    );
  }
  if (p.pagesToReview > 0) {
    waiting.push(
      <li>
        <a href="/arbetsyta/stod?granska=1" safe>
          {t("workspace.pagesToReview", { count: p.pagesToReview })}
        </a>
      </li>,
    );
  }
  if (p.failedJobs > 0) {
    waiting.push(
      <li>
        <a href="/arbetsyta/admin/jobb" safe>
          {t("workspace.failedJobs", { count: p.failedJobs })}
        </a>
      </li>,
    );
  }
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
