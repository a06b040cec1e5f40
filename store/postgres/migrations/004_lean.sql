-- Leaner covering indexes for the aggregates: every new event writes an
-- entry into each, on a page of its own (their keys are random), so their
-- size is what an ingest writes. Weeks and months are made from the date
-- when the aggregates are read (sqlstore.periodColumn), not stored in the
-- indexes; the events table keeps its week and month columns.
DROP INDEX events_source_agg;
DROP INDEX events_target_agg;
CREATE INDEX events_source_agg ON events (source_code, target_code, date, quad_class, goldstein, num_mentions, root, id);
CREATE INDEX events_target_agg ON events (target_code, source_code, date, quad_class, goldstein, num_mentions, root, id);

-- Keys compare as bytes (COLLATE "C"), as SQLite's do: the database's
-- collation (often en_US.UTF-8 or C.UTF-8) sorts through strcoll, and every
-- index entry an ingest writes is placed by such comparisons.
ALTER TABLE documents ALTER COLUMN id TYPE TEXT COLLATE "C", ALTER COLUMN hash TYPE TEXT COLLATE "C";
ALTER TABLE mentions ALTER COLUMN id TYPE TEXT COLLATE "C", ALTER COLUMN doc_id TYPE TEXT COLLATE "C",
	ALTER COLUMN block TYPE TEXT COLLATE "C", ALTER COLUMN cluster_id TYPE TEXT COLLATE "C",
	ALTER COLUMN date_start TYPE TEXT COLLATE "C", ALTER COLUMN date_end TYPE TEXT COLLATE "C";
ALTER TABLE events ALTER COLUMN id TYPE TEXT COLLATE "C", ALTER COLUMN source_code TYPE TEXT COLLATE "C",
	ALTER COLUMN target_code TYPE TEXT COLLATE "C", ALTER COLUMN date TYPE TEXT COLLATE "C",
	ALTER COLUMN root TYPE TEXT COLLATE "C";
ALTER TABLE timeline_days ALTER COLUMN date TYPE TEXT COLLATE "C";
ALTER TABLE dyad_totals ALTER COLUMN source_code TYPE TEXT COLLATE "C", ALTER COLUMN target_code TYPE TEXT COLLATE "C";
