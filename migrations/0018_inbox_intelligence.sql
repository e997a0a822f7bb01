-- Inbox intelligence: every message's kind on arrival (the writer's own matter is a kind of
-- its own), the unit the evidence suggests with its confidence (shown on every case, routed
-- automatically only above the threshold the admin sets), and the channels staff log by hand
-- (phone, letter, visit, the reception desk).
alter table cases drop constraint cases_kind_check;
alter table cases add constraint cases_kind_check
  check (kind in ('question', 'media', 'complaint', 'praise', 'other', 'document_request', 'own_matter'));
alter table cases drop constraint cases_channel_check;
alter table cases add constraint cases_channel_check
  check (channel in ('web', 'email', 'phone', 'letter', 'visit', 'reception', 'facebook', 'instagram', 'mastodon', 'open311'));

alter table cases add column kind_confidence real;
alter table cases add column kind_reasons text[] not null default '{}';
alter table cases add column suggested_unit_id uuid references units(id) on delete set null;
alter table cases add column suggestion_confidence real;
alter table cases add column suggestion_sources text[] not null default '{}';
-- Who logged a call, letter or visit (null for what arrived by itself).
alter table cases add column logged_by uuid references staff_users(id) on delete set null;

-- Route automatically when the suggestion's confidence is at least this (0–1); null: never —
-- the admin turns it on (the demo does, at 0.6).
alter table organisations add column auto_route_threshold real
  check (auto_route_threshold is null or (auto_route_threshold >= 0 and auto_route_threshold <= 1));
