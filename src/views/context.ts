import type { Lang, Translate } from "../platform/i18n/i18n.js";
import type { SessionUser } from "../platform/auth/session-user.js";
import type { Config } from "../config.js";

/** What every page needs to render its frame: language, viewer, CSRF token, where we are. */
export interface PageContext {
  readonly lang: Lang;
  readonly t: Translate;
  readonly user: SessionUser | null;
  readonly csrfToken: string;
  /** Path and query of the current page, for the language switch and "next" links. */
  readonly path: string;
  readonly demo: boolean;
  readonly requestId: string;
  /** The organisation's facts from the configuration: its name, out-of-hours number, hours. */
  readonly organisation: Config["organisation"];
}

export interface FieldError {
  /** The id of the input the message belongs to, so the summary can link to it. */
  readonly field: string;
  readonly message: string;
}
