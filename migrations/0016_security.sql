-- Sign-in throttling with growing delays, per account and address, per address alone and per
-- account alone (a slow guess spread over many addresses). Keys are hashes: the table never
-- says which e-mail addresses were tried. It replaces the account lockout, which told an
-- attacker which accounts exist and let anyone lock anyone out.
create table login_throttle (
  key text primary key,
  failures integer not null default 0,
  last_failure_at timestamptz not null default now(),
  blocked_until timestamptz
);
create index login_throttle_last_idx on login_throttle (last_failure_at);

-- Media contacts: a public authority cannot rest its own tasks on legitimate interest (GDPR
-- art. 6.1, last paragraph). Press work is a task in the public interest; a few contacts rest
-- on a legal obligation or on consent.
alter table media_contacts drop constraint if exists media_contacts_basis_check;
update media_contacts set basis = 'public_interest' where basis = 'legitimate_interest';
alter table media_contacts add constraint media_contacts_basis_check
  check (basis in ('public_interest', 'legal_obligation', 'consent'));
