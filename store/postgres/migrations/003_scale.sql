-- Incremental dedup: a batch reclusters only the stored mentions within the
-- dedup window of its own (sqlstore.addDocuments), found by block and date.
-- date_end is the last day a mention's date covers (dedup.Days): the
-- date_start day, or the end of the month or year of a coarse date.
ALTER TABLE mentions ADD COLUMN date_end TEXT NOT NULL DEFAULT '';
UPDATE mentions SET date_end = CASE
	WHEN length(record::jsonb->>'date') = 7 AND date_start = (record::jsonb->>'date') || '-01'
		THEN to_char(date_start::date + interval '1 month' - interval '1 day', 'YYYY-MM-DD')
	WHEN length(record::jsonb->>'date') = 4 AND date_start = (record::jsonb->>'date') || '-01-01'
		THEN to_char(date_start::date + interval '1 year' - interval '1 day', 'YYYY-MM-DD')
	ELSE date_start END;
DROP INDEX mentions_block;
CREATE INDEX mentions_block_start ON mentions (block, date_start);
-- Month- and year-dated mentions, the only ones that can start before a
-- range and end in it; few, so a small partial index.
CREATE INDEX mentions_block_end ON mentions (block, date_end) WHERE date_end > date_start;
-- Unused: events are replaced by id, not by block, and documents are never
-- deleted (deleting one now scans mentions for the cascade).
DROP INDEX events_block;
DROP INDEX mentions_doc;
-- Covering indexes for the aggregates (Dyads, Timeline) and for paging by
-- actor: an actor filter is a range over the first column, dyads group in
-- index order, and no table row (with its large JSON columns) is read.
-- (Timelines filtered by dates only read timeline_days, below.)
DROP INDEX events_source;
DROP INDEX events_target;
CREATE INDEX events_source_agg ON events (source_code, target_code, date, week, month, quad_class, goldstein, num_mentions, root, id);
CREATE INDEX events_target_agg ON events (target_code, source_code, date, week, month, quad_class, goldstein, num_mentions, root, id);

-- Rollups of the events, kept with them by AddDocuments: by day and quad
-- class for timelines filtered by dates only, by dyad for the unfiltered
-- dyads. Goldstein sums in thousandths, as integers, so that removing an
-- event takes back exactly what adding it put in.
CREATE TABLE timeline_days (
	date            TEXT NOT NULL,
	quad_class      INTEGER NOT NULL,
	week            TEXT NOT NULL,
	month           TEXT NOT NULL,
	events          INTEGER NOT NULL,
	goldstein_milli BIGINT NOT NULL,
	PRIMARY KEY (date, quad_class)
);
INSERT INTO timeline_days (date, quad_class, week, month, events, goldstein_milli)
	SELECT date, quad_class, week, month, count(*), sum(round(goldstein * 1000)::bigint) FROM events GROUP BY date, quad_class, week, month;
CREATE TABLE dyad_totals (
	source_code     TEXT NOT NULL,
	target_code     TEXT NOT NULL,
	events          INTEGER NOT NULL,
	mentions        BIGINT NOT NULL,
	goldstein_milli BIGINT NOT NULL,
	PRIMARY KEY (source_code, target_code)
);
INSERT INTO dyad_totals (source_code, target_code, events, mentions, goldstein_milli)
	SELECT source_code, target_code, count(*), sum(num_mentions), sum(round(goldstein * 1000)::bigint) FROM events WHERE target_code <> '' GROUP BY source_code, target_code;
