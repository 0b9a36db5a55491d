-- Cluster roles, run once by a superuser before migrations (idempotent).
-- footprint_owner owns the database and every schema and runs migrations.
-- Each service connects as its own non-owner, non-superuser role, granted only its own schema,
-- so a service cannot read another's tables and row-level security always applies to it.
do $$
declare
  r text;
begin
  if not exists (select 1 from pg_roles where rolname = 'footprint_owner') then
    create role footprint_owner login nosuperuser nocreaterole;
  end if;
  foreach r in array array['footprint_children', 'footprint_reviews', 'footprint_escalations',
                           'footprint_advocacy', 'footprint_foster_carer_reviews', 'footprint_identity']
  loop
    if not exists (select 1 from pg_roles where rolname = r) then
      execute format('create role %I login nosuperuser nocreaterole nocreatedb nobypassrls', r);
    end if;
  end loop;
end
$$;
