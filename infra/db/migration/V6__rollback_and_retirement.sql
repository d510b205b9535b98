-- Rollbacks that go back where the operator came from, and retired versions that cost the live path nothing.

alter table projection_version
    -- The version that was LIVE immediately before this one became LIVE: where a rollback from this one goes.
    add column previous_live        integer,
    -- How this version last became LIVE: a rollback right after a rollback is refused unless a version is named.
    add column live_by              text check (live_by in ('cut-over', 'rollback')),
    -- When it stopped being LIVE; the most recently retired versions are the ones kept.
    add column retired_at           timestamptz,
    -- For a RETIRED version: every event up to this sequence is in it (the lowest position the live path had
    -- reached on any partition when it stopped writing it). A rollback replays the log after it before the swap.
    add column current_to_sequence  bigint;

-- RETIRING: replaced in the ledger, but readers may still be on it until the search aliases have moved: the live
-- path goes on writing it. CATCHING_UP: a RETIRED version a rollback is bringing up to date (the live path writes
-- it, replay fills the gap). DROPPED: its target is gone; the row stays as history.
alter table projection_version drop constraint projection_version_status_check;
alter table projection_version add constraint projection_version_status_check
    check (status in ('BUILDING', 'LIVE', 'RETIRING', 'RETIRED', 'CATCHING_UP', 'FAILED', 'DROPPED'));

-- One rollback catching up per projection at a time.
create unique index projection_version_one_catching_up on projection_version (projection) where status = 'CATCHING_UP';
