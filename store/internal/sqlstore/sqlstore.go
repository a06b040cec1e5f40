// Package sqlstore is the SQL shared by the SQLite and PostgreSQL event
// stores. Both dialects accept the same statements ($1 placeholders, ON
// CONFLICT, row values); the differences (how to open, migrate and bulk
// load) are given by the caller as a Dialect.
package sqlstore

import (
	"cmp"
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
	// Copy bulk-loads rows into a table inside the connection's open
	// transaction; nil means multi-row INSERTs in the transaction.
	Copy func(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error
	// LockBlocks, when not "", is run once with the keys of the dedup
	// blocks a call touches, sorted, as a text array $1, before they are
	// reclustered, and must hold a lock on each until the transaction ends:
	// it keeps concurrent writers (several ingests or queue workers) from
	// clustering one block from different snapshots. SQLite needs none,
	// its writers are serialized.
	LockBlocks string
	// LockTables, when not "", is run first in a bulk load's transaction
	// instead of LockBlocks (whose locks a large load would run out of):
	// it must keep other writers out of the tables until the transaction
	// ends.
	LockTables string
	// Prepare asks for each statement to be prepared once a transaction:
	// modernc's SQLite compiles a statement on every call otherwise, while
	// pgx caches prepared statements itself.
	Prepare bool
	// Arrays says that the database takes a []string as an array parameter
	// (PostgreSQL's text[]), so that AddDocuments sends the keys, ranges,
	// updates and rollup rows of a call in one statement each (unnest, =
	// ANY) instead of one statement per chunk of rows: a round trip each.
	Arrays bool
	// Begin, when not "", is run first in AddDocuments' (and
	// AddDocumentsTx's and BulkAddDocuments') transaction.
	Begin string
	// Indexes, when not "", is a query for the secondary indexes (and
	// the constraints whose per-row checks cost the same) of the mentions
	// and events tables, but not their primary keys: two statements a row,
	// one that drops the index and one that builds it again.
	// BulkAddDocuments drops them before its writes and builds them again
	// after, in the query's order.
	Indexes string
}

// Columns of the bulk-loaded tables, in the order of the rows given to Copy.
var (
	DocumentColumns = []string{"id", "hash", "date", "title", "text", "url", "source", "author", "sentences", "events", "ingested_at"}
	MentionColumns  = []string{"id", "doc_id", "block", "cluster_id", "dedup_reason", "date_start", "date_end", "doc_date", "doc_source", "record"}
	EventColumns    = []string{"id", "block", "source_code", "source_country", "target_code", "target_country",
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

// placeholders returns "$1, $2, ..., $n".
func placeholders(n int) string { return placeholdersFrom(1, n) }

// placeholdersFrom returns "$first, ..., $(first+n-1)".
func placeholdersFrom(first, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(first+i))
	}
	return b.String()
}

// tuples returns n parenthesized tuples of width placeholders,
// "($1, $2), ($3, $4), ...".
func tuples(n, width int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(" + placeholdersFrom(1+i*width, width) + ")")
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
		// A prefix as a range, which the indexes on source_code and
		// target_code serve (LIKE with ESCAPE uses no index).
		lo, hi := prefixRange(strings.ToUpper(f.Actor))
		a, b := arg(lo), arg(hi)
		conds = append(conds, "((e.source_code >= "+a+" AND e.source_code < "+b+") OR (e.target_code >= "+a+" AND e.target_code < "+b+"))")
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

// prefixRange returns the range [lo, hi) of the strings that start with
// prefix: hi is prefix with its last byte incremented (bytes 0xff are
// dropped first; "" for a prefix of 0xff bytes only, and then the filter
// matches nothing). Actor codes are upper-case ASCII, so byte order and
// the databases' order agree.
func prefixRange(prefix string) (lo, hi string) {
	b := []byte(prefix)
	for len(b) > 0 && b[len(b)-1] == 0xff {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return prefix, ""
	}
	b[len(b)-1]++
	return prefix, string(b)
}

// aggCols are the columns the aggregates read, all in the covering
// indexes events_source_agg and events_target_agg. Weeks and months are
// not there (each index entry is written by every new event, so it is
// kept lean): months are cut from the date, weeks made from dates by
// weekly.
const aggCols = `e.source_code, e.target_code, e.date, e.quad_class, e.goldstein, e.num_mentions, e.root, e.id`

// filtered returns a FROM item, the subquery e of the filtered events
// with the columns cols. An actor filter becomes a UNION ALL of the events
// whose source matches and those whose target matches (and source does
// not), so that each branch is a range over a covering index
// (events_source_agg, events_target_agg) instead of an OR that reads the
// table rows, with their large JSON columns, to sort or group them.
func filtered(f parley.EventFilter, cols string) (string, []any, error) {
	if f.Actor == "" {
		w, args, err := where(f)
		return `(SELECT ` + cols + ` FROM events e` + w + `) e`, args, err
	}
	rest := f
	rest.Actor = ""
	w, args, err := where(rest)
	if err != nil {
		return "", nil, err
	}
	and := ""
	if w != "" {
		and = " AND " + strings.TrimPrefix(w, " WHERE ")
	}
	lo, hi := prefixRange(strings.ToUpper(f.Actor))
	if hi == "" {
		hi = lo
	}
	args = append(args, lo, hi)
	a, b := "$"+strconv.Itoa(len(args)-1), "$"+strconv.Itoa(len(args))
	src := `e.source_code >= ` + a + ` AND e.source_code < ` + b
	tgt := `e.target_code >= ` + a + ` AND e.target_code < ` + b
	return `(SELECT ` + cols + ` FROM events e WHERE ` + src + and +
		` UNION ALL SELECT ` + cols + ` FROM events e WHERE ` + tgt + ` AND NOT (` + src + `)` + and + `) e`, args, nil
}

// onlyDates reports whether a filter filters by dates at most, which the
// rollup timeline_days answers.
func onlyDates(f parley.EventFilter) bool {
	f.From, f.To, f.Cursor, f.Limit = "", "", "", 0
	return f == parley.EventFilter{}
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
	var q string
	var args []any
	if f.Actor != "" {
		// The page's ids from the covering indexes, then their records.
		from, a, err := filtered(f, `e.id, e.date`)
		if err != nil {
			return nil, "", err
		}
		args = append(a, limit+1)
		q = `SELECT e.record, e.date FROM events e WHERE e.id IN (SELECT e.id FROM ` + from +
			` ORDER BY e.date DESC, e.id DESC LIMIT $` + strconv.Itoa(len(args)) + `) ORDER BY e.date DESC, e.id DESC`
	} else {
		w, a, err := where(f)
		if err != nil {
			return nil, "", err
		}
		args = append(a, limit+1)
		q = `SELECT e.record, e.date FROM events e` + w + ` ORDER BY e.date DESC, e.id DESC LIMIT $` + strconv.Itoa(len(args))
	}
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

// Dyads implements parley.EventStore. Without an interval the database
// ranks the dyads and returns only the busiest (from the rollup dyad_totals
// when nothing filters); with one, the periods of every dyad are read and
// the busiest dyads kept here (busiest).
func (s *Store) Dyads(ctx context.Context, f parley.EventFilter, interval string) ([]parley.DyadStat, error) {
	col, err := periodColumn(interval)
	if err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit == 0 {
		limit = parley.DefaultDyads
	}
	f.Cursor, f.Limit = "", 0
	top := ""
	if limit > 0 && interval == "" {
		top = " LIMIT " + strconv.Itoa(limit)
	}
	var q string
	var args []any
	if interval == "" && onlyDates(f) && f.From == "" && f.To == "" {
		q = `SELECT source_code, target_code, '', events, mentions, CAST(goldstein_milli AS DOUBLE PRECISION) / 1000
			FROM dyad_totals ORDER BY events DESC, source_code, target_code` + top
	} else {
		var from string
		var err error
		from, args, err = filtered(f, aggCols)
		if err != nil {
			return nil, err
		}
		if interval == "" {
			col = "''"
		}
		q = `SELECT e.source_code, e.target_code, ` + col + `, count(*), sum(e.num_mentions), sum(e.goldstein) FROM ` + from + ` WHERE e.target_code <> ''`
		if interval == "" {
			q += ` GROUP BY 1, 2 ORDER BY 4 DESC, 1, 2` + top // PostgreSQL refuses to group by a constant
		} else {
			q += ` GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`
		}
	}
	rows, err := s.DB.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("dyads: %w", err)
	}
	defer rows.Close()
	var out []parley.DyadStat
	for rows.Next() {
		var d parley.DyadStat
		var sum float64 // of Goldstein scores, made a mean below
		if err := rows.Scan(&d.Source, &d.Target, &d.Period, &d.Count, &d.Mentions, &sum); err != nil {
			return nil, fmt.Errorf("dyads: %w", err)
		}
		if interval == parley.IntervalWeek {
			d.Period = dedup.Week(d.Period)
			if n := len(out) - 1; n >= 0 && out[n].Source == d.Source && out[n].Target == d.Target && out[n].Period == d.Period {
				out[n].Count += d.Count
				out[n].Mentions += d.Mentions
				out[n].MeanGoldstein += sum
				continue
			}
		}
		d.MeanGoldstein = sum
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dyads: %w", err)
	}
	for i := range out {
		out[i].MeanGoldstein /= float64(out[i].Count)
	}
	if interval != "" {
		out = busiest(out, limit)
	}
	return out, nil
}

// busiest returns the rows of the limit dyads (all when limit < 0) with
// the most events over all their periods, busiest first, then by source
// and target; rows holds each dyad's periods together and in order.
func busiest(rows []parley.DyadStat, limit int) []parley.DyadStat {
	type run struct{ lo, hi, count int }
	var runs []run
	for i := range rows {
		if i == 0 || rows[i].Source != rows[i-1].Source || rows[i].Target != rows[i-1].Target {
			runs = append(runs, run{lo: i, hi: i})
		}
		r := &runs[len(runs)-1]
		r.hi++
		r.count += rows[i].Count
	}
	slices.SortFunc(runs, func(a, b run) int {
		return cmp.Or(b.count-a.count, strings.Compare(rows[a.lo].Source, rows[b.lo].Source), strings.Compare(rows[a.lo].Target, rows[b.lo].Target))
	})
	if limit >= 0 && len(runs) > limit {
		runs = runs[:limit]
	}
	out := make([]parley.DyadStat, 0, len(rows))
	for _, r := range runs {
		out = append(out, rows[r.lo:r.hi]...)
	}
	return out
}

// periodColumn is the expression, over the aggregates' columns (aggCols),
// that groups by interval: weeks are grouped by day, and made weeks after.
func periodColumn(interval string) (string, error) {
	switch interval {
	case parley.IntervalDay, parley.IntervalWeek, "":
		return "e.date", nil
	case parley.IntervalMonth:
		return "substr(e.date, 1, 7)", nil
	}
	return "", parley.Errorf(parley.EINVALID, "interval %q: want day, week or month", interval)
}

// Timeline implements parley.EventStore.
func (s *Store) Timeline(ctx context.Context, f parley.EventFilter, interval string) ([]parley.TimelineStat, error) {
	col, err := periodColumn(interval)
	if err != nil {
		return nil, err
	}
	f.Cursor = ""
	var q string
	var args []any
	if onlyDates(f) {
		var w string
		w, args, err = where(f)
		if err != nil {
			return nil, err
		}
		switch interval {
		case parley.IntervalWeek:
			col = "e.week"
		case parley.IntervalMonth:
			col = "e.month"
		}
		q = `SELECT ` + col + `, e.quad_class, sum(e.events), CAST(sum(e.goldstein_milli) AS DOUBLE PRECISION) / 1000
			FROM timeline_days e` + w + ` GROUP BY 1, 2 ORDER BY 1, 2`
		interval = "" // grouped by week already
	} else {
		var from string
		from, args, err = filtered(f, aggCols)
		if err != nil {
			return nil, err
		}
		q = `SELECT ` + col + `, e.quad_class, count(*), sum(e.goldstein) FROM ` + from +
			` GROUP BY 1, 2 ORDER BY 1, 2`
	}
	rows, err := s.DB.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	var out []parley.TimelineStat
	for rows.Next() {
		var t parley.TimelineStat
		var sum float64 // of Goldstein scores, made a mean below
		if err := rows.Scan(&t.Period, &t.QuadClass, &t.Count, &sum); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		t.MeanGoldstein = sum
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	if interval == parley.IntervalWeek {
		out = weekly(out)
	}
	for i := range out {
		out[i].MeanGoldstein /= float64(out[i].Count)
	}
	return out, nil
}

// weekly merges daily rows, ordered by day and quad class, into weeks,
// ordered by week and quad class. MeanGoldstein holds sums.
func weekly(days []parley.TimelineStat) []parley.TimelineStat {
	type key struct {
		week string
		quad int
	}
	at := map[key]int{}
	var out []parley.TimelineStat
	for _, d := range days {
		k := key{dedup.Week(d.Period), d.QuadClass}
		if i, ok := at[k]; ok {
			out[i].Count += d.Count
			out[i].MeanGoldstein += d.MeanGoldstein
			continue
		}
		at[k] = len(out)
		d.Period = k.week
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b parley.TimelineStat) int {
		return cmp.Or(strings.Compare(a.Period, b.Period), cmp.Compare(a.QuadClass, b.QuadClass))
	})
	return out
}
