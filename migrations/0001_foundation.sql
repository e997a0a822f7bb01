-- Platform foundation: organisation, units, staff, sessions, audit log.
create extension if not exists pg_trgm;

create table organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  name text not null,
  created_at timestamptz not null default now()
);

create table units (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  parent_id uuid references units(id),
  slug text not null,
  name text not null,
  description text,
  created_at timestamptz not null default now(),
  unique (org_id, slug)
);
create index units_parent_idx on units (parent_id);

create table staff_users (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  email text not null,
  name text not null,
  roles text[] not null default '{}',
  password_hash text,
  oidc_issuer text,
  oidc_subject text,
  active boolean not null default true,
  is_demo boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz,
  created_at timestamptz not null default now(),
  constraint staff_users_roles_known check (
    roles <@ array['admin', 'communicator', 'unit_staff', 'manager', 'employee']::text[]
  )
);
create unique index staff_users_email_idx on staff_users (org_id, lower(email));
create unique index staff_users_oidc_idx on staff_users (oidc_issuer, oidc_subject)
  where oidc_subject is not null;

create table unit_memberships (
  org_id uuid not null references organisations(id),
  user_id uuid not null references staff_users(id) on delete cascade,
  unit_id uuid not null references units(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, unit_id)
);
create index unit_memberships_unit_idx on unit_memberships (unit_id);

-- The session token itself is never stored; only its SHA-256 hash.
create table sessions (
  id text primary key,
  org_id uuid not null references organisations(id),
  user_id uuid not null references staff_users(id) on delete cascade,
  auth_method text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

-- Append-only: every write, and every read of a secret record (OSL), lands here.
create table audit_log (
  id bigint generated always as identity primary key,
  org_id uuid references organisations(id),
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  actor_label text not null,
  action text not null,
  subject_type text,
  subject_id text,
  ip text,
  request_id text,
  details jsonb not null default '{}'::jsonb
);
create index audit_log_occurred_idx on audit_log (org_id, occurred_at desc);
create index audit_log_action_idx on audit_log (org_id, action, occurred_at desc);
create index audit_log_actor_idx on audit_log (actor_id, occurred_at desc);
create index audit_log_subject_idx on audit_log (subject_type, subject_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
