-- Help catalogue: what help the department offers, in plain language, searchable in Swedish.
create table catalogue_services (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  slug text not null,
  name text not null,
  summary text not null,
  for_whom text not null default '',
  what_you_get text not null default '',
  cost text not null default '',
  -- 'direct': you can just get in touch; 'decision': a decision (biståndsbeslut) is needed.
  access text not null default 'direct' check (access in ('direct', 'decision')),
  phone text not null default '',
  email text not null default '',
  web_form boolean not null default true,
  address text not null default '',
  opening_hours text not null default '',
  accessibility text not null default '',
  languages text[] not null default '{}',
  situations text[] not null default '{}',
  audiences text[] not null default '{}',
  keywords text not null default '',
  easy_read text not null default '',
  unit_id uuid references units(id),
  responsible_id uuid references staff_users(id),
  published boolean not null default true,
  version integer not null default 1,
  lix numeric,
  lix_band text,
  review_months integer not null default 12 check (review_months between 1 and 60),
  last_reviewed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('swedish', name), 'A') ||
    setweight(to_tsvector('swedish', keywords || ' ' || summary), 'B') ||
    setweight(to_tsvector('swedish', for_whom || ' ' || what_you_get || ' ' || cost || ' ' || easy_read), 'C')
  ) stored,
  unique (org_id, slug)
);
create index catalogue_services_search_idx on catalogue_services using gin (search);
create index catalogue_services_name_trgm_idx on catalogue_services using gin (lower(name) gin_trgm_ops);
create index catalogue_services_situations_idx on catalogue_services using gin (situations);

-- Every saved version, whole (what the page said on a given day).
create table catalogue_versions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  service_id uuid not null references catalogue_services(id) on delete cascade,
  version integer not null,
  content jsonb not null,
  note text not null default '',
  changed_by uuid references staff_users(id),
  changed_at timestamptz not null default now(),
  unique (service_id, version)
);

-- Other languages per service (the Swedish page is the original).
create table catalogue_translations (
  org_id uuid not null references organisations(id),
  service_id uuid not null references catalogue_services(id) on delete cascade,
  lang text not null check (lang ~ '^[a-z]{2,3}$'),
  name text not null,
  summary text not null,
  body text not null,
  updated_at timestamptz not null default now(),
  primary key (service_id, lang)
);

create table catalogue_relations (
  org_id uuid not null references organisations(id),
  service_id uuid not null references catalogue_services(id) on delete cascade,
  related_id uuid not null references catalogue_services(id) on delete cascade,
  primary key (service_id, related_id),
  check (service_id <> related_id)
);

-- The words of the catalogue: a misspelt search word is matched to the nearest of them,
-- compared without å, ä and ö (residents on foreign keyboards write "forsorjningsstod").
create table catalogue_terms (
  org_id uuid not null references organisations(id),
  term text not null,
  folded text not null,
  primary key (org_id, term)
);
create index catalogue_terms_trgm_idx on catalogue_terms using gin (folded gin_trgm_ops);

-- Words people use, managed by staff: "soc" → "socialtjänsten", "bidrag" → "ekonomiskt bistånd".
create table catalogue_synonyms (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations(id),
  term text not null,
  expansion text not null,
  created_at timestamptz not null default now(),
  unique (org_id, term)
);
