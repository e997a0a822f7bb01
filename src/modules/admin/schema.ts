/** The admin pages' input: the audit log's filters and the failed-jobs list. */
import { z } from "zod";
import { Csrf, IdParams, PageNumber } from "../../platform/http/typed.js";

export const AuditQuery = z.object({
  handelse: z.string().max(100).optional(),
  vem: z.string().max(200).optional(),
  fran: z.string().max(20).optional(),
  till: z.string().max(20).optional(),
  sida: PageNumber,
});

export const FailedJobsQuery = z.object({ sida: PageNumber, klart: z.string().max(10).optional() });

export const RetryJobParams = IdParams;
export const RetryJobBody = z.object({ ...Csrf, name: z.string().min(1).max(200) });
