/**
 * The inbox's edge: a Zod schema for every route that takes input. Form bodies stay lenient
 * (`formText`): the commands and routes validate the values and answer with the form again.
 */
import { z } from "zod";
import { Csrf, formText, IdParams, PageNumber } from "../../platform/http/typed.js";

export { IdParams };

/** `?klart=…` after a saved form: which notice to show. */
export const DoneQuery = z.object({ klart: z.string().optional() });

/** Routing rules (admin). */
export const RuleBody = z.object({
  ...Csrf,
  kategori: formText(40),
  kanal: formText(20),
  ord: formText(500),
  enhet: formText(40),
  ordning: z.string().max(6).default("0"),
});
export const RuleRemoveBody = z.object({ ...Csrf });

export { PageNumber };
