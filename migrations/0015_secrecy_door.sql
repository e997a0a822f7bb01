-- One guarded door for case content (OSL 26 kap): the registrar role, an explicit secrecy
-- right, deliberate and audited openings, the child-welfare intake as data, and what the
-- request module needs to prove who read a document before its secrecy review.

alter table staff_users drop constraint staff_users_roles_known;
alter table staff_users add constraint staff_users_roles_known check (
  roles <@ array['admin', 'communicator', 'unit_staff', 'manager', 'employee', 'registrar']::text[]
);
-- May open secret cases of every unit (e.g. the department's lawyer). Set by an admin, audited.
alter table staff_users add column secrecy_right boolean not null default false;

-- The unit that receives reports of concern about children (the child-welfare intake).
alter table units add column receives_concern_reports boolean not null default false;
update units set receives_concern_reports = true where slug = 'mottagningen-barn';

-- A deliberate "open" of a secret case: by whom, in which session, why, until when. Reads of
-- the content while it lasts are audited one by one; logging out ends it.
create table case_openings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  case_id uuid not null references cases(id) on delete cascade,
  user_id uuid not null references staff_users(id) on delete cascade,
  session_id text not null,
  purpose text not null,
  opened_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index case_openings_lookup_idx on case_openings (case_id, user_id, session_id, expires_at desc);

-- Reports of concern: what the intake told a reporter who reported in their profession
-- (the social-services act lets the board say whether an investigation was opened, not
-- opened or already running — never more).
alter table cases add column reporter_notice text
  check (reporter_notice in ('opened', 'not_opened', 'already_running'));
alter table cases add column reporter_notice_at timestamptz;

-- Which case a request document was taken from (its own case or another one), so the secrecy
-- review can be limited to people who may read that case.
alter table request_documents add column source_case_id uuid references cases(id);
update request_documents d set source_case_id = r.case_id
  from document_requests r where r.id = d.request_id and d.source in ('message', 'attachment');

-- Who has read a document (its current version) — a review needs the reviewer to have read it.
create table request_document_reads (
  document_id uuid not null references request_documents(id) on delete cascade,
  user_id uuid not null references staff_users(id) on delete cascade,
  read_at timestamptz not null default now(),
  primary key (document_id, user_id)
);
