-- Routing rules managed by admins: the first matching rule decides the unit of a new case.
create table routing_rules (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  position integer not null default 0,
  category_id uuid references categories(id) on delete cascade,
  channel text,
  keywords text[] not null default '{}',
  unit_id uuid not null references units(id),
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now()
);
create index routing_rules_org_idx on routing_rules (org_id, position);
