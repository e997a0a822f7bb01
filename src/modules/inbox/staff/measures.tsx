import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { PageContext } from "../../../views/context.js";
import { BarChart, Table } from "../../../views/components.js";
import { computeMeasures, type KindShare, type Measures, type Share } from "../measures.js";
import { messages } from "../messages.js";

const PERIODS = [7, 30, 90, 365] as const;

function pct(s: number | null): string {
  return s === null ? "–" : `${Math.round(s * 100)} %`;
}

function hours(minutes: number | null): string {
  if (minutes === null) return "–";
  return minutes < 60 ? `${Math.round(minutes)} min` : `${Math.floor(minutes / 60)} h ${Math.round(minutes % 60)} min`;
}

function presentShare(s: Share) {
  return { key: s.key, label: s.label, counted: s.counted, withinOneWorkingDay: s.withinOneDay, share: s.share };
}

function presentKindShare(s: KindShare) {
  return {
    key: s.key,
    label: s.label,
    target: s.target,
    targetOfficeMinutes: s.targetMinutes,
    counted: s.counted,
    withinTarget: s.withinTarget,
    share: s.share,
  };
}

export function presentMeasures(m: Measures) {
  return {
    from: m.from.toISOString(),
    to: m.to.toISOString(),
    kkik: {
      all: presentShare(m.kkik.all),
      byChannel: m.kkik.byChannel.map(presentShare),
      byUnit: m.kkik.byUnit.map(presentShare),
    },
    byKind: m.byKind.map(presentKindShare),
    medianFirstAnswerOfficeMinutes: m.medianFirstAnswerMinutes,
    openByAge: m.openByAge,
    late: m.late,
    helped: m.helped,
    concernReports: m.concernReports,
    mediaInquiries: presentShare(m.mediaInquiries),
    noAnswerNeeded: m.noAnswerNeeded,
  };
}

export function measuresRoutes(app: TypedApp, ctx: ModuleContext): void {
  const query = z.object({
    dagar: z.coerce
      .number()
      .int()
      .refine((n) => (PERIODS as readonly number[]).includes(n))
      .optional(),
  });
  const load = (days: number, lang: "sv" | "en") => {
    const to = new Date();
    return computeMeasures(ctx.database.db, ctx.org.id, new Date(to.getTime() - days * 24 * 3_600_000), to, to, lang);
  };

  app.get(
    "/arbetsyta/matt",
    { config: { access: "inbox.viewMeasures" }, schema: { querystring: query } },
    async (request, reply) => {
      const days = request.query.dagar ?? 30;
      const m = await load(days, request.lang);
      return sendPage(
        request,
        reply,
        { title: sayer(messages, request.lang)("measures.title"), side: "staff" },
        (page) => <MeasuresPage ctx={page} m={m} days={days} />,
      );
    },
  );

  app.get(
    "/arbetsyta/matt.json",
    { config: { access: "inbox.viewMeasures" }, schema: { querystring: query } },
    async (request, reply) => {
      const days = request.query.dagar ?? 30;
      reply.header("cache-control", "no-store");
      return presentMeasures(await load(days, request.lang));
    },
  );
}

function MeasuresPage({ ctx, m, days }: { ctx: PageContext; m: Measures; days: number }): JSX.Element {
  const say = sayer(messages, ctx.lang);
  const shareColumns = [
    { header: say("measures.col.what"), cell: (s: Share) => <span safe>{s.label}</span> },
    { header: say("measures.counted"), numeric: true, cell: (s: Share) => String(s.counted) },
    { header: say("measures.withinDay"), numeric: true, cell: (s: Share) => String(s.withinOneDay) },
    { header: say("measures.col.share"), numeric: true, cell: (s: Share) => <span safe>{pct(s.share)}</span> },
  ];
  const kindColumns = [
    { header: say("measures.col.kind"), cell: (s: KindShare) => <span safe>{s.label}</span> },
    { header: say("measures.col.target"), cell: (s: KindShare) => <span safe>{s.target}</span> },
    { header: say("measures.col.countedCases"), numeric: true, cell: (s: KindShare) => String(s.counted) },
    { header: say("measures.col.withinTarget"), numeric: true, cell: (s: KindShare) => String(s.withinTarget) },
    { header: say("measures.col.share"), numeric: true, cell: (s: KindShare) => <span safe>{pct(s.share)}</span> },
  ];
  return (
    <>
      <h1 safe>{say("measures.title")}</h1>
      <p class="lead" safe>
        {say("measures.lead")}
      </p>
      <nav aria-label={say("measures.period")} class="period">
        <ul class="pagination__list">
          {PERIODS.map((p) => (
            <li>
              <a
                class={`pagination__link${p === days ? " pagination__link--current" : ""}`}
                href={`/arbetsyta/matt?dagar=${p}`}
                aria-current={p === days ? "page" : undefined}
                safe
              >
                {say("measures.days", { days: p })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="cards">
        <section class="card">
          <h2 safe>{say("measures.withinDay")}</h2>
          <p class="big-number" safe>
            {pct(m.kkik.all.share)}
          </p>
          <p safe>{say("measures.withinOf", { within: m.kkik.all.withinOneDay, total: m.kkik.all.counted })}</p>
        </section>
        <section class="card">
          <h2 safe>{say("measures.median")}</h2>
          <p class="big-number" safe>
            {hours(m.medianFirstAnswerMinutes)}
          </p>
          <p safe>{say("measures.officeTime")}</p>
        </section>
        <section class="card card--urgent">
          <h2 safe>{say("measures.late")}</h2>
          <p class="big-number" safe>
            {String(m.late.openLate)}
          </p>
          <p safe>{say("measures.lateText", { answeredLate: m.late.answeredLate })}</p>
        </section>
      </div>
      <section class="panel" aria-labelledby="channel-title">
        <h2 id="channel-title" safe>
          {say("measures.byChannel")}
        </h2>
        <BarChart
          ctx={ctx}
          id="kkik-channel"
          title={say("measures.byChannel.chart")}
          unit={say("measures.percent")}
          data={m.kkik.byChannel.map((s) => ({ label: s.label, value: Math.round((s.share ?? 0) * 100) }))}
        />
        <Table caption={say("measures.byChannel")} captionHidden columns={shareColumns} rows={m.kkik.byChannel} />
      </section>
      <section class="panel" aria-labelledby="unit-title">
        <h2 id="unit-title" safe>
          {say("measures.byUnit")}
        </h2>
        <Table caption={say("measures.byUnit")} captionHidden columns={shareColumns} rows={m.kkik.byUnit} />
      </section>
      <section class="panel" aria-labelledby="kind-title">
        <h2 id="kind-title" safe>
          {say("measures.byKind")}
        </h2>
        <p safe>{say("measures.byKind.lead")}</p>
        <Table caption={say("measures.byKind")} captionHidden columns={kindColumns} rows={m.byKind} />
      </section>
      <div class="grid">
        <section class="panel" aria-labelledby="age-title">
          <h2 id="age-title" safe>
            {say("measures.byAge")}
          </h2>
          <BarChart
            ctx={ctx}
            id="open-age"
            title={say("measures.byAge.chart")}
            unit={say("measures.cases")}
            data={[
              { label: say("measures.age.under1"), value: m.openByAge.underOneDay },
              { label: say("measures.age.1to3"), value: m.openByAge.oneToThreeDays },
              { label: say("measures.age.over3"), value: m.openByAge.overThreeDays },
            ]}
          />
        </section>
        <section class="panel" aria-labelledby="other-title">
          <h2 id="other-title" safe>
            {say("measures.more")}
          </h2>
          <dl class="summary-list">
            <div class="summary-list__row">
              <dt safe>{say("measures.media")}</dt>
              <dd safe>
                {say("measures.mediaValue", { share: pct(m.mediaInquiries.share), total: m.mediaInquiries.counted })}
              </dd>
            </div>
            <div class="summary-list__row">
              <dt safe>{say("measures.concern")}</dt>
              <dd safe>{String(m.concernReports)}</dd>
            </div>
            <div class="summary-list__row">
              <dt safe>{say("measures.noAnswer")}</dt>
              <dd safe>{String(m.noAnswerNeeded)}</dd>
            </div>
            <div class="summary-list__row">
              <dt safe>{say("measures.helped")}</dt>
              <dd safe>{say("measures.helpedValue", { yes: m.helped.yes, no: m.helped.no })}</dd>
            </div>
          </dl>
          <p>
            <a href={`/arbetsyta/matt.json?dagar=${days}`} safe>
              {say("measures.json")}
            </a>
          </p>
        </section>
      </div>
    </>
  );
}
