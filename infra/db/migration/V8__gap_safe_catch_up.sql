-- Gap-safe rollbacks: a RETIRED version records which transactions' events it surely holds, not only a sequence.
-- Sequences are not commit order: an event of a transaction still in flight when the live path stopped writing a
-- version can have a lower sequence than events the live path had applied by then, so "every event up to sequence
-- N" can miss it; "every event of a transaction older than X" cannot.

-- The oldest transaction still in flight when the row was written (its statement's snapshot). A consumer that has
-- applied this row has applied, on the row's partition, every event of a transaction older than that: such a
-- transaction had committed before the row did, so its events came first in commit order. Rows written before this
-- migration have none: no default for them, which would claim a later snapshot than theirs.
alter table outbox add column snapshot_xmin xid8;
alter table outbox alter column snapshot_xmin set default pg_snapshot_xmin(pg_current_snapshot());

alter table projection_version
    -- The oldest transaction in flight when the high-water mark was taken: once replay reached the mark, the version
    -- holds every event of an older transaction (they had all committed, at or below the mark).
    add column high_water_xmin xid8,
    -- For a RETIRED version: it holds every event of a transaction older than this. The lowest snapshot_xmin of the
    -- last rows the live path applied to it on each partition (high_water_xmin when a partition has none). A
    -- rollback replays every event of a younger transaction, whatever its sequence.
    add column current_to_xmin xid8;
