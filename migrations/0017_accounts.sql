-- Account administration: single-use links that let a person choose their password — an
-- invitation from an admin (72 hours) or a password reset they asked for (1 hour). Only the
-- SHA-256 of a link's token is stored; the worker derives the token again from the row's id
-- and the server secret when it writes the mail, so neither the table nor the job queue
-- holds a usable link.
create table account_tokens (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  user_id uuid not null references staff_users(id) on delete cascade,
  purpose text not null check (purpose in ('invitation', 'password_reset')),
  token_hash text not null unique,
  created_by uuid references staff_users(id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  -- A newer link, a password chosen another way or a deactivation closes older links.
  revoked_at timestamptz
);
create index account_tokens_user_idx on account_tokens (user_id, purpose, created_at desc);

-- When an admin deactivated the account (the reason is in the audit log); null while active.
alter table staff_users add column deactivated_at timestamptz;
