/** Kysely table types. Keep in step with migrations/. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<
  Record<string, unknown>,
  string | Record<string, unknown> | undefined,
  string | Record<string, unknown>
>;

export const ROLES = ["admin", "communicator", "unit_staff", "manager", "employee", "registrar"] as const;
export type Role = (typeof ROLES)[number];

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: Generated<Date>;
  /** Route new cases automatically at or above this suggestion confidence (0–1); null: never. */
  auto_route_threshold: number | null;
}

export interface UnitsTable {
  id: Generated<string>;
  org_id: string;
  parent_id: string | null;
  slug: string;
  name: string;
  description: string | null;
  /** The child-welfare intake: reports of concern about children land here. */
  receives_concern_reports: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface StaffUsersTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  name: string;
  roles: ColumnType<Role[], Role[] | undefined, Role[]>;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  active: Generated<boolean>;
  is_demo: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  /** May open secret cases of every unit (set by an admin). */
  secrecy_right: Generated<boolean>;
  /** When an admin deactivated the account; null while active. */
  deactivated_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  last_failure_at: Generated<Date>;
  blocked_until: Timestamp | null;
}

export interface UnitMembershipsTable {
  org_id: string;
  user_id: string;
  unit_id: string;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  org_id: string;
  user_id: string;
  auth_method: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export const ACCOUNT_TOKEN_PURPOSES = ["invitation", "password_reset"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** A single-use link to choose a password (migration 0017); only the token's hash is stored. */
export interface AccountTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  token_hash: string;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  org_id: string | null;
  occurred_at: Generated<Date>;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: Json;
}

export const CASE_CHANNELS = [
  "web",
  "email",
  "phone",
  "letter",
  "visit",
  "reception",
  "facebook",
  "instagram",
  "mastodon",
  "open311",
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
/** Channels answered where the person wrote (the social module), not by e-mail. */
export const SOCIAL_CHANNELS: readonly string[] = ["facebook", "instagram", "mastodon"];
export const CASE_KINDS = [
  "question",
  "media",
  "complaint",
  "praise",
  "other",
  "document_request",
  "own_matter",
] as const;
/** Channels staff log by hand (migration 0018): a call, a letter, a visit, the reception desk. */
export const LOGGED_CHANNELS = ["phone", "letter", "visit", "reception"] as const;
export type LoggedChannel = (typeof LOGGED_CHANNELS)[number];
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_STATUSES = ["new", "open", "waiting", "answered", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CasePriority = "urgent" | "high" | "normal" | "low";

export interface CaseCountersTable {
  org_id: string;
  year: number;
  last: Generated<number>;
}

export interface CategoriesTable {
  id: Generated<string>;
  org_id: string;
  slug: string;
  name_sv: string;
  name_en: string;
  hint_sv: Generated<string>;
  hint_en: Generated<string>;
  unit_id: string | null;
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface CasesTable {
  id: Generated<string>;
  org_id: string;
  number: string;
  channel: CaseChannel;
  kind: ColumnType<CaseKind, CaseKind | undefined, CaseKind>;
  category_id: string | null;
  unit_id: string | null;
  assignee_id: string | null;
  status: ColumnType<CaseStatus, CaseStatus | undefined, CaseStatus>;
  priority: ColumnType<CasePriority, CasePriority | undefined, CasePriority>;
  concern_report: Generated<boolean>;
  concern_reasons: ColumnType<string[], string[] | undefined, string[]>;
  secret: Generated<boolean>;
  minor_importance: Generated<boolean>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  subject: string;
  requester_name: string | null;
  requester_email: string | null;
  requester_phone: string | null;
  follow_token_hash: string;
  received_at: Generated<Date>;
  first_answer_due: Timestamp | null;
  first_answered_at: Timestamp | null;
  waiting_since: Timestamp | null;
  closed_at: Timestamp | null;
  updated_at: Generated<Date>;
  helped: boolean | null;
  helped_at: Timestamp | null;
  warned_at: Timestamp | null;
  escalated_at: Timestamp | null;
  disposed_at: Timestamp | null;
  /** Report of concern: what the intake told a reporter who reported in their profession. */
  reporter_notice: "opened" | "not_opened" | "already_running" | null;
  reporter_notice_at: Timestamp | null;
  /** The detected kind's confidence (0–1) and why (migration 0018); null for kinds set by a person or a form. */
  kind_confidence: number | null;
  kind_reasons: ColumnType<string[], string[] | undefined, string[]>;
  /** The unit the evidence suggested on arrival, and how sure (0–1), shown on the case. */
  suggested_unit_id: string | null;
  suggestion_confidence: number | null;
  suggestion_sources: ColumnType<string[], string[] | undefined, string[]>;
  /** The staff member who logged a call, letter or visit. */
  logged_by: string | null;
}

export interface CaseOpeningsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  user_id: string;
  session_id: string;
  purpose: string;
  opened_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface CaseMessagesTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  direction: "in" | "out" | "note";
  channel: string;
  author_id: string | null;
  body: string;
  external_id: string | null;
  delivery_status: "queued" | "sent" | "failed" | "bounced" | null;
  /** The e-mail as received (RFC 5322), for the archive. */
  raw_source: Buffer | null;
  /** An automatic reply (out of office): stored, never answered. */
  automatic: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface MailboxStatusTable {
  org_id: string;
  mailbox: string;
  state: "connected" | "error" | "stopped";
  last_error: string | null;
  last_error_at: Date | null;
  failures: Generated<number>;
  last_batch_at: Date | null;
  received: Generated<string>;
  updated_at: Generated<Date>;
}

export interface CaseEventsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  actor_id: string | null;
  type: string;
  details: Json;
  created_at: Generated<Date>;
}

export interface AttachmentsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  message_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  data: Buffer;
  created_at: Generated<Date>;
}

export interface SavedAnswersTable {
  id: Generated<string>;
  org_id: string;
  unit_id: string | null;
  title: string;
  body: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface RoutingRulesTable {
  id: Generated<string>;
  org_id: string;
  position: Generated<number>;
  category_id: string | null;
  channel: string | null;
  keywords: ColumnType<string[], string[] | undefined, string[]>;
  unit_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface RetentionRulesTable {
  id: Generated<string>;
  org_id: string;
  kind: string | null;
  category_id: string | null;
  months: number;
  legal_basis: string;
  created_at: Generated<Date>;
}

export interface DisposalsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  case_number: string;
  rule_id: string | null;
  legal_basis: string;
  disposed_at: Generated<Date>;
  details: Json;
}

export const SERVICE_ACCESS = ["direct", "decision"] as const;
export type ServiceAccess = (typeof SERVICE_ACCESS)[number];

export interface CatalogueServicesTable {
  id: Generated<string>;
  org_id: string;
  slug: string;
  name: string;
  summary: string;
  for_whom: Generated<string>;
  what_you_get: Generated<string>;
  cost: Generated<string>;
  access: ColumnType<ServiceAccess, ServiceAccess | undefined, ServiceAccess>;
  phone: Generated<string>;
  email: Generated<string>;
  web_form: Generated<boolean>;
  address: Generated<string>;
  opening_hours: Generated<string>;
  accessibility: Generated<string>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  situations: ColumnType<string[], string[] | undefined, string[]>;
  audiences: ColumnType<string[], string[] | undefined, string[]>;
  keywords: Generated<string>;
  easy_read: Generated<string>;
  unit_id: string | null;
  responsible_id: string | null;
  published: Generated<boolean>;
  version: Generated<number>;
  lix: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  lix_band: string | null;
  review_months: Generated<number>;
  last_reviewed_at: Timestamp;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  search: ColumnType<string, never, never>;
}

export interface CatalogueVersionsTable {
  id: Generated<string>;
  org_id: string;
  service_id: string;
  version: number;
  content: Json;
  note: Generated<string>;
  changed_by: string | null;
  changed_at: Generated<Date>;
}

export interface CatalogueTranslationsTable {
  org_id: string;
  service_id: string;
  lang: string;
  name: string;
  summary: string;
  body: string;
  updated_at: Timestamp;
}

export interface CatalogueRelationsTable {
  org_id: string;
  service_id: string;
  related_id: string;
}

export interface CatalogueTermsTable {
  org_id: string;
  term: string;
  folded: string;
}

export interface CatalogueSynonymsTable {
  id: Generated<string>;
  org_id: string;
  term: string;
  expansion: string;
  created_at: Generated<Date>;
}

export interface DocumentRequestsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  received_at: Timestamp;
  requested: string;
  unit_id: string | null;
  status: ColumnType<
    "open" | "decided" | "delivered" | "withdrawn",
    "open" | "decided" | "delivered" | "withdrawn" | undefined,
    "open" | "decided" | "delivered" | "withdrawn"
  >;
  parts_note: Generated<string>;
  outcome: "full" | "partial" | "refused" | null;
  decision_reason: string | null;
  decision_text: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  delivery_method: "email" | "download" | "post" | null;
  delivered_at: Timestamp | null;
  fee_pages: number | null;
  fee_amount: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface RequestDocumentsTable {
  id: Generated<string>;
  org_id: string;
  request_id: string;
  title: string;
  filename: string;
  content_type: string;
  data: Buffer;
  size: number;
  source: "upload" | "message" | "attachment";
  source_id: string | null;
  /** The case a message or attachment was taken from. */
  source_case_id: string | null;
  review_outcome: "release" | "partial" | "refuse" | null;
  review_grounds: ColumnType<string[], string[] | undefined, string[]>;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  released_data: Buffer | null;
  released_type: string | null;
  released_pages: number | null;
  delivered_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface RequestDocumentReadsTable {
  document_id: string;
  user_id: string;
  read_at: Generated<Date>;
}

export interface RequestMasksTable {
  id: Generated<string>;
  org_id: string;
  document_id: string;
  passage: string;
  ground: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface RequestDownloadsTable {
  id: Generated<string>;
  org_id: string;
  request_id: string;
  token_hash: string;
  document_ids: string[] | null;
  expires_at: Timestamp;
  downloads: Generated<number>;
  created_at: Generated<Date>;
}

export interface SocialAccountsTable {
  id: Generated<string>;
  org_id: string;
  platform: "facebook" | "instagram" | "mastodon";
  external_id: string;
  name: string;
  base_url: string | null;
  token_encrypted: string;
  active: Generated<boolean>;
  cursor: string | null;
  last_error: string | null;
  last_error_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface SocialEventsTable {
  id: Generated<string>;
  org_id: string;
  source: "meta" | "mastodon";
  body: string;
  status: ColumnType<
    "pending" | "processed" | "ignored" | "failed",
    "pending" | "processed" | "ignored" | "failed" | undefined,
    "pending" | "processed" | "ignored" | "failed"
  >;
  note: string | null;
  received_at: Generated<Date>;
  processed_at: Timestamp | null;
}

export interface SocialItemsTable {
  id: Generated<string>;
  org_id: string;
  account_id: string;
  case_id: string | null;
  direction: "in" | "out";
  kind: "comment" | "message" | "mention" | "reply";
  external_id: string;
  parent_external_id: string | null;
  post_external_id: string | null;
  author_id: string | null;
  author_name: string | null;
  author_handle: string | null;
  text: string;
  permalink: string | null;
  visibility: string | null;
  created_at: Timestamp;
  hidden_at: Timestamp | null;
  removed_at: Timestamp | null;
}

export interface SocialModerationTable {
  id: Generated<string>;
  org_id: string;
  item_id: string;
  action: "hide" | "remove";
  reason: string;
  snapshot: Json;
  status: ColumnType<
    "queued" | "done" | "failed",
    "queued" | "done" | "failed" | undefined,
    "queued" | "done" | "failed"
  >;
  failure: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  done_at: Timestamp | null;
}

export interface SocialArchivesTable {
  id: Generated<string>;
  org_id: string;
  account_id: string;
  period_from: Timestamp;
  period_to: Timestamp;
  items: number;
  sha256: string;
  data: Buffer;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface IdeaStatesTable {
  id: Generated<string>;
  org_id: string;
  slug: string;
  name_sv: string;
  name_en: string;
  description_sv: Generated<string>;
  is_public: Generated<boolean>;
  notifies: Generated<boolean>;
  is_closed: Generated<boolean>;
  is_initial: Generated<boolean>;
  is_implemented: Generated<boolean>;
  shows_progress: Generated<boolean>;
  position: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface IdeaGroupsTable {
  id: Generated<string>;
  org_id: string;
  slug: string;
  name: string;
  theme: Generated<string>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface IdeaGroupMembersTable {
  org_id: string;
  group_id: string;
  user_id: string;
  created_at: Generated<Date>;
}

export interface IdeaCategoriesTable {
  id: Generated<string>;
  org_id: string;
  slug: string;
  name_sv: string;
  name_en: string;
  unit_id: string | null;
  group_id: string | null;
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface IdeaCountersTable {
  org_id: string;
  year: number;
  last: Generated<number>;
}

export interface IdeasTable {
  id: Generated<string>;
  org_id: string;
  number: string;
  title: string;
  description: string;
  category_id: string | null;
  source: "resident" | "employee";
  audience: "public" | "internal";
  submitter_name: string | null;
  submitter_email: string | null;
  submitter_user_id: string | null;
  submitter_key: string | null;
  anonymous: Generated<boolean>;
  status: ColumnType<IdeaStatus, IdeaStatus | undefined, IdeaStatus>;
  hold_reasons: ColumnType<string[], string | undefined, string>;
  confirmed_at: Timestamp | null;
  unit_id: string | null;
  group_id: string | null;
  state_id: string;
  first_answer_due: Timestamp | null;
  first_answered_at: Timestamp | null;
  overdue_notified_at: Timestamp | null;
  implemented_at: Timestamp | null;
  progress: number | null;
  progress_note: Generated<string>;
  helped: "yes" | "partly" | "no" | null;
  helped_comment: Generated<string>;
  helped_at: Timestamp | null;
  helped_asked_at: Timestamp | null;
  search: ColumnType<string, never, never>;
  received_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type IdeaStatus = "unconfirmed" | "held" | "open" | "rejected";

export interface IdeaAttachmentsTable {
  id: Generated<string>;
  org_id: string;
  idea_id: string;
  filename: string;
  content_type: string;
  size: number;
  data: Buffer;
  created_at: Generated<Date>;
}

export type IdeaUpdateKind =
  | "received"
  | "confirmed"
  | "routed"
  | "moved"
  | "state"
  | "progress"
  | "link"
  | "held"
  | "cleared"
  | "rejected"
  | "helped"
  | "edited";

export interface IdeaUpdatesTable {
  id: Generated<string>;
  org_id: string;
  idea_id: string;
  kind: IdeaUpdateKind;
  state_id: string | null;
  answer: Generated<string>;
  reason: Generated<string>;
  decided_by: Generated<string>;
  actor_id: string | null;
  actor_name: Generated<string>;
  public: Generated<boolean>;
  notifies: Generated<boolean>;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Date>;
}

export interface IdeaLinksTable {
  id: Generated<string>;
  org_id: string;
  idea_id: string;
  kind: "decision" | "result";
  title: string;
  url: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface IdeaFollowersTable {
  id: Generated<string>;
  org_id: string;
  idea_id: string;
  email: string;
  frequency: "immediate" | "daily";
  confirmed_at: Timestamp | null;
  unsubscribed_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface IdeaNotificationsTable {
  id: Generated<string>;
  org_id: string;
  idea_id: string;
  update_id: string;
  recipient: "submitter" | "follower";
  follower_id: string | null;
  email: string | null;
  delivery: "immediate" | "daily";
  status: ColumnType<
    "pending" | "sent" | "failed" | "skipped",
    "pending" | "sent" | "failed" | "skipped" | undefined,
    "pending" | "sent" | "failed" | "skipped"
  >;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Generated<Date>;
}

export type ReleaseStatus = "draft" | "in_review" | "approved" | "withdrawn";

export interface ReleasesTable {
  id: Generated<string>;
  org_id: string;
  slug: string;
  kind: ColumnType<"press_release" | "news", "press_release" | "news" | undefined, "press_release" | "news">;
  title: string;
  lead: Generated<string>;
  body_md: Generated<string>;
  body_html: Generated<string>;
  topic: Generated<string>;
  unit_id: string | null;
  status: ColumnType<ReleaseStatus, ReleaseStatus | undefined, ReleaseStatus>;
  publish_at: Timestamp | null;
  embargo: Generated<boolean>;
  list_ids: ColumnType<string[], string[] | undefined, string[]>;
  send_to_subscribers: Generated<boolean>;
  distributed_at: Timestamp | null;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  created_by: string | null;
  version: Generated<number>;
  search: ColumnType<string, never, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReleaseQuotesTable {
  id: Generated<string>;
  org_id: string;
  release_id: string;
  quote: string;
  person: string;
  person_title: Generated<string>;
  position: Generated<number>;
}
export interface ReleaseContactsTable {
  id: Generated<string>;
  org_id: string;
  release_id: string;
  name: string;
  role: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  position: Generated<number>;
}
export interface ReleaseImagesTable {
  id: Generated<string>;
  org_id: string;
  release_id: string;
  alt: string;
  caption: Generated<string>;
  photographer: Generated<string>;
  content_type: string;
  width: number;
  height: number;
  data: Buffer;
  created_at: Generated<Date>;
}
export interface ReleaseImageSizesTable {
  image_id: string;
  width: number;
  height: number;
  data: Buffer;
}
export interface ReleaseDocumentsTable {
  id: Generated<string>;
  org_id: string;
  release_id: string;
  kind: "fact_sheet" | "statistics" | "background" | "document";
  title: string;
  filename: string;
  content_type: string;
  size: number;
  data: Buffer;
  created_at: Generated<Date>;
}
export interface ReleaseCorrectionsTable {
  id: Generated<string>;
  org_id: string;
  release_id: string;
  note: string;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface MediaOutletsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
}
export interface MediaContactsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  email: string;
  phone: Generated<string>;
  outlet_id: string | null;
  beats: ColumnType<string[], string[] | undefined, string[]>;
  basis: "public_interest" | "legal_obligation" | "consent";
  source: string;
  note: Generated<string>;
  unsubscribed_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface MediaListsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  description: Generated<string>;
}
export interface MediaListMembersTable {
  list_id: string;
  contact_id: string;
}
export interface ReleaseEmbargoRecipientsTable {
  release_id: string;
  contact_id: string;
  notified_at: Timestamp | null;
}
export interface NewsroomSubscribersTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  confirmed_at: Timestamp | null;
  unsubscribed_at: Timestamp | null;
  created_at: Generated<Date>;
}
export interface ReleaseDeliveriesTable {
  id: Generated<string>;
  org_id: string;
  release_id: string;
  email: string;
  contact_id: string | null;
  subscriber_id: string | null;
  status: ColumnType<
    "pending" | "sent" | "failed" | "skipped",
    "pending" | "sent" | "failed" | "skipped" | undefined,
    "pending" | "sent" | "failed" | "skipped"
  >;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Generated<Date>;
}
export interface PressEventsTable {
  id: Generated<string>;
  org_id: string;
  release_id: string | null;
  title: string;
  description: Generated<string>;
  location: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface EventInvitationsTable {
  id: Generated<string>;
  org_id: string;
  event_id: string;
  contact_id: string;
  response: "yes" | "no" | null;
  responded_at: Timestamp | null;
  sent_status: ColumnType<
    "pending" | "sent" | "failed",
    "pending" | "sent" | "failed" | undefined,
    "pending" | "sent" | "failed"
  >;
  created_at: Generated<Date>;
}
export interface CoverageTable {
  id: Generated<string>;
  org_id: string;
  release_id: string | null;
  topic: Generated<string>;
  outlet: string;
  published_on: ColumnType<Date, string, string>;
  url: Generated<string>;
  tone: "positive" | "neutral" | "negative";
  note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface ReleaseInquiriesTable {
  release_id: string;
  case_id: string;
  created_at: Generated<Date>;
}

export interface DB {
  releases: ReleasesTable;
  release_quotes: ReleaseQuotesTable;
  release_contacts: ReleaseContactsTable;
  release_images: ReleaseImagesTable;
  release_image_sizes: ReleaseImageSizesTable;
  release_documents: ReleaseDocumentsTable;
  release_corrections: ReleaseCorrectionsTable;
  media_outlets: MediaOutletsTable;
  media_contacts: MediaContactsTable;
  media_lists: MediaListsTable;
  media_list_members: MediaListMembersTable;
  release_embargo_recipients: ReleaseEmbargoRecipientsTable;
  newsroom_subscribers: NewsroomSubscribersTable;
  release_deliveries: ReleaseDeliveriesTable;
  press_events: PressEventsTable;
  event_invitations: EventInvitationsTable;
  coverage: CoverageTable;
  release_inquiries: ReleaseInquiriesTable;
  idea_states: IdeaStatesTable;
  idea_groups: IdeaGroupsTable;
  idea_group_members: IdeaGroupMembersTable;
  idea_categories: IdeaCategoriesTable;
  idea_counters: IdeaCountersTable;
  ideas: IdeasTable;
  idea_attachments: IdeaAttachmentsTable;
  idea_updates: IdeaUpdatesTable;
  idea_links: IdeaLinksTable;
  idea_followers: IdeaFollowersTable;
  idea_notifications: IdeaNotificationsTable;
  social_moderation: SocialModerationTable;
  social_archives: SocialArchivesTable;
  social_accounts: SocialAccountsTable;
  social_events: SocialEventsTable;
  social_items: SocialItemsTable;
  document_requests: DocumentRequestsTable;
  request_documents: RequestDocumentsTable;
  request_masks: RequestMasksTable;
  request_document_reads: RequestDocumentReadsTable;
  request_downloads: RequestDownloadsTable;
  catalogue_services: CatalogueServicesTable;
  catalogue_versions: CatalogueVersionsTable;
  catalogue_translations: CatalogueTranslationsTable;
  catalogue_relations: CatalogueRelationsTable;
  catalogue_terms: CatalogueTermsTable;
  catalogue_synonyms: CatalogueSynonymsTable;
  retention_rules: RetentionRulesTable;
  disposals: DisposalsTable;
  routing_rules: RoutingRulesTable;
  case_counters: CaseCountersTable;
  categories: CategoriesTable;
  cases: CasesTable;
  case_messages: CaseMessagesTable;
  mailbox_status: MailboxStatusTable;
  case_events: CaseEventsTable;
  case_openings: CaseOpeningsTable;
  attachments: AttachmentsTable;
  saved_answers: SavedAnswersTable;
  organisations: OrganisationsTable;
  units: UnitsTable;
  staff_users: StaffUsersTable;
  unit_memberships: UnitMembershipsTable;
  login_throttle: LoginThrottleTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  audit_log: AuditLogTable;
}

export type StaffUser = Selectable<StaffUsersTable>;
export type Case = Selectable<CasesTable>;
export type CaseMessage = Selectable<CaseMessagesTable>;
export type Category = Selectable<CategoriesTable>;
export type NewStaffUser = Insertable<StaffUsersTable>;
export type StaffUserUpdate = Updateable<StaffUsersTable>;
export type Unit = Selectable<UnitsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
