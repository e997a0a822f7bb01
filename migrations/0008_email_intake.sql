-- E-mail in over IMAP: the original message is kept as received (for the archive's .eml),
-- automatic replies are recognised, a bounced reply is a delivery status, and every shared
-- mailbox reports its reader's state so administrators see when IMAP is down.
alter table case_messages add column raw_source bytea;
alter table case_messages add column automatic boolean not null default false;
alter table case_messages drop constraint case_messages_delivery_status_check;
alter table case_messages add constraint case_messages_delivery_status_check
  check (delivery_status in ('queued', 'sent', 'failed', 'bounced'));

create table mailbox_status (
  org_id uuid not null references organisations(id),
  mailbox text not null,
  state text not null check (state in ('connected', 'error', 'stopped')),
  last_error text,
  last_error_at timestamptz,
  failures integer not null default 0,
  last_batch_at timestamptz,
  received bigint not null default 0,
  updated_at timestamptz not null default now(),
  primary key (org_id, mailbox)
);
