-- Ideas (förslag) from residents and employees: routed to a unit or an innovation group,
-- answered through states the admins define, followed by e-mail, and asked "did it help?".

-- States are the department's own. Each says whether it is shown publicly, whether it tells
-- the submitter and followers, whether it counts as closed, and which one a new idea gets.
create table idea_states (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  slug text not null,
  name_sv text not null,
  name_en text not null,
  description_sv text not null default '',
  is_public boolean not null default true,
  notifies boolean not null default true,
  is_closed boolean not null default false,
  -- The state a newly received idea gets (exactly one should be; the first by position wins).
  is_initial boolean not null default false,
  -- "Implemented": starts the "did it help?" question and the progress shown as done.
  is_implemented boolean not null default false,
  -- Work is going on: the public page shows the progress indicator.
  shows_progress boolean not null default false,
  position integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (org_id, slug)
);

-- A named group of employees that owns a theme (an innovation group).
create table idea_groups (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  slug text not null,
  name text not null,
  theme text not null default '',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (org_id, slug)
);

create table idea_group_members (
  org_id uuid not null references organisations(id),
  group_id uuid not null references idea_groups(id) on delete cascade,
  user_id uuid not null references staff_users(id),
  created_at timestamptz not null default now(),
  primary key (group_id, user_id)
);
create index idea_group_members_user_idx on idea_group_members (user_id);

-- Categories of ideas, each with the unit or group that usually owns them.
create table idea_categories (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  slug text not null,
  name_sv text not null,
  name_en text not null,
  unit_id uuid references units(id),
  group_id uuid references idea_groups(id),
  position integer not null default 0,
  active boolean not null default true,
  unique (org_id, slug)
);

create table idea_counters (
  org_id uuid not null references organisations(id),
  year integer not null,
  last integer not null default 0,
  primary key (org_id, year)
);

create table ideas (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  -- The registration number, "IDE-2026-000001", given when the idea arrives.
  number text not null,
  title text not null,
  description text not null,
  category_id uuid references idea_categories(id),
  -- Residents' ideas are public once confirmed and cleared; employees' ideas stay internal.
  source text not null check (source in ('resident', 'employee')),
  audience text not null check (audience in ('public', 'internal')),
  submitter_name text,
  submitter_email text,
  -- A signed-in employee who gave their name; null for residents and anonymous employees.
  submitter_user_id uuid references staff_users(id),
  -- An anonymous employee: an HMAC of their id with the server secret, so their own pages
  -- and mail can find them while nobody reading the table can.
  submitter_key text,
  anonymous boolean not null default false,
  -- received (waiting for the e-mail confirmation) → open; held for moderation; rejected.
  status text not null default 'unconfirmed' check (status in ('unconfirmed', 'held', 'open', 'rejected')),
  hold_reasons jsonb not null default '[]',
  confirmed_at timestamptz,
  unit_id uuid references units(id),
  group_id uuid references idea_groups(id),
  state_id uuid not null references idea_states(id),
  first_answer_due timestamptz,
  first_answered_at timestamptz,
  overdue_notified_at timestamptz,
  implemented_at timestamptz,
  progress integer check (progress between 0 and 100),
  progress_note text not null default '',
  helped text check (helped in ('yes', 'partly', 'no')),
  helped_comment text not null default '',
  helped_at timestamptz,
  helped_asked_at timestamptz,
  search tsvector generated always as (
    setweight(to_tsvector('swedish', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('swedish', coalesce(description, '')), 'B')
  ) stored,
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, number),
  check (not (unit_id is not null and group_id is not null))
);
create index ideas_list_idx on ideas (org_id, status, received_at desc);
create index ideas_search_idx on ideas using gin (search);
create index ideas_unit_idx on ideas (unit_id);
create index ideas_group_idx on ideas (group_id);

create table idea_attachments (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  idea_id uuid not null references ideas(id) on delete cascade,
  filename text not null,
  content_type text not null,
  size integer not null,
  data bytea not null,
  created_at timestamptz not null default now()
);

-- The timeline: every step, with who did it and why. `public` decides what the idea's public
-- page shows; internal steps (moves, moderation) are for staff only.
create table idea_updates (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  idea_id uuid not null references ideas(id) on delete cascade,
  kind text not null check (kind in ('received', 'confirmed', 'routed', 'moved', 'state', 'progress', 'link', 'held', 'cleared', 'rejected', 'helped', 'edited')),
  state_id uuid references idea_states(id),
  answer text not null default '',
  reason text not null default '',
  -- Who decided, as it is shown: "Enheten för ekonomiskt bistånd", "Socialnämnden".
  decided_by text not null default '',
  actor_id uuid references staff_users(id),
  actor_name text not null default '',
  public boolean not null default false,
  notifies boolean not null default false,
  details jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index idea_updates_idea_idx on idea_updates (idea_id, created_at);

-- Decisions and results an idea led to.
create table idea_links (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  idea_id uuid not null references ideas(id) on delete cascade,
  kind text not null check (kind in ('decision', 'result')),
  title text not null,
  url text not null,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now()
);

create table idea_followers (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  idea_id uuid not null references ideas(id) on delete cascade,
  email text not null,
  frequency text not null check (frequency in ('immediate', 'daily')),
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  created_at timestamptz not null default now(),
  unique (idea_id, email)
);
create index idea_followers_email_idx on idea_followers (org_id, lower(email));

-- One row per update and recipient: the submitter and every follower who should hear of it.
-- Unique, so nobody is told about the same step twice; the status is what staff see.
create table idea_notifications (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  idea_id uuid not null references ideas(id) on delete cascade,
  update_id uuid not null references idea_updates(id) on delete cascade,
  recipient text not null check (recipient in ('submitter', 'follower')),
  follower_id uuid references idea_followers(id) on delete cascade,
  email text,
  delivery text not null check (delivery in ('immediate', 'daily')),
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  unique (update_id, recipient, follower_id)
);
create unique index idea_notifications_submitter_once on idea_notifications (update_id) where recipient = 'submitter';
create index idea_notifications_pending_idx on idea_notifications (org_id, delivery, status);
