-- A database role per side, so that what each function may do is enforced by PostgreSQL, below the code: the
-- commands write the write model and append to the outbox, the queries read the read views, the projections write
-- the read schemas, the rebuilds make, fill, repoint and drop read schemas (through the functions at the end of this
-- file, never as their owner), and Debezium replicates the outbox. Nobody but the owner (the migrations) can touch
-- anything else.
--
-- Repeatable: Flyway runs it after the versioned migrations whenever it changes, so a migration that adds a table
-- changes this file too. The roles have no login here (a migration knows no password): the setup step (AWS, from
-- each role's secret) and the local runtime give them one (dev.catalog.infra.db.DatabaseRole).

do $$
declare
    role_name text;
begin
    foreach role_name in array array['catalog_command', 'catalog_query', 'catalog_projection', 'catalog_rebuild',
                                     'catalog_debezium'] loop
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

-- Rebuilds: replay the event log, compare with the write model (reading it, never writing it), keep the ledger of
-- versions, read how far the live path has got (a rollback's catch-up), and the tables of every read schema.
grant usage on schema public to catalog_rebuild;
grant select on category, product, inventory, stock_level, outbox, projection_progress to catalog_rebuild;
grant select, insert, update on projection_version to catalog_rebuild;

-- Debezium: a replication connection, the outbox it captures (snapshots read it; each heartbeat appends a row, its
-- action query), and its stored offsets, through the publication below (which it need not own, so it is told not to
-- manage it: publication.autocreate.mode=disabled). Aurora reserves the REPLICATION attribute to rds_superuser and
-- grants replication through the rds_replication role instead.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'rds_replication') then
        grant rds_replication to catalog_debezium;
    else
        alter role catalog_debezium replication;
    end if;
    if not exists (select 1 from pg_publication where pubname = 'catalog_outbox') then
        create publication catalog_outbox for table public.outbox;
    end if;
end;
$$;
grant usage on schema public to catalog_debezium;
grant select, insert on outbox to catalog_debezium;
-- Debezium's JDBC offset store, made here rather than by Debezium on its first start, so its role needs no right to
-- create tables. The layout is the one Debezium 3.6 creates (JdbcOffsetBackingStoreConfig's default DDL); it saves
-- offsets by deleting the rows and inserting the new ones.
create table if not exists debezium_offset_storage (
    id                 varchar(36)   not null primary key,
    offset_key         varchar(1255),
    offset_val         varchar(1255),
    record_insert_ts   timestamp     not null,
    record_insert_seq  integer       not null
);
grant select, insert, delete on debezium_offset_storage to catalog_debezium;

-- What the projections and rebuilds may do in a read schema; rebuild_create_read_schema calls it on each read_v<N>.
create or replace function grant_read_schema(schema_name text) returns void
language plpgsql as $$
begin
    execute format('grant usage on schema %I to catalog_projection, catalog_rebuild', schema_name);
    execute format('grant select, insert, update, delete on all tables in schema %I to catalog_projection, catalog_rebuild',
                   schema_name);
end;
$$;

select grant_read_schema(nspname) from pg_namespace where nspname ~ '^read_v[0-9]+$';

-- The DDL of a rebuild, run as the owner of the read side (SECURITY DEFINER) so that the rebuild role owns nothing and
-- can create, repoint and drop read schemas named read_v<N> only, through the migrations' own definitions. Wrappers
-- rather than those functions made SECURITY DEFINER: a migration that redefines create_read_schema or
-- point_read_views (create or replace resets the attribute) cannot take the rebuilds' right away unnoticed.
create or replace function rebuild_read_schema_name(schema_name text) returns text
language plpgsql immutable as $$
begin
    if schema_name is null or schema_name !~ '^read_v[0-9]+$' then
        raise exception 'not a read schema: %', schema_name using errcode = 'insufficient_privilege';
    end if;
    return schema_name;
end;
$$;

create or replace function rebuild_create_read_schema(schema_name text) returns void
language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $$
begin
    perform create_read_schema(rebuild_read_schema_name(schema_name));
    perform grant_read_schema(schema_name);
end;
$$;

create or replace function rebuild_point_read_views(schema_name text) returns void
language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $$
begin
    perform point_read_views(rebuild_read_schema_name(schema_name));
end;
$$;

create or replace function rebuild_drop_read_schema(schema_name text) returns void
language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $$
begin
    execute format('drop schema if exists %I cascade', rebuild_read_schema_name(schema_name));
end;
$$;

-- Functions that create, grant and repoint are the owner's, not every role's (PUBLIC may execute by default); the
-- rebuild role gets the three wrappers, nothing else.
revoke execute on function create_read_schema(text), point_read_views(text), grant_read_schema(text),
    rebuild_create_read_schema(text), rebuild_point_read_views(text), rebuild_drop_read_schema(text) from public;
grant execute on function rebuild_create_read_schema(text), rebuild_point_read_views(text),
    rebuild_drop_read_schema(text) to catalog_rebuild;
