import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { PageContext } from "../../../views/context.js";
import { BarChart, Table } from "../../../views/components.js";
import { computeMeasures, type Measures, type Share } from "../measures.js";

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

export function presentMeasures(m: Measures) {
  return {
    from: m.from.toISOString(),
    to: m.to.toISOString(),
    kkik: {
      all: presentShare(m.kkik.all),
      byChannel: m.kkik.byChannel.map(presentShare),
      byUnit: m.kkik.byUnit.map(presentShare),
    },
    medianFirstAnswerOfficeMinutes: m.medianFirstAnswerMinutes,
    openByAge: m.openByAge,
    late: m.late,
    helped: m.helped,
    concernReports: m.concernReports,
    mediaInquiries: presentShare(m.mediaInquiries),
    noAnswerNeeded: m.noAnswerNeeded,
  };
}

export function measuresRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const query = z.object({
    dagar: z.coerce
      .number()
      .int()
      .refine((n) => (PERIODS as readonly number[]).includes(n))
      .optional(),
  });
  const load = (days: number) => {
    const to = new Date();
    return computeMeasures(ctx.database.db, ctx.org.id, new Date(to.getTime() - days * 24 * 3_600_000), to, to);
  };

  app.get(
    "/arbetsyta/matt",
    { config: { access: "inbox.viewMeasures" }, schema: { querystring: query } },
    async (request, reply) => {
      const days = (request.query as { dagar?: number }).dagar ?? 30;
      const m = await load(days);
      return sendPage(request, reply, { title: "Mått", side: "staff" }, (page) => (
        <MeasuresPage ctx={page} m={m} days={days} />
      ));
    },
  );

  app.get(
    "/arbetsyta/matt.json",
    { config: { access: "inbox.viewMeasures" }, schema: { querystring: query } },
    async (request, reply) => {
      const days = (request.query as { dagar?: number }).dagar ?? 30;
      reply.header("cache-control", "no-store");
      return presentMeasures(await load(days));
    },
  );
}

function MeasuresPage({ ctx, m, days }: { ctx: PageContext; m: Measures; days: number }): JSX.Element {
  const shareColumns = [
    { header: "Vad", cell: (s: Share) => <span safe>{s.label}</span> },
    { header: "Räknade frågor", numeric: true, cell: (s: Share) => String(s.counted) },
    { header: "Svar inom en arbetsdag", numeric: true, cell: (s: Share) => String(s.withinOneDay) },
    { header: "Andel", numeric: true, cell: (s: Share) => <span safe>{pct(s.share)}</span> },
  ];
  return (
    <>
      <h1>Mått</h1>
      <p class="lead">
        Hur väl vi håller löftet att alla får svar. Andelen som får ett riktigt svar – inte bara en bekräftelse – inom
        en arbetsdag räknas som i Kommunens kvalitet i korthet.
      </p>
      <nav aria-label="Period" class="period">
        <ul class="pagination__list">
          {PERIODS.map((p) => (
            <li>
              <a
                class={`pagination__link${p === days ? " pagination__link--current" : ""}`}
                href={`/arbetsyta/matt?dagar=${p}`}
                aria-current={p === days ? "page" : undefined}
                safe
              >{`${p} dagar`}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="cards">
        <section class="card">
          <h2>Svar inom en arbetsdag</h2>
          <p class="big-number" safe>
            {pct(m.kkik.all.share)}
          </p>
          <p safe>{`${m.kkik.all.withinOneDay} av ${m.kkik.all.counted} frågor`}</p>
        </section>
        <section class="card">
          <h2>Tid till första svar (median)</h2>
          <p class="big-number" safe>
            {hours(m.medianFirstAnswerMinutes)}
          </p>
          <p>räknat i arbetstid</p>
        </section>
        <section class="card card--urgent">
          <h2>Försenade</h2>
          <p class="big-number" safe>
            {String(m.late.openLate)}
          </p>
          <p safe>{`obesvarade just nu · ${m.late.answeredLate} besvarades sent`}</p>
        </section>
      </div>
      <section class="panel" aria-labelledby="channel-title">
        <h2 id="channel-title">Per kanal</h2>
        <BarChart
          ctx={ctx}
          id="kkik-channel"
          title="Andel svar inom en arbetsdag per kanal (procent)"
          unit="Procent"
          data={m.kkik.byChannel.map((s) => ({ label: s.label, value: Math.round((s.share ?? 0) * 100) }))}
        />
        <Table caption="Per kanal" captionHidden columns={shareColumns} rows={m.kkik.byChannel} />
      </section>
      <section class="panel" aria-labelledby="unit-title">
        <h2 id="unit-title">Per enhet</h2>
        <Table caption="Per enhet" captionHidden columns={shareColumns} rows={m.kkik.byUnit} />
      </section>
      <div class="grid">
        <section class="panel" aria-labelledby="age-title">
          <h2 id="age-title">Obesvarade efter ålder</h2>
          <BarChart
            ctx={ctx}
            id="open-age"
            title="Obesvarade ärenden efter hur länge de väntat"
            unit="Ärenden"
            data={[
              { label: "Under 1 dag", value: m.openByAge.underOneDay },
              { label: "1–3 dagar", value: m.openByAge.oneToThreeDays },
              { label: "Över 3 dagar", value: m.openByAge.overThreeDays },
            ]}
          />
        </section>
        <section class="panel" aria-labelledby="other-title">
          <h2 id="other-title">Mer</h2>
          <dl class="summary-list">
            <div class="summary-list__row">
              <dt>Journalistfrågor inom en arbetsdag</dt>
              <dd safe>{`${pct(m.mediaInquiries.share)} (${m.mediaInquiries.counted})`}</dd>
            </div>
            <div class="summary-list__row">
              <dt>Orosanmälningar</dt>
              <dd safe>{String(m.concernReports)}</dd>
            </div>
            <div class="summary-list__row">
              <dt>Inget svar behövs (beröm, annat ämne, reklam)</dt>
              <dd safe>{String(m.noAnswerNeeded)}</dd>
            </div>
            <div class="summary-list__row">
              <dt>Fick hjälp</dt>
              <dd safe>{`Ja ${m.helped.yes} · Nej ${m.helped.no}`}</dd>
            </div>
          </dl>
          <p>
            <a href={`/arbetsyta/matt.json?dagar=${days}`}>Måtten som JSON</a>
          </p>
        </section>
      </div>
    </>
  );
}
