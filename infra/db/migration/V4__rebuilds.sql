-- Rebuilds: which run built a version, what verification found, and which versions the live path writes.

alter table projection_version
    -- The Step Functions execution (or any caller) that prepared this version; a new run for the projection finds
    -- a BUILDING version and resumes it from replayed_to_sequence instead of starting over.
    add column run_id       text,
    -- What verification compared and found, per tenant, as shown by ./catalog projections and the state machine.
    add column verification jsonb;

-- One BUILDING version per projection at a time: two rebuilds of one projection would fight over the dual write.
create unique index projection_version_one_building on projection_version (projection) where status = 'BUILDING';
