-- Warnings before a missed answer time, and escalation to the unit's manager after.
alter table cases add column warned_at timestamptz;
alter table cases add column escalated_at timestamptz;
create index cases_due_idx on cases (org_id, first_answer_due) where status in ('new', 'open');
