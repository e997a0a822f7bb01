/** The one picture or document an idea may carry, read from its form and checked by content. */
import { multipartFiles, type MultipartBody } from "../../platform/http/multipart.js";
import { sniffType } from "../../platform/http/sniff.js";
import type { Lang } from "../../platform/i18n/messages.js";
import { formatMessage } from "../../platform/i18n/messages.js";
import type { FieldError } from "../../views/context.js";
import { messages } from "./messages.js";

export interface IdeaAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** The form's file, if any; a file whose content is not an allowed type adds an error instead. */
export async function readIdeaAttachment(
  body: MultipartBody,
  lang: Lang,
  errors: FieldError[],
): Promise<IdeaAttachment | undefined> {
  const [f] = multipartFiles(body, "file");
  if (!f) return undefined;
  const data = await f.toBuffer();
  const type = sniffType(data);
  if (type) return { filename: f.filename, contentType: type, data };
  errors.push({ field: "file", message: formatMessage(messages, lang, "error.file.type", { filename: f.filename }) });
  return undefined;
}
