-- Retention (the scheduled RetentionFunction): Debezium's heartbeat rows and expired idempotency keys are deleted;
-- every other row of the outbox stays for good, since it is the event log rebuilds replay.

-- The heartbeats, oldest first, without walking the events between them (about 17,000 heartbeats a day).
create index outbox_heartbeat_occurred on outbox (occurred_at) where aggregate_type = 'heartbeat';

-- The event log stays append-only for its events, whoever deletes and whatever the code above does: only a
-- heartbeat row may be deleted. (Debezium's outbox router ignores the delete messages this produces.)
create function outbox_keeps_events() returns trigger
language plpgsql as $$
begin
    if old.aggregate_type <> 'heartbeat' then
        raise exception 'the outbox is the event log: event % (% %) cannot be deleted, only heartbeats can',
            old.event_id, old.aggregate_type, old.aggregate_id
            using errcode = 'insufficient_privilege';
    end if;
    return old;
end;
$$;

create trigger outbox_keeps_events before delete on outbox for each row execute function outbox_keeps_events();
