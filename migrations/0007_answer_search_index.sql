-- "Answers to similar questions": the newest replies first, and a GIN index over replies only.
-- The index over every message is dropped: with it, a search for words that only questions
-- contain scanned hundreds of thousands of questions before finding no replies.
create index case_messages_out_recent_idx on case_messages (org_id, created_at desc) where direction = 'out';
create index case_messages_out_search_idx on case_messages using gin (search) where direction = 'out';
drop index case_messages_search_idx;
