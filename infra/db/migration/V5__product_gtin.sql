-- Products get an optional GTIN (issue 14). The write model takes it at once; the detail read model gets it by a
-- rebuild: the definition below is what the next BUILDING version is created from, while the versions built before
-- keep the definition they were built with (the projection writes the GTIN only where the schema has the column).

-- The write model. Unique per tenant in GS1's 14-digit form, so "036000291452" and "0036000291452" (one trade item,
-- written as UPC-A and as EAN-13) cannot belong to two products: two writers racing for one GTIN, one wins, the other
-- gets duplicate_gtin (HTTP 409). Products without a GTIN (null) do not collide.
alter table product
    add column gtin     text check (gtin ~ '^([0-9]{8}|[0-9]{12,14})$'),
    add column gtin_key text generated always as (lpad(gtin, 14, '0')) stored,
    add constraint product_gtin_taken unique (tenant_id, gtin_key);

-- The read schema of the detail projection, version 2 of its definition: product_detail gains gtin, as its LAST
-- column, so a version seeded from an older one (insert ... select *) still lines up.
create or replace function create_read_schema(schema_name text) returns void
language plpgsql as $$
begin
    execute format('create schema %I', schema_name);

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
            gtin               text,
            primary key (tenant_id, id)
        )$ddl$, schema_name);
    execute format('create index on %I.product_detail (tenant_id, category_id)', schema_name);
end;
$$;

-- Whether a read schema was built with the GTIN: the projection and the views ask, rather than assume.
create function read_schema_has_gtin(schema_name text) returns boolean
language sql stable as $$
    select exists (select 1 from information_schema.columns
                    where table_schema = schema_name and table_name = 'product_detail' and column_name = 'gtin')
$$;

-- The views readers use gain gtin as their last column (create or replace view may only add columns at the end).
-- A version built before has none to show: null, until the rebuilt version is cut over. A rollback to such a version
-- keeps the same columns, so readers never see the view change shape.
create or replace function point_read_views(schema_name text) returns void
language plpgsql as $$
begin
    execute format($ddl$
        create or replace view catalog_read.product_detail as
        select tenant_id, id, sku, name, description, brand, category_id, category_name, category_path,
               price_amount, price_currency, status, attributes, created_at, updated_at,
               product_version as version, stock, stock_total, inventory_version, %s as gtin
          from %I.product_detail
         where product_version > 0 and not deleted$ddl$,
        case when read_schema_has_gtin(schema_name) then 'gtin' else 'null::text' end, schema_name);
    execute format($ddl$
        create or replace view catalog_read.category as
        select tenant_id, id, name, parent_id, version, path from %I.category$ddl$, schema_name);
end;
$$;

-- A fresh install (no domain event in the log yet) has nothing to migrate: its LIVE read schema is empty, so it takes
-- the column at once, exactly as if it had been created from the new definition. Anything else waits for a rebuild.
do $$
declare
    live text;
begin
    select target into live from projection_version where projection = 'detail' and status = 'LIVE';
    if live is not null and not read_schema_has_gtin(live)
       and not exists (select 1 from outbox where aggregate_type <> 'heartbeat') then
        execute format('alter table %I.product_detail add column gtin text', live);
    end if;
end;
$$;

select point_read_views(target) from projection_version where projection = 'detail' and status = 'LIVE';
