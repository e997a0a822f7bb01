-- Follow-up: after a case is closed the requester can say whether they got help.
alter table cases add column helped boolean;
alter table cases add column helped_at timestamptz;
create index cases_received_idx on cases (org_id, received_at);
