-- Leaner covering indexes for the aggregates: every new event writes an
-- entry into each, on a page of its own (their keys are random), so their
-- size is what an ingest writes. Weeks and months are made from the date
-- when the aggregates are read (sqlstore.periodColumn), not stored in the
-- indexes; the events table keeps its week and month columns.
DROP INDEX events_source_agg;
DROP INDEX events_target_agg;
CREATE INDEX events_source_agg ON events (source_code, target_code, date, quad_class, goldstein, num_mentions, root, id);
CREATE INDEX events_target_agg ON events (target_code, source_code, date, quad_class, goldstein, num_mentions, root, id);
