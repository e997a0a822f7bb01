/**
 * What every page of one request needs: finding the request as secret as its case, the other
 * case documents may come from, and drawing the request's page with its errors and notices.
 */
import { findPersonalData } from "@klarsvar/klarsprak";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ModuleContext } from "../../../app/module.js";
import type { SessionUser } from "../../../platform/auth/session-user.js";
import { AppError } from "../../../platform/errors.js";
import { staffViewer } from "../../../platform/http/actor.js";
import { sendPage } from "../../../platform/http/page.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { FieldProblem, Result } from "../../../platform/result.js";
import { caseByNumber, caseFor, caseSources, isOpen, readCase, type CaseSource } from "../../inbox/index.js";
import { requestClock } from "../clock.js";
import { messages } from "../messages.js";
import { RequestGatePage, RequestPage, type DocumentView } from "./views.js";

export interface RequestPageState {
  readonly errors?: readonly FieldProblem[];
  readonly errorDoc?: string;
  readonly notice?: string;
  readonly link?: string;
  readonly status?: number;
  readonly from?: string;
}

/** A failed command's field errors (to show on the page); a refusal is the error page. */
export function problemsOf(result: Exclude<Result<unknown>, { ok: true }>): readonly FieldProblem[] {
  if (result.kind === "invalid") return result.errors;
  throw new AppError(result.kind === "forbidden" ? "KS_FORBIDDEN" : "KS_NOT_FOUND");
}

export function requestPages(ctx: ModuleContext) {
  const { config, org } = ctx;
  const db = ctx.database.db;
  const sessionUser = (request: FastifyRequest): SessionUser => {
    if (!request.user) throw new AppError("KS_UNAUTHENTICATED");
    return request.user;
  };

  /**
   * A request is as secret as its case: only people who may read the case work on it, and for a
   * secret case only inside an opening (`open` says whether it must be opened first).
   */
  const findRequest = async (request: FastifyRequest, id: string) => {
    const r = await db
      .selectFrom("document_requests")
      .selectAll()
      .where("org_id", "=", org.id)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!r) throw new AppError("KS_NOT_FOUND");
    const user = sessionUser(request);
    const found = await caseFor(db, user, r.case_id);
    if (!found?.access.read) throw new AppError("KS_FORBIDDEN");
    const open = !found.meta.secret || (await isOpen(db, user, r.case_id));
    return { r, c: found.meta, open };
  };

  const loadRequest = async (request: FastifyRequest, id: string) => {
    const found = await findRequest(request, id);
    if (!found.open) throw new AppError("KS_FORBIDDEN", "Open the request first: its case is secret");
    const purpose = sayer(messages, "sv")("case.readPurpose");
    const requester = await readCase(db, staffViewer(request, org.id), found.r.case_id, purpose);
    if (!requester.ok) throw new AppError("KS_FORBIDDEN");
    return { r: found.r, c: { ...found.c, requesterEmail: requester.value.requester.email } };
  };

  /** Another registered case whose documents may be linked: only one this person may read (and has open, when secret). */
  const otherCase = async (request: FastifyRequest, number: string) => {
    const other = number ? await caseByNumber(db, org.id, number) : undefined;
    if (!other) return undefined;
    const found = await caseFor(db, sessionUser(request), other.id);
    return found?.access.read ? other : undefined;
  };

  async function renderRequest(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    state: RequestPageState = {},
  ): Promise<FastifyReply> {
    const say = sayer(messages, request.lang);
    const gate = await findRequest(request, id);
    if (!gate.open) {
      return sendPage(request, reply, { title: say("gate.title", { number: gate.c.number }), side: "staff" }, (p) => (
        <RequestGatePage ctx={p} id={id} number={gate.c.number} />
      ));
    }
    const { r, c } = await loadRequest(request, id);
    const viewer = staffViewer(request, org.id);
    const from = state.from ? await otherCase(request, state.from) : undefined;
    const errors: FieldProblem[] = [...(state.errors ?? [])];
    if (state.from && !from) errors.push({ field: "from", message: say("error.from.missingRead") });
    const [docs, masks, listed, reads] = await Promise.all([
      db
        .selectFrom("request_documents")
        .select([
          "id",
          "title",
          "content_type",
          "size",
          "data",
          "review_outcome",
          "review_grounds",
          "review_reason",
          "released_pages",
          "released_data",
        ])
        .where("request_id", "=", id)
        .orderBy("created_at")
        .execute(),
      db
        .selectFrom("request_masks as m")
        .innerJoin("request_documents as d", "d.id", "m.document_id")
        .select(["m.id", "m.document_id", "m.passage", "m.ground"])
        .where("d.request_id", "=", id)
        .orderBy("m.created_at")
        .execute(),
      caseSources(db, viewer, from?.id ?? r.case_id),
      db
        .selectFrom("request_document_reads as x")
        .innerJoin("request_documents as d", "d.id", "x.document_id")
        .select("x.document_id")
        .where("d.request_id", "=", id)
        .where("x.user_id", "=", viewer.user.id)
        .execute(),
    ]);
    if (from && !listed.ok) errors.push({ field: "from", message: say("error.from.needsOpen") });
    const sources: CaseSource[] = listed.ok ? listed.value : [];
    const readIds = new Set(reads.map((x) => x.document_id));
    const documents: DocumentView[] = docs.map((d) => {
      const text = d.content_type === "application/pdf" ? "" : d.data.toString("utf8");
      const suggestions = text ? [...new Set(findPersonalData(text).map((h) => h.text))].slice(0, 10) : [];
      return {
        id: d.id,
        title: d.title,
        content_type: d.content_type,
        size: d.size,
        review_outcome: d.review_outcome,
        review_grounds: d.review_grounds,
        review_reason: d.review_reason,
        released_pages: d.released_pages,
        hasReleased: d.released_data !== null,
        masks: masks.filter((m) => m.document_id === d.id),
        suggestions,
        read: readIds.has(d.id),
      };
    });
    return sendPage(
      request,
      reply,
      {
        title: say("request.title", { number: c.number }),
        side: "staff",
        hasErrors: errors.length > 0,
        status: state.status ?? (errors.length > 0 ? 400 : 200),
      },
      (p) => (
        <RequestPage
          ctx={p}
          id={id}
          caseId={r.case_id}
          number={c.number}
          requested={r.requested}
          receivedAt={new Date(r.received_at)}
          status={r.status}
          clock={requestClock(new Date(r.received_at), new Date(), r.decided_at ? new Date(r.decided_at) : null)}
          partsNote={r.parts_note}
          documents={documents}
          sources={sources}
          errors={errors}
          errorDoc={state.errorDoc}
          notice={state.notice}
          outcome={r.outcome}
          decisionText={r.decision_text}
          requesterEmail={c.requesterEmail}
          delivery={{ method: r.delivery_method, fee: r.fee_amount, pages: r.fee_pages, link: state.link }}
          maxMb={Math.max(1, Math.round(config.upload.limitBytes / 1048576))}
          from={from && state.from ? state.from.trim().toUpperCase() : ""}
        />
      ),
    );
  }

  /** After a change: back to the request's page with what was done (303, so a reload does not post again). */
  const done = (reply: FastifyReply, id: string, what: string) =>
    reply.redirect(`/arbetsyta/begaran/${id}?klart=${what}`, 303);

  return { findRequest, loadRequest, otherCase, renderRequest, done, sessionUser };
}

export type RequestPages = ReturnType<typeof requestPages>;
