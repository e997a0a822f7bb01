-- Inbox: cases (ärenden) with their messages, events and attachments; categories, routing
-- rules and saved answers. A case number is also its registration number (diarienummer).

create table case_counters (
  org_id uuid not null references organisations(id),
  year integer not null,
  last integer not null default 0,
  primary key (org_id, year)
);

create table categories (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  slug text not null,
  name_sv text not null,
  name_en text not null,
  -- What the category covers, in plain words, shown to residents who choose it.
  hint_sv text not null default '',
  hint_en text not null default '',
  unit_id uuid references units(id),
  position integer not null default 0,
  active boolean not null default true,
  unique (org_id, slug)
);

create table cases (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  number text not null,
  channel text not null check (channel in ('web', 'email', 'phone', 'letter', 'visit', 'facebook', 'instagram', 'mastodon', 'open311')),
  kind text not null default 'question' check (kind in ('question', 'media', 'complaint', 'praise', 'other')),
  category_id uuid references categories(id),
  unit_id uuid references units(id),
  assignee_id uuid references staff_users(id),
  status text not null default 'new' check (status in ('new', 'open', 'waiting', 'answered', 'closed')),
  priority text not null default 'normal' check (priority in ('urgent', 'high', 'normal', 'low')),
  concern_report boolean not null default false,
  concern_reasons text[] not null default '{}',
  secret boolean not null default false,
  minor_importance boolean not null default false,
  tags text[] not null default '{}',
  subject text not null,
  requester_name text,
  requester_email text,
  requester_phone text,
  follow_token_hash text not null,
  received_at timestamptz not null default now(),
  first_answer_due timestamptz,
  first_answered_at timestamptz,
  waiting_since timestamptz,
  closed_at timestamptz,
  updated_at timestamptz not null default now(),
  unique (org_id, number),
  unique (follow_token_hash)
);
create index cases_board_idx on cases (org_id, status, concern_report desc, received_at);
create index cases_unit_idx on cases (org_id, unit_id, status);

create table case_messages (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  case_id uuid not null references cases(id),
  direction text not null check (direction in ('in', 'out', 'note')),
  channel text not null,
  author_id uuid references staff_users(id),
  body text not null,
  -- An e-mail Message-ID or a platform's id: the same one never becomes a second message.
  external_id text,
  delivery_status text check (delivery_status in ('queued', 'sent', 'failed')),
  created_at timestamptz not null default now(),
  search tsvector generated always as (to_tsvector('swedish', body)) stored
);
create unique index case_messages_external_idx on case_messages (org_id, external_id) where external_id is not null;
create index case_messages_case_idx on case_messages (case_id, created_at);
create index case_messages_search_idx on case_messages using gin (search);

create table case_events (
  id bigint generated always as identity primary key,
  org_id uuid not null references organisations(id),
  case_id uuid not null references cases(id),
  actor_id uuid references staff_users(id),
  type text not null,
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index case_events_case_idx on case_events (case_id, id);

create table attachments (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  case_id uuid not null references cases(id),
  message_id uuid references case_messages(id),
  filename text not null,
  content_type text not null,
  size integer not null,
  data bytea not null,
  created_at timestamptz not null default now()
);
create index attachments_case_idx on attachments (case_id);

create table saved_answers (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  unit_id uuid references units(id),
  title text not null,
  body text not null,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now()
);
create index saved_answers_unit_idx on saved_answers (org_id, unit_id);
