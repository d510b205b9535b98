-- The write model: normalized tables guarded by the aggregates, and the outbox that is also the event log.
-- Every table is keyed by tenant first. Foreign keys include the tenant, so a product can only be filed
-- under a category of its own tenant, whatever the code above does.

create table category (
    tenant_id   text        not null,
    id          uuid        not null,
    name        text        not null,
    -- Sibling names are unique regardless of case: "Shoes" and "shoes" under one parent would confuse everyone.
    name_key    text        generated always as (lower(name)) stored,
    parent_id   uuid,
    version     bigint      not null check (version > 0),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, parent_id) references category (tenant_id, id),
    constraint category_name_taken unique nulls not distinct (tenant_id, parent_id, name_key),
    check (parent_id is distinct from id)
);

create table product (
    tenant_id       text          not null,
    id              uuid          not null,
    sku             text          not null,
    name            text          not null,
    description     text,
    brand           text,
    category_id     uuid,
    price_amount    numeric(18,4) not null check (price_amount > 0),
    price_currency  char(3)       not null,
    status          text          not null check (status in ('DRAFT', 'ACTIVE', 'DISCONTINUED')),
    attributes      jsonb         not null default '{}',
    version         bigint        not null check (version > 0),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    primary key (tenant_id, id),
    -- Two writers racing to create the same SKU: one wins, the other gets duplicate_sku (HTTP 409).
    constraint product_sku_taken unique (tenant_id, sku),
    foreign key (tenant_id, category_id) references category (tenant_id, id)
);

create index product_category on product (tenant_id, category_id);

-- A product's inventory is its own aggregate, versioned apart from the product: stock moves far more often than
-- product details, and neither should make the other's If-Match stale.
create table inventory (
    tenant_id   text        not null,
    product_id  uuid        not null,
    version     bigint      not null check (version > 0),
    updated_at  timestamptz not null,
    primary key (tenant_id, product_id),
    foreign key (tenant_id, product_id) references product (tenant_id, id) on delete cascade
);

create table stock_level (
    tenant_id   text   not null,
    product_id  uuid   not null,
    warehouse   text   not null,
    quantity    bigint not null check (quantity >= 0),
    primary key (tenant_id, product_id, warehouse),
    foreign key (tenant_id, product_id) references inventory (tenant_id, product_id) on delete cascade
);

-- The transactional outbox, and the event log rebuilds replay. Append-only: rows are never updated or deleted.
create table outbox (
    -- Global order of appends. Not commit order: concurrent transactions commit out of sequence order, which
    -- is why replay reads only up to a snapshot's high-water mark and live consumption follows the WAL.
    sequence           bigint      generated always as identity primary key,
    event_id           uuid        not null unique,
    -- The writing transaction, for gap-safe reads: rows of transactions still in flight at a snapshot are
    -- exactly those with transaction_id >= pg_snapshot_xmin of that snapshot.
    transaction_id     xid8        not null default pg_current_xact_id(),
    tenant_id          text        not null,
    aggregate_type     text        not null,
    aggregate_id       text        not null,
    aggregate_version  bigint      not null check (aggregate_version > 0),
    -- The Kafka message key, so all events of one aggregate land in one partition, in order. A plain column:
    -- logical replication before PostgreSQL 18 does not publish generated columns.
    event_key          text        not null check (event_key = tenant_id || ':' || aggregate_id),
    event_type         text        not null,
    schema_version     integer     not null check (schema_version > 0),
    occurred_at        timestamptz not null,
    correlation_id     text,
    payload            jsonb       not null,
    -- One event per aggregate version: a lost update would have to write the same version twice.
    constraint outbox_one_event_per_version unique (tenant_id, aggregate_type, aggregate_id, aggregate_version)
);

-- Outcomes of POSTs sent with an Idempotency-Key, kept 24 hours. The key is claimed first thing in the
-- command's own transaction, so a second request with the same key waits for the first to commit (then
-- replays its outcome) or roll back (then runs itself); a failed request leaves no key behind.
create table idempotency_key (
    tenant_id    text        not null,
    key          text        not null,
    fingerprint  text        not null,
    -- Null only inside the claiming transaction, before the command's outcome is known.
    outcome      jsonb,
    created_at   timestamptz not null,
    primary key (tenant_id, key)
);

create index idempotency_key_created on idempotency_key (created_at);
