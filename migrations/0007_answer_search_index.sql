-- Replies only, for "answers to similar questions": a smaller index than the whole thread.
create index case_messages_out_search_idx on case_messages using gin (search) where direction = 'out';
