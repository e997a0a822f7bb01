-- Social channels: Facebook Pages, Instagram accounts and Mastodon accounts the department runs.
create table social_accounts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  platform text not null check (platform in ('facebook', 'instagram', 'mastodon')),
  -- The Page id, the Instagram account id, or the Mastodon account id.
  external_id text not null,
  name text not null,
  -- Mastodon: the instance (https://mastodon.example); Meta accounts use META_GRAPH_URL.
  base_url text,
  -- The access token, AES-256-GCM encrypted (iv + tag + ciphertext, base64); never shown again.
  token_encrypted text not null,
  active boolean not null default true,
  -- Mastodon: the newest notification already read (since_id).
  cursor text,
  last_error text,
  last_error_at timestamptz,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  unique (org_id, platform, external_id)
);

-- Every webhook delivery, stored as received before we answer 200.
create table social_events (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  source text not null check (source in ('meta', 'mastodon')),
  body text not null,
  status text not null default 'pending' check (status in ('pending', 'processed', 'ignored', 'failed')),
  note text,
  received_at timestamptz not null default now(),
  processed_at timestamptz
);
create index social_events_pending_idx on social_events (org_id, received_at) where status = 'pending';

-- Every incoming and outgoing social message with its metadata (the archive of the accounts).
create table social_items (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  account_id uuid not null references social_accounts(id),
  case_id uuid references cases(id),
  direction text not null check (direction in ('in', 'out')),
  kind text not null check (kind in ('comment', 'message', 'mention', 'reply')),
  external_id text not null,
  parent_external_id text,
  post_external_id text,
  author_id text,
  author_name text,
  -- Mastodon: the account to mention when answering (user@instance).
  author_handle text,
  text text not null,
  permalink text,
  visibility text,
  created_at timestamptz not null,
  hidden_at timestamptz,
  removed_at timestamptz,
  unique (account_id, external_id)
);
create index social_items_case_idx on social_items (case_id);
create index social_items_author_idx on social_items (account_id, author_id, created_at desc);

-- Moderation (BBS-lagen): what was hidden or removed, why, by whom — with the snapshot taken first.
create table social_moderation (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  item_id uuid not null references social_items(id),
  action text not null check (action in ('hide', 'remove')),
  reason text not null,
  snapshot jsonb not null,
  status text not null default 'queued' check (status in ('queued', 'done', 'failed')),
  failure text,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  done_at timestamptz
);
create index social_moderation_item_idx on social_moderation (item_id);

-- Archive snapshots of an account's messages (arkivlagen): an open format, registered here with a checksum.
create table social_archives (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  account_id uuid not null references social_accounts(id),
  period_from timestamptz not null,
  period_to timestamptz not null,
  items integer not null,
  sha256 text not null,
  data bytea not null,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  unique (account_id, period_from, period_to)
);
