-- The newsroom: press releases and news with review, approval, scheduling and embargo; images,
-- fact material, corrections; media contacts and lists; distribution; invitations; coverage.

create table releases (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  -- The permalink: set when the release is created and never changed.
  slug text not null,
  kind text not null default 'press_release' check (kind in ('press_release', 'news')),
  title text not null,
  lead text not null default '',
  body_md text not null default '',
  body_html text not null default '',
  topic text not null default '',
  unit_id uuid references units(id),
  status text not null default 'draft' check (status in ('draft', 'in_review', 'approved', 'withdrawn')),
  -- When it becomes public (null: not scheduled). Public = approved and publish_at <= now().
  publish_at timestamptz,
  -- Journalists chosen for the embargo see it from approval until publish_at.
  embargo boolean not null default false,
  -- The lists it is sent to when it becomes public, and whether subscribers get it.
  list_ids uuid[] not null default '{}',
  send_to_subscribers boolean not null default true,
  distributed_at timestamptz,
  submitted_by uuid references staff_users(id),
  submitted_at timestamptz,
  approved_by uuid references staff_users(id),
  approved_at timestamptz,
  created_by uuid references staff_users(id),
  version integer not null default 1,
  search tsvector generated always as (
    setweight(to_tsvector('swedish', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('swedish', coalesce(lead, '')), 'B') ||
    setweight(to_tsvector('swedish', coalesce(body_md, '')), 'C')
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, slug)
);
create index releases_public_idx on releases (org_id, status, publish_at desc);
create index releases_search_idx on releases using gin (search);

create table release_quotes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  release_id uuid not null references releases(id) on delete cascade,
  quote text not null,
  person text not null,
  person_title text not null default '',
  position integer not null default 0
);

create table release_contacts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  release_id uuid not null references releases(id) on delete cascade,
  name text not null,
  role text not null default '',
  phone text not null default '',
  email text not null default '',
  position integer not null default 0
);

create table release_images (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  release_id uuid not null references releases(id) on delete cascade,
  alt text not null check (length(trim(alt)) > 0),
  caption text not null default '',
  photographer text not null default '',
  content_type text not null,
  width integer not null,
  height integer not null,
  data bytea not null,
  created_at timestamptz not null default now()
);

-- Sizes generated at upload (JPEG), so pages and mail never send the original.
create table release_image_sizes (
  image_id uuid not null references release_images(id) on delete cascade,
  width integer not null,
  height integer not null,
  data bytea not null,
  primary key (image_id, width)
);

-- Attached documents and fact material (fact sheets, statistics, background).
create table release_documents (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  release_id uuid not null references releases(id) on delete cascade,
  kind text not null check (kind in ('fact_sheet', 'statistics', 'background', 'document')),
  title text not null,
  filename text not null,
  content_type text not null,
  size integer not null,
  data bytea not null,
  created_at timestamptz not null default now()
);

-- A change after publication is shown openly with its date; never a silent edit.
create table release_corrections (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  release_id uuid not null references releases(id) on delete cascade,
  note text not null,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now()
);

create table media_outlets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  name text not null,
  unique (org_id, name)
);

create table media_contacts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  name text not null,
  email text not null,
  phone text not null default '',
  outlet_id uuid references media_outlets(id),
  beats text[] not null default '{}',
  -- GDPR: the legal basis, and where the contact came from.
  basis text not null check (basis in ('consent', 'legitimate_interest')),
  source text not null,
  note text not null default '',
  unsubscribed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index media_contacts_email_idx on media_contacts (org_id, lower(email));

create table media_lists (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  name text not null,
  description text not null default '',
  unique (org_id, name)
);

create table media_list_members (
  list_id uuid not null references media_lists(id) on delete cascade,
  contact_id uuid not null references media_contacts(id) on delete cascade,
  primary key (list_id, contact_id)
);

-- Journalists who may read a release under embargo.
create table release_embargo_recipients (
  release_id uuid not null references releases(id) on delete cascade,
  contact_id uuid not null references media_contacts(id) on delete cascade,
  notified_at timestamptz,
  primary key (release_id, contact_id)
);

create table newsroom_subscribers (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  email text not null,
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index newsroom_subscribers_email_idx on newsroom_subscribers (org_id, lower(email));

-- One row per release and address: the same person never gets a release twice.
create table release_deliveries (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  release_id uuid not null references releases(id) on delete cascade,
  email text not null,
  contact_id uuid references media_contacts(id) on delete set null,
  subscriber_id uuid references newsroom_subscribers(id) on delete set null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index release_deliveries_once_idx on release_deliveries (release_id, lower(email));

create table press_events (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  release_id uuid references releases(id) on delete set null,
  title text not null,
  description text not null default '',
  location text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  check (ends_at > starts_at)
);

create table event_invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  event_id uuid not null references press_events(id) on delete cascade,
  contact_id uuid not null references media_contacts(id) on delete cascade,
  response text check (response in ('yes', 'no')),
  responded_at timestamptz,
  sent_status text not null default 'pending' check (sent_status in ('pending', 'sent', 'failed')),
  created_at timestamptz not null default now(),
  unique (event_id, contact_id)
);

create table coverage (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  release_id uuid references releases(id) on delete set null,
  topic text not null default '',
  outlet text not null,
  published_on date not null,
  url text not null default '',
  tone text not null check (tone in ('positive', 'neutral', 'negative')),
  note text not null default '',
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now()
);
create index coverage_release_idx on coverage (release_id);

-- Media inquiries in the inbox about a release (the case stays the inbox's).
create table release_inquiries (
  release_id uuid not null references releases(id) on delete cascade,
  case_id uuid not null references cases(id),
  created_at timestamptz not null default now(),
  primary key (release_id, case_id)
);
