-- Documents as read, with the exact-duplicate key of their text.
CREATE TABLE documents (
	id          TEXT PRIMARY KEY,
	hash        TEXT NOT NULL UNIQUE,
	date        TEXT NOT NULL,
	title       TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	sentences   INTEGER NOT NULL DEFAULT 0,
	events      INTEGER NOT NULL DEFAULT 0,
	ingested_at TEXT NOT NULL
);

-- Mentions: every event record as coded, in its JSON form (record), with
-- the dedup block it belongs to and the cluster it was merged into.
CREATE TABLE mentions (
	id           TEXT PRIMARY KEY,
	doc_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	block        TEXT NOT NULL,
	cluster_id   TEXT NOT NULL DEFAULT '',
	dedup_reason TEXT NOT NULL DEFAULT '',
	date_start   TEXT NOT NULL DEFAULT '',
	doc_date     TEXT NOT NULL DEFAULT '',
	doc_source   TEXT NOT NULL DEFAULT '',
	record       TEXT NOT NULL
);
CREATE INDEX mentions_block ON mentions (block);
CREATE INDEX mentions_cluster ON mentions (cluster_id);
CREATE INDEX mentions_doc ON mentions (doc_id);

-- Events: deduplicated events (clusters of mentions), with the columns the
-- API filters and aggregates on, and the whole record as JSON.
CREATE TABLE events (
	id             TEXT PRIMARY KEY,
	block          TEXT NOT NULL,
	source_code    TEXT NOT NULL DEFAULT '',
	source_country TEXT NOT NULL DEFAULT '',
	target_code    TEXT NOT NULL DEFAULT '',
	target_country TEXT NOT NULL DEFAULT '',
	cameo          TEXT NOT NULL,
	root           TEXT NOT NULL,
	quad_class     INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	plover_type    TEXT NOT NULL DEFAULT '',
	negated        INTEGER NOT NULL DEFAULT 0,
	date           TEXT NOT NULL,
	week           TEXT NOT NULL DEFAULT '',
	month          TEXT NOT NULL DEFAULT '',
	loc_country    TEXT NOT NULL DEFAULT '',
	lat            REAL,
	lon            REAL,
	num_mentions   INTEGER NOT NULL,
	num_sources    INTEGER NOT NULL,
	num_articles   INTEGER NOT NULL,
	first_seen     TEXT NOT NULL DEFAULT '',
	last_seen      TEXT NOT NULL DEFAULT '',
	search         TEXT NOT NULL DEFAULT '',
	record         TEXT NOT NULL
);
CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_block ON events (block);
CREATE INDEX events_source ON events (source_code);
CREATE INDEX events_target ON events (target_code);
CREATE INDEX events_root ON events (root);
