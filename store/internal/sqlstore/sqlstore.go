// Package sqlstore is the SQL shared by the SQLite and PostgreSQL event
// stores. Both dialects accept the same statements ($1 placeholders, ON
// CONFLICT, row values); the differences (how to open, migrate and bulk
// load) are given by the caller as a Dialect.
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"parley"
	"parley/dedup"
)

// Dialect is what differs between databases.
type Dialect struct {
	Name string
	// CopyMentions and CopyEvents bulk-load rows into the mentions and
	// events tables inside the connection's open transaction; nil means
	// row-by-row INSERTs in tx.
	CopyMentions func(ctx context.Context, conn *sql.Conn, rows [][]any) error
	CopyEvents   func(ctx context.Context, conn *sql.Conn, rows [][]any) error
	// LockBlock, when not "", is run with a dedup block's key as $1 before
	// the block is reclustered, and must hold a lock until the transaction
	// ends: it keeps concurrent writers (several ingests or queue workers)
	// from clustering one block from different snapshots. SQLite needs none,
	// its writers are serialized.
	LockBlock string
}

// Columns of the bulk-loaded tables, in the order of the rows given to Copy*.
var (
	MentionColumns = []string{"id", "doc_id", "block", "cluster_id", "dedup_reason", "date_start", "doc_date", "doc_source", "record"}
	EventColumns   = []string{"id", "block", "source_code", "source_country", "target_code", "target_country",
		"cameo", "root", "quad_class", "goldstein", "plover_type", "negated", "date", "week", "month",
		"loc_country", "lat", "lon", "num_mentions", "num_sources", "num_articles", "first_seen", "last_seen",
		"search", "record"}
)

// Store implements parley.EventStore over a *sql.DB.
type Store struct {
	DB      *sql.DB
	Dialect Dialect
	Dedup   dedup.Options
	// Now is the clock used for ingest times; tests may replace it.
	Now func() time.Time
}

var _ parley.EventStore = (*Store)(nil)

// Close closes the database.
func (s *Store) Close() error { return s.DB.Close() }

// Migrate runs, in order and each in its own transaction, the migrations
// not yet recorded in the migrations table.
func Migrate(ctx context.Context, db *sql.DB, names []string, read func(string) (string, error)) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := migrate(ctx, db, name, read); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

func migrate(ctx context.Context, db *sql.DB, name string, read func(string) (string, error)) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = $1`, name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	text, err := read(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, text); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name) VALUES ($1)`, name); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// AddDocuments implements parley.EventStore.
func (s *Store) AddDocuments(ctx context.Context, docs []parley.CodedDocument) (parley.AddResult, error) {
	for i := range docs {
		if err := docs[i].Doc.Validate(); err != nil {
			return parley.AddResult{}, err
		}
	}
	conn, err := s.DB.Conn(ctx)
	if err != nil {
		return parley.AddResult{}, fmt.Errorf("add documents: %w", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return parley.AddResult{}, fmt.Errorf("add documents: %w", err)
	}
	defer tx.Rollback()
	res, err := s.addDocuments(ctx, sqlTx{conn, tx, s.Dialect}, docs)
	if err != nil {
		return parley.AddResult{}, fmt.Errorf("add documents: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return parley.AddResult{}, fmt.Errorf("add documents: commit: %w", err)
	}
	return res, nil
}

// Tx is the part of an open transaction that AddDocumentsTx needs. The
// PostgreSQL store adapts a pgx.Tx to it, so that documents can be stored in
// a transaction that also does other work (a job queue's completion).
type Tx interface {
	Exec(ctx context.Context, query string, args ...any) error
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	// CopyFrom bulk-loads rows into table.
	CopyFrom(ctx context.Context, table string, cols []string, rows [][]any) error
}

// Rows is a query result, as pgx.Rows and *sql.Rows give it.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// AddDocumentsTx does what AddDocuments does inside tx, which the caller
// commits or rolls back. Documents are checked with Validate first
// (EINVALID).
func (s *Store) AddDocumentsTx(ctx context.Context, tx Tx, docs []parley.CodedDocument) (parley.AddResult, error) {
	for i := range docs {
		if err := docs[i].Doc.Validate(); err != nil {
			return parley.AddResult{}, err
		}
	}
	res, err := s.addDocuments(ctx, tx, docs)
	if err != nil {
		return parley.AddResult{}, fmt.Errorf("add documents: %w", err)
	}
	return res, nil
}

// sqlTx is a Tx over database/sql: conn is the connection tx runs on, for
// the dialect's bulk loader.
type sqlTx struct {
	conn    *sql.Conn
	tx      *sql.Tx
	dialect Dialect
}

func (t sqlTx) Exec(ctx context.Context, query string, args ...any) error {
	_, err := t.tx.ExecContext(ctx, query, args...)
	return err
}

func (t sqlTx) Query(ctx context.Context, query string, args ...any) (Rows, error) {
	rows, err := t.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

func (t sqlTx) CopyFrom(ctx context.Context, table string, cols []string, rows [][]any) error {
	var copyFn func(context.Context, *sql.Conn, [][]any) error
	switch table {
	case "mentions":
		copyFn = t.dialect.CopyMentions
	case "events":
		copyFn = t.dialect.CopyEvents
	}
	if copyFn != nil {
		return copyFn(ctx, t.conn, rows)
	}
	ph := make([]string, len(cols))
	for i := range ph {
		ph[i] = "$" + strconv.Itoa(i+1)
	}
	stmt, err := t.tx.PrepareContext(ctx, "INSERT INTO "+table+" ("+strings.Join(cols, ", ")+") VALUES ("+strings.Join(ph, ", ")+")")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r...); err != nil {
			return fmt.Errorf("row %v: %w", r[0], err)
		}
	}
	return nil
}

// queryInt runs a query that returns one integer.
func queryInt(ctx context.Context, tx Tx, query string, args ...any) (int, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, rows.Err()
}

func (s *Store) addDocuments(ctx context.Context, tx Tx, docs []parley.CodedDocument) (parley.AddResult, error) {
	var res parley.AddResult
	seenID, seenHash := map[string]bool{}, map[string]bool{}
	blocks := map[string]bool{}
	var fresh []parley.Mention // the new mentions, Doc* fields filled
	ingested := s.now().UTC().Format(time.RFC3339)
	for i := range docs {
		d := &docs[i].Doc
		hash := dedup.TextHash(d)
		if seenID[d.ID] || seenHash[hash] {
			res.Duplicates = append(res.Duplicates, d.ID)
			continue
		}
		n, err := queryInt(ctx, tx, `SELECT count(*) FROM documents WHERE id = $1 OR hash = $2`, d.ID, hash)
		if err != nil {
			return res, fmt.Errorf("look up document %q: %w", d.ID, err)
		}
		if n > 0 {
			res.Duplicates = append(res.Duplicates, d.ID)
			continue
		}
		seenID[d.ID], seenHash[hash] = true, true
		err = tx.Exec(ctx, `INSERT INTO documents (id, hash, date, title, text, url, source, author, sentences, events, ingested_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			d.ID, hash, d.Date, d.Title, d.Text, d.URL, d.Source, d.Author, docs[i].Sentences, len(docs[i].Events), ingested)
		if err != nil {
			return res, fmt.Errorf("insert document %q: %w", d.ID, err)
		}
		res.Added++
		ids := map[string]bool{}
		for j := range docs[i].Events {
			e := docs[i].Events[j]
			if ids[e.ID] {
				continue // the coder gave one event twice
			}
			ids[e.ID] = true
			e.Doc = d.ID
			blocks[dedup.Key(&e)] = true
			fresh = append(fresh, parley.Mention{Event: e, DocDate: d.Date, DocSource: d.Source, DocURL: d.URL, DocTitle: d.Title})
		}
	}
	res.Mentions = len(fresh)
	if len(fresh) == 0 {
		return res, nil
	}
	keys := make([]string, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	// Sorted, so that concurrent writers take the block locks in one order.
	slices.Sort(keys)
	if s.Dialect.LockBlock != "" {
		for _, k := range keys {
			if err := tx.Exec(ctx, s.Dialect.LockBlock, k); err != nil {
				return res, fmt.Errorf("lock block %s: %w", k, err)
			}
		}
	}
	// Recluster the touched blocks, the stored mentions with the new ones,
	// all at once: a few statements a batch rather than a few a block.
	ms, clusters, reasons, err := loadBlocks(ctx, tx, keys)
	if err != nil {
		return res, fmt.Errorf("load blocks: %w", err)
	}
	old := len(ms)
	ms = append(ms, fresh...)
	var eventRows [][]any
	for _, g := range dedup.Group(ms, s.Dedup) {
		ev := dedup.Build(ms, g)
		eventRows = append(eventRows, eventRow(g.Key, &ev, searchText(ms, g)))
	}
	for i := range old {
		if ms[i].Cluster == clusters[i] && ms[i].DedupReason == reasons[i] {
			continue
		}
		if err := tx.Exec(ctx, `UPDATE mentions SET cluster_id = $1, dedup_reason = $2 WHERE id = $3`, ms[i].Cluster, ms[i].DedupReason, ms[i].ID); err != nil {
			return res, fmt.Errorf("update mention %s: %w", ms[i].ID, err)
		}
	}
	mentionRows := make([][]any, 0, len(fresh))
	for i := old; i < len(ms); i++ {
		m := &ms[i]
		rec, err := json.Marshal(&m.Event)
		if err != nil {
			return res, err
		}
		mentionRows = append(mentionRows, []any{m.ID, m.Doc, dedup.Key(&m.Event), m.Cluster, m.DedupReason,
			dedup.StartDate(m.Date, m.DocDate), m.DocDate, m.DocSource, string(rec)})
	}
	if err := insertRows(ctx, tx, "mentions", MentionColumns, mentionRows); err != nil {
		return res, err
	}
	for chunk := range slices.Chunk(keys, 500) {
		if err := tx.Exec(ctx, `DELETE FROM events WHERE block IN (`+placeholders(len(chunk))+`)`, anys(chunk)...); err != nil {
			return res, fmt.Errorf("delete events: %w", err)
		}
	}
	return res, insertRows(ctx, tx, "events", EventColumns, eventRows)
}

func insertRows(ctx context.Context, tx Tx, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if err := tx.CopyFrom(ctx, table, cols, rows); err != nil {
		return fmt.Errorf("insert %s: %w", table, err)
	}
	return nil
}

// placeholders returns "$1, $2, ..., $n".
func placeholders(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(i+1))
	}
	return b.String()
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// searchText is what the text filter of an event searches: its mentions'
// sentences and actor words, lower-cased, up to about 8,000 bytes.
func searchText(ms []parley.Mention, g dedup.Cluster) string {
	var search strings.Builder
	for _, i := range g.Members {
		if search.Len() > 8000 {
			break
		}
		m := &ms[i]
		search.WriteString(strings.ToLower(m.Text))
		search.WriteString("\n")
		for _, a := range []*parley.Actor{m.Source, m.Target} {
			if a != nil {
				search.WriteString(strings.ToLower(a.Text) + "\n")
			}
		}
	}
	return search.String()
}

func eventRow(key string, ev *parley.StoredEvent, search string) []any {
	rec, _ := json.Marshal(ev)
	day := dedup.StartDate(ev.Date, ev.FirstSeen)
	month := ""
	if len(day) >= 7 {
		month = day[:7]
	}
	var src, srcC, tgt, tgtC string
	if ev.Source != nil {
		src, srcC = ev.Source.Code, ev.Source.Country
	}
	if ev.Target != nil {
		tgt, tgtC = ev.Target.Code, ev.Target.Country
	}
	var locC string
	var lat, lon any
	if ev.Location != nil {
		locC, lat, lon = ev.Location.Country, ev.Location.Lat, ev.Location.Lon
	}
	return []any{ev.ID, key, src, srcC, tgt, tgtC, ev.CAMEO, ev.Root, ev.QuadClass, ev.Goldstein, ev.PLOVER.Type,
		boolInt(ev.Negated), day, dedup.Week(day), month, locC, lat, lon, ev.NumMentions, ev.NumSources, ev.NumArticles,
		ev.FirstSeen, ev.LastSeen, search, string(rec)}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// loadBlocks reads the stored mentions of the blocks, with their
// documents' fields, their clusters and reasons.
func loadBlocks(ctx context.Context, tx Tx, keys []string) ([]parley.Mention, []string, []string, error) {
	var ms []parley.Mention
	var clusters, reasons []string
	for chunk := range slices.Chunk(keys, 500) {
		rows, err := tx.Query(ctx, `SELECT m.record, m.cluster_id, m.dedup_reason, d.date, d.source, d.url, d.title
			FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.block IN (`+placeholders(len(chunk))+`)`, anys(chunk)...)
		if err != nil {
			return nil, nil, nil, err
		}
		for rows.Next() {
			var rec, cl, why string
			var m parley.Mention
			if err := rows.Scan(&rec, &cl, &why, &m.DocDate, &m.DocSource, &m.DocURL, &m.DocTitle); err != nil {
				rows.Close()
				return nil, nil, nil, err
			}
			if err := json.Unmarshal([]byte(rec), &m.Event); err != nil {
				rows.Close()
				return nil, nil, nil, fmt.Errorf("read mention: %w", err)
			}
			ms = append(ms, m)
			clusters = append(clusters, cl)
			reasons = append(reasons, why)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, nil, err
		}
	}
	return ms, clusters, reasons, nil
}

// HasDocument implements parley.EventStore.
func (s *Store) HasDocument(ctx context.Context, id string) (bool, error) {
	var n int
	if err := s.DB.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE id = $1`, id).Scan(&n); err != nil {
		return false, fmt.Errorf("has document: %w", err)
	}
	return n > 0, nil
}

// Document implements parley.EventStore.
func (s *Store) Document(ctx context.Context, id string) (*parley.Document, error) {
	var d parley.Document
	err := s.DB.QueryRowContext(ctx, `SELECT id, date, title, text, url, source, author FROM documents WHERE id = $1`, id).
		Scan(&d.ID, &d.Date, &d.Title, &d.Text, &d.URL, &d.Source, &d.Author)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, parley.Errorf(parley.ENOTFOUND, "document %q not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("document: %w", err)
	}
	return &d, nil
}

// Stats implements parley.EventStore.
func (s *Store) Stats(ctx context.Context) (parley.StoreStats, error) {
	var st parley.StoreStats
	err := s.DB.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions), (SELECT count(*) FROM events)`).
		Scan(&st.Documents, &st.Mentions, &st.Events)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

// where builds the WHERE clause of a filter over the events table aliased e.
func where(f parley.EventFilter) (string, []any, error) {
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.Actor != "" {
		p := arg(likePrefix(strings.ToUpper(f.Actor)))
		conds = append(conds, "(e.source_code LIKE "+p+" ESCAPE '\\' OR e.target_code LIKE "+p+" ESCAPE '\\')")
	}
	if f.Country != "" {
		p := arg(strings.ToUpper(f.Country))
		conds = append(conds, "(e.source_country = "+p+" OR e.target_country = "+p+" OR e.loc_country = "+p+")")
	}
	if f.CAMEO != "" {
		conds = append(conds, "e.cameo LIKE "+arg(likePrefix(f.CAMEO))+" ESCAPE '\\'")
	}
	if f.Root != "" {
		conds = append(conds, "e.root = "+arg(f.Root))
	}
	if f.PLOVER != "" {
		conds = append(conds, "e.plover_type = "+arg(strings.ToUpper(f.PLOVER)))
	}
	if f.From != "" {
		if _, err := time.Parse(parley.DateLayout, f.From); err != nil {
			return "", nil, parley.Errorf(parley.EINVALID, "from: %q is not YYYY-MM-DD", f.From)
		}
		conds = append(conds, "e.date >= "+arg(f.From))
	}
	if f.To != "" {
		if _, err := time.Parse(parley.DateLayout, f.To); err != nil {
			return "", nil, parley.Errorf(parley.EINVALID, "to: %q is not YYYY-MM-DD", f.To)
		}
		conds = append(conds, "e.date <= "+arg(f.To))
	}
	if f.Located || f.Box != nil {
		conds = append(conds, "e.lat IS NOT NULL")
	}
	if b := f.Box; b != nil {
		conds = append(conds, "e.lon >= "+arg(b[0]), "e.lat >= "+arg(b[1]), "e.lon <= "+arg(b[2]), "e.lat <= "+arg(b[3]))
	}
	if f.Text != "" {
		conds = append(conds, "e.search LIKE "+arg("%"+escapeLike(strings.ToLower(f.Text))+"%")+" ESCAPE '\\'")
	}
	if f.Cursor != "" {
		date, id, err := decodeCursor(f.Cursor)
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, "(e.date < "+arg(date)+" OR (e.date = "+arg(date)+" AND e.id < "+arg(id)+"))")
	}
	if len(conds) == 0 {
		return "", args, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func likePrefix(s string) string { return escapeLike(s) + "%" }

func encodeCursor(date, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(date + "\x00" + id))
}

func decodeCursor(c string) (string, string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	date, id, ok := strings.Cut(string(b), "\x00")
	if err != nil || !ok {
		return "", "", parley.Errorf(parley.EINVALID, "malformed cursor")
	}
	return date, id, nil
}

// FindEvents implements parley.EventStore.
func (s *Store) FindEvents(ctx context.Context, f parley.EventFilter) ([]*parley.StoredEvent, string, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = parley.DefaultLimit
	}
	limit = min(limit, parley.MaxLimit)
	w, args, err := where(f)
	if err != nil {
		return nil, "", err
	}
	args = append(args, limit+1)
	q := `SELECT e.record, e.date FROM events e` + w + ` ORDER BY e.date DESC, e.id DESC LIMIT $` + strconv.Itoa(len(args))
	rows, err := s.DB.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, "", fmt.Errorf("find events: %w", err)
	}
	defer rows.Close()
	var out []*parley.StoredEvent
	var dates []string
	for rows.Next() {
		var rec, date string
		if err := rows.Scan(&rec, &date); err != nil {
			return nil, "", fmt.Errorf("find events: %w", err)
		}
		var ev parley.StoredEvent
		if err := json.Unmarshal([]byte(rec), &ev); err != nil {
			return nil, "", fmt.Errorf("find events: read event: %w", err)
		}
		out = append(out, &ev)
		dates = append(dates, date)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("find events: %w", err)
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = encodeCursor(dates[limit-1], out[limit-1].ID)
	}
	return out, next, nil
}

// FindEvent implements parley.EventStore.
func (s *Store) FindEvent(ctx context.Context, id string) (*parley.StoredEvent, error) {
	tx, err := s.DB.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("find event: %w", err)
	}
	defer tx.Rollback()
	var rec string
	err = tx.QueryRowContext(ctx, `SELECT record FROM events WHERE id = $1`, id).Scan(&rec)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, parley.Errorf(parley.ENOTFOUND, "event %q not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("find event: %w", err)
	}
	var ev parley.StoredEvent
	if err := json.Unmarshal([]byte(rec), &ev); err != nil {
		return nil, fmt.Errorf("find event: read event: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT m.record, m.dedup_reason, d.date, d.source, d.url, d.title, d.text
		FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.cluster_id = $1`, id)
	if err != nil {
		return nil, fmt.Errorf("find event: mentions: %w", err)
	}
	defer rows.Close()
	byID := map[string]parley.Mention{}
	for rows.Next() {
		var r, text string
		var m parley.Mention
		if err := rows.Scan(&r, &m.DedupReason, &m.DocDate, &m.DocSource, &m.DocURL, &m.DocTitle, &text); err != nil {
			return nil, fmt.Errorf("find event: mentions: %w", err)
		}
		if err := json.Unmarshal([]byte(r), &m.Event); err != nil {
			return nil, fmt.Errorf("find event: read mention: %w", err)
		}
		m.Cluster = id
		doc := parley.Document{Title: m.DocTitle, Text: text}
		m.Evidence = Evidence(doc.Body(), &m.Event)
		byID[m.ID] = m
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find event: mentions: %w", err)
	}
	for _, mid := range ev.MentionIDs {
		if m, ok := byID[mid]; ok {
			ev.Mentions = append(ev.Mentions, m)
		}
	}
	return &ev, nil
}

// Evidence cuts an event's sentence out of the document body into runs,
// marking the source, target and verb spans. Spans that do not fall inside
// the sentence, overlap an earlier mark or split a UTF-8 sequence are left
// unmarked.
func Evidence(body string, e *parley.Event) []parley.Run {
	s0, s1 := e.Span[0], e.Span[1]
	if s0 < 0 || s1 > len(body) || s0 >= s1 {
		return []parley.Run{{Text: e.Text}}
	}
	type mark struct {
		sp   parley.Span
		name string
	}
	var marks []mark
	add := func(sp *parley.Span, name string) {
		if sp == nil || sp[0] < s0 || sp[1] > s1 || sp[0] >= sp[1] {
			return
		}
		marks = append(marks, mark{*sp, name})
	}
	if e.Source != nil {
		add(e.Source.Span, "source")
	}
	if e.Target != nil {
		add(e.Target.Span, "target")
	}
	add(e.VerbSpan, "verb")
	slices.SortFunc(marks, func(a, b mark) int { return a.sp[0] - b.sp[0] })
	var out []parley.Run
	at := s0
	for _, m := range marks {
		if m.sp[0] < at {
			continue
		}
		if m.sp[0] > at {
			out = append(out, parley.Run{Text: body[at:m.sp[0]]})
		}
		out = append(out, parley.Run{Text: body[m.sp[0]:m.sp[1]], Mark: m.name})
		at = m.sp[1]
	}
	if at < s1 {
		out = append(out, parley.Run{Text: body[at:s1]})
	}
	return out
}

// Dyads implements parley.EventStore.
func (s *Store) Dyads(ctx context.Context, f parley.EventFilter, interval string) ([]parley.DyadStat, error) {
	col, err := periodColumn(interval, true)
	if err != nil {
		return nil, err
	}
	f.Cursor = ""
	w, args, err := where(f)
	if err != nil {
		return nil, err
	}
	if w == "" {
		w = " WHERE "
	} else {
		w += " AND "
	}
	w += "e.target_code <> ''"
	group := "1, 2, 3"
	if interval == "" {
		group = "1, 2" // PostgreSQL refuses to group by a constant
	}
	q := `SELECT e.source_code, e.target_code, ` + col + `, count(*), sum(e.num_mentions), avg(e.goldstein) FROM events e` + w +
		` GROUP BY ` + group + ` ORDER BY 1, 2, 3`
	rows, err := s.DB.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("dyads: %w", err)
	}
	defer rows.Close()
	var out []parley.DyadStat
	for rows.Next() {
		var d parley.DyadStat
		if err := rows.Scan(&d.Source, &d.Target, &d.Period, &d.Count, &d.Mentions, &d.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("dyads: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func periodColumn(interval string, optional bool) (string, error) {
	switch interval {
	case parley.IntervalDay:
		return "e.date", nil
	case parley.IntervalWeek:
		return "e.week", nil
	case parley.IntervalMonth:
		return "e.month", nil
	case "":
		if optional {
			return "''", nil
		}
		return "e.date", nil
	}
	return "", parley.Errorf(parley.EINVALID, "interval %q: want day, week or month", interval)
}

// Timeline implements parley.EventStore.
func (s *Store) Timeline(ctx context.Context, f parley.EventFilter, interval string) ([]parley.TimelineStat, error) {
	col, err := periodColumn(interval, false)
	if err != nil {
		return nil, err
	}
	f.Cursor = ""
	w, args, err := where(f)
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + col + `, e.quad_class, count(*), avg(e.goldstein) FROM events e` + w +
		` GROUP BY 1, 2 ORDER BY 1, 2`
	rows, err := s.DB.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	var out []parley.TimelineStat
	for rows.Next() {
		var t parley.TimelineStat
		if err := rows.Scan(&t.Period, &t.QuadClass, &t.Count, &t.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
