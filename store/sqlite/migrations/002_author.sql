-- Bylines, added to parley.Document after the first release.
ALTER TABLE documents ADD COLUMN author TEXT NOT NULL DEFAULT '';
