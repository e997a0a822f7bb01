-- The newest replies first, for "answers to similar questions" in a large archive.
create index case_messages_out_recent_idx on case_messages (org_id, created_at desc) where direction = 'out';
