-- A case can be a request for public documents: the register then says so.
alter table cases drop constraint cases_kind_check;
alter table cases add constraint cases_kind_check check (kind in ('question', 'media', 'complaint', 'praise', 'other', 'document_request'));

-- Requests for public documents (begäran om allmän handling). Every request belongs to an
-- inbox case, so it has a registration number, a channel and a follow link like any question.
create table document_requests (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  case_id uuid not null unique references cases(id),
  received_at timestamptz not null,
  requested text not null,
  unit_id uuid references units(id),
  status text not null default 'open' check (status in ('open', 'decided', 'delivered', 'withdrawn')),
  -- Large requests are released in parts: what the requester was told to expect, and when.
  parts_note text not null default '',
  outcome text check (outcome in ('full', 'partial', 'refused')),
  decision_reason text,
  decision_text text,
  decided_by uuid references staff_users(id),
  decided_at timestamptz,
  delivery_method text check (delivery_method in ('email', 'download', 'post')),
  delivered_at timestamptz,
  fee_pages integer,
  fee_amount numeric(10, 2),
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now()
);
create index document_requests_open_idx on document_requests (org_id, status, received_at);

create table request_documents (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  request_id uuid not null references document_requests(id) on delete cascade,
  title text not null,
  filename text not null,
  content_type text not null,
  data bytea not null,
  size integer not null,
  source text not null check (source in ('upload', 'message', 'attachment')),
  source_id uuid,
  review_outcome text check (review_outcome in ('release', 'partial', 'refuse')),
  review_grounds text[] not null default '{}',
  review_reason text,
  reviewed_by uuid references staff_users(id),
  reviewed_at timestamptz,
  -- The copy that is released: the original when released in full, the masked copy in part.
  released_data bytea,
  released_type text,
  released_pages integer,
  -- Sent ahead of the decision, as a part of a large request.
  delivered_at timestamptz,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now()
);
create index request_documents_request_idx on request_documents (request_id, created_at);

create table request_masks (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  document_id uuid not null references request_documents(id) on delete cascade,
  passage text not null,
  ground text not null,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now()
);
create index request_masks_document_idx on request_masks (document_id);

-- Download links: only the hash of the token is kept; links expire.
create table request_downloads (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  request_id uuid not null references document_requests(id) on delete cascade,
  token_hash text not null unique,
  -- A part sent ahead: only these documents; null: everything released.
  document_ids uuid[],
  expires_at timestamptz not null,
  downloads integer not null default 0,
  created_at timestamptz not null default now()
);
