-- Disposal (gallring): retention rules, and a record of every disposal. Only the disposal job
-- removes case content; the registry entry (number, date, category) stays.
create table retention_rules (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  kind text,
  category_id uuid references categories(id) on delete cascade,
  -- Months after the case was closed.
  months integer not null check (months > 0),
  legal_basis text not null,
  created_at timestamptz not null default now()
);

alter table cases add column disposed_at timestamptz;

create table disposals (
  id bigint generated always as identity primary key,
  org_id uuid not null references organisations(id),
  case_id uuid not null references cases(id),
  case_number text not null,
  rule_id uuid references retention_rules(id) on delete set null,
  legal_basis text not null,
  disposed_at timestamptz not null default now(),
  details jsonb not null default '{}'::jsonb
);
create index disposals_org_idx on disposals (org_id, disposed_at desc);
