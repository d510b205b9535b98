-- A database role per side, so that what each function may do is enforced by PostgreSQL, below the code: the
-- commands write the write model and append to the outbox, the queries read the read views, the projections write
-- the read schemas. Nobody but the owner (migrations, rebuilds) can touch anything else.
--
-- Repeatable: Flyway runs it after the versioned migrations whenever it changes, so a migration that adds a table
-- changes this file too. The roles have no login here (a migration knows no password): the setup step (AWS, from
-- each role's secret) and the local runtime give them one (dev.catalog.infra.db.DatabaseRole).

do $$
declare
    role_name text;
begin
    foreach role_name in array array['catalog_command', 'catalog_query', 'catalog_projection'] loop
        if not exists (select 1 from pg_roles where rolname = role_name) then
            execute format('create role %I nologin', role_name);
        end if;
    end loop;
end;
$$;

-- Commands: the write model and appending events; nothing of the read side, no updating the event log.
grant usage on schema public to catalog_command;
grant select, insert, update, delete on category, product, inventory, stock_level, idempotency_key to catalog_command;
grant insert on outbox to catalog_command;
-- The retention task runs as the commands too: the idempotency keys are theirs already, and of the outbox it deletes
-- heartbeats only (V7's trigger refuses any other row, whoever asks). Select: its delete finds rows by their columns.
grant select (sequence, aggregate_type, occurred_at), delete on outbox to catalog_command;

-- Queries: the views readers use (a cut-over repoints them; their grants stay), and nothing else.
grant usage on schema catalog_read to catalog_query;
grant select on all tables in schema catalog_read to catalog_query;

-- Projections: which versions are active, their own progress, and the tables of every read schema.
grant usage on schema public to catalog_projection;
grant select on projection_version to catalog_projection;
grant select, insert, update on projection_progress to catalog_projection;

-- What the projections may do in a read schema; a rebuild calls it on each read_v<N> it creates.
create or replace function grant_read_schema(schema_name text) returns void
language plpgsql as $$
begin
    execute format('grant usage on schema %I to catalog_projection', schema_name);
    execute format('grant select, insert, update, delete on all tables in schema %I to catalog_projection', schema_name);
end;
$$;

select grant_read_schema(nspname) from pg_namespace where nspname ~ '^read_v[0-9]+$';

-- Functions that create, grant and repoint are the owner's, not every role's (PUBLIC may execute by default).
revoke execute on function create_read_schema(text), point_read_views(text), grant_read_schema(text) from public;
