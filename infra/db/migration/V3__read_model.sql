-- The read side in PostgreSQL: the projection version tracker, the read schema of the detail projection
-- (created by a function, so a rebuild makes read_v<N+1> from the very same definition), and the stable
-- views in catalog_read that readers use and a cut-over repoints.

-- Every version of every read model: what it is built into, how far it has got, whether readers see it.
create table projection_version (
    projection            text        not null check (projection in ('detail', 'search')),
    version               integer     not null check (version > 0),
    status                text        not null check (status in ('BUILDING', 'LIVE', 'RETIRED', 'FAILED')),
    -- The physical target: schema read_v<N> for detail, index products_v<N> for search.
    target                text        not null,
    -- Replay: events with replay_from_sequence < sequence <= high_water_mark are replayed into this version.
    replay_from_sequence  bigint,
    high_water_mark       bigint,
    replayed_to_sequence  bigint,
    events_replayed       bigint      not null default 0,
    created_at            timestamptz not null default now(),
    started_at            timestamptz,
    finished_at           timestamptz,
    error                 text,
    primary key (projection, version)
);

-- How far the live path has got, per version and per Kafka partition: each partition is consumed by one poller
-- at a time, so each row has one writer and concurrent batches never contend on a shared counter.
create table projection_progress (
    projection          text        not null,
    version             integer     not null,
    topic_partition     text        not null,
    -- The highest outbox sequence applied from this partition, and when.
    last_sequence       bigint      not null default 0,
    events_applied      bigint      not null default 0,
    last_applied_at     timestamptz,
    -- Heartbeats (catalog.heartbeat): when the newest one this version has applied was emitted, for end-to-end lag.
    last_heartbeat_at   timestamptz,
    primary key (projection, version, topic_partition),
    foreign key (projection, version) references projection_version (projection, version) on delete cascade
);

-- Exactly one LIVE version per projection: a second one cannot be committed.
create unique index projection_version_one_live on projection_version (projection) where status = 'LIVE';

insert into projection_version (projection, version, status, target, started_at, finished_at)
values ('detail', 1, 'LIVE', 'read_v1', now(), now()),
       ('search', 1, 'LIVE', 'products_v1', now(), now());

-- The read schema of the detail projection, created under any name. Each part of a product (the product itself,
-- its category, its inventory) carries the aggregate version it was last written at; an event only overwrites a
-- part with an older version, so duplicates and out-of-order deliveries converge on the write model.
create function create_read_schema(schema_name text) returns void
language plpgsql as $$
begin
    execute format('create schema %I', schema_name);

    -- Categories as the projection has seen them, with each one's path from the root (ids and names) kept
    -- up to date on every rename or move anywhere above it.
    execute format($ddl$
        create table %I.category (
            tenant_id   text        not null,
            id          uuid        not null,
            name        text        not null,
            parent_id   uuid,
            version     bigint      not null,
            path        jsonb       not null default '[]',
            updated_at  timestamptz not null,
            primary key (tenant_id, id)
        )$ddl$, schema_name);
    execute format('create index on %I.category (tenant_id, parent_id)', schema_name);

    -- One row per product, pre-joined for detail pages. A row may exist before its product part arrives
    -- (stock seen first: product_version 0), and stays as a tombstone after a deletion (deleted), so a late
    -- event of a deleted product cannot bring it back.
    execute format($ddl$
        create table %I.product_detail (
            tenant_id          text        not null,
            id                 uuid        not null,
            sku                text,
            name               text,
            description        text,
            brand              text,
            category_id        uuid,
            category_name      text,
            category_path      jsonb,
            price_amount       numeric(18,4),
            price_currency     char(3),
            status             text,
            attributes         jsonb,
            created_at         timestamptz,
            updated_at         timestamptz,
            product_version    bigint      not null default 0,
            deleted            boolean     not null default false,
            stock              jsonb       not null default '{}',
            stock_total        bigint      not null default 0,
            inventory_version  bigint      not null default 0,
            last_sequence      bigint      not null default 0,
            primary key (tenant_id, id)
        )$ddl$, schema_name);
    execute format('create index on %I.product_detail (tenant_id, category_id)', schema_name);
end;
$$;

select create_read_schema('read_v1');

-- What readers query. A cut-over repoints these views to another read_v<N> in one transaction.
create schema catalog_read;

create function point_read_views(schema_name text) returns void
language plpgsql as $$
begin
    execute format($ddl$
        create or replace view catalog_read.product_detail as
        select tenant_id, id, sku, name, description, brand, category_id, category_name, category_path,
               price_amount, price_currency, status, attributes, created_at, updated_at,
               product_version as version, stock, stock_total, inventory_version
          from %I.product_detail
         where product_version > 0 and not deleted$ddl$, schema_name);
    execute format($ddl$
        create or replace view catalog_read.category as
        select tenant_id, id, name, parent_id, version, path from %I.category$ddl$, schema_name);
end;
$$;

select point_read_views('read_v1');
