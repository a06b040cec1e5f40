package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"parley"
	"parley/dedup"
)

// AddDocuments implements parley.EventStore.
func (s *Store) AddDocuments(ctx context.Context, docs []parley.CodedDocument) (parley.AddResult, error) {
	if err := validate(docs); err != nil {
		return parley.AddResult{}, err
	}
	res, err := s.store(ctx, docs, false)
	if err != nil {
		return parley.AddResult{}, fmt.Errorf("add documents: %w", err)
	}
	return res, nil
}

// BulkAddDocuments implements parley.BulkLoader: what AddDocuments does,
// with the secondary indexes of mentions and events dropped while the rows
// go in, in key order, and built again before the commit (see
// addDocuments).
func (s *Store) BulkAddDocuments(ctx context.Context, docs []parley.CodedDocument) (parley.AddResult, error) {
	if err := validate(docs); err != nil {
		return parley.AddResult{}, err
	}
	res, err := s.store(ctx, docs, true)
	if err != nil {
		return parley.AddResult{}, fmt.Errorf("bulk add documents: %w", err)
	}
	return res, nil
}

// validate checks every document (EINVALID).
func validate(docs []parley.CodedDocument) error {
	for i := range docs {
		if err := docs[i].Doc.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// store stores the documents in a transaction of its own.
func (s *Store) store(ctx context.Context, docs []parley.CodedDocument, bulk bool) (parley.AddResult, error) {
	conn, err := s.DB.Conn(ctx)
	if err != nil {
		return parley.AddResult{}, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return parley.AddResult{}, err
	}
	defer tx.Rollback()
	res, err := s.addDocuments(ctx, &sqlTx{conn: conn, tx: tx, dialect: s.Dialect}, docs, bulk)
	if err != nil {
		return parley.AddResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return parley.AddResult{}, fmt.Errorf("commit: %w", err)
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
	if err := validate(docs); err != nil {
		return parley.AddResult{}, err
	}
	res, err := s.addDocuments(ctx, tx, docs, false)
	if err != nil {
		return parley.AddResult{}, fmt.Errorf("add documents: %w", err)
	}
	return res, nil
}

// sqlTx is a Tx over database/sql: conn is the connection tx runs on, for
// the dialect's bulk loader. It prepares each statement once a
// transaction (modernc's SQLite compiles a statement on every call
// otherwise).
type sqlTx struct {
	conn    *sql.Conn
	tx      *sql.Tx
	dialect Dialect
	stmts   map[string]*sql.Stmt
}

// stmt returns the prepared statement of query, nil when the dialect does
// not ask for them; the transaction closes it.
func (t *sqlTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if !t.dialect.Prepare {
		return nil, nil
	}
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, anonymous(query))
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = st
	return st, nil
}

func (t *sqlTx) Exec(ctx context.Context, query string, args ...any) error {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return err
	}
	if st == nil {
		_, err = t.tx.ExecContext(ctx, query, args...)
	} else {
		_, err = st.ExecContext(ctx, args...)
	}
	return err
}

func (t *sqlTx) Query(ctx context.Context, query string, args ...any) (Rows, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	var rows *sql.Rows
	if st == nil {
		rows, err = t.tx.QueryContext(ctx, query, args...)
	} else {
		rows, err = st.QueryContext(ctx, args...)
	}
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

// anonymous returns query with its parameters $1, $2, ... written "?" when
// each appears once and in order, else query. SQLite keeps a list of
// named parameters ($N is one) and looks names up in it linearly, when it
// compiles a statement and when modernc binds each argument: quadratic in
// the parameters of a multi-row INSERT, where "?" costs nothing.
func anonymous(query string) string {
	var b strings.Builder
	next := 1
	for i := 0; i < len(query); i++ {
		c := query[i]
		if c != '$' {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(query) && query[j] >= '0' && query[j] <= '9' {
			j++
		}
		if n, err := strconv.Atoi(query[i+1 : j]); err != nil || n != next {
			return query
		}
		next++
		b.WriteByte('?')
		i = j - 1
	}
	return b.String()
}

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

// CopyFrom uses the dialect's bulk loader, or a prepared INSERT a row.
// (Multi-row INSERTs of 32 and 256 rows were measured on SQLite: no
// faster, since modernc's cost is in the B-trees, not the statements.)
func (t *sqlTx) CopyFrom(ctx context.Context, table string, cols []string, rows [][]any) error {
	if t.dialect.Copy != nil {
		return t.dialect.Copy(ctx, t.conn, table, cols, rows)
	}
	q := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES (" + placeholders(len(cols)) + ")"
	// The rows go in with ctx's values but not its cancellation, which is
	// checked every checkEvery rows instead: given a context that can be
	// cancelled (the command's, cancelled by a signal), modernc starts a
	// goroutine to watch it on every statement, about 0.3 s of CPU (7%) in
	// a bulk load of 100,000 records (BENCHMARKS.md).
	rowCtx := context.WithoutCancel(ctx)
	for i, r := range rows {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := t.Exec(rowCtx, q, r...); err != nil {
			return fmt.Errorf("row %v: %w", r[0], err)
		}
	}
	return nil
}

// checkEvery is how many rows CopyFrom inserts between checks of its
// context.
const checkEvery = 256

func insertRows(ctx context.Context, tx Tx, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if err := tx.CopyFrom(ctx, table, cols, rows); err != nil {
		return fmt.Errorf("insert %s: %w", table, err)
	}
	return nil
}

// addDocuments stores the documents that are not stored yet, their
// mentions, and the clusters that change.
//
// Reclustering is incremental: for each touched block it reads only the
// stored mentions whose dates are within the dedup window of a new
// mention's (dedup.Reach; indexes on (block, date_start) and, for the few
// month- and year-dated mentions, (block, date_end)), and every mention of
// the clusters those belong to, since a new mention can join them. Only
// those components of the link graph can change. Clustering that subset
// with the new mentions gives, for every cluster that holds a new mention,
// what clustering the whole block would (clusters are connected components,
// and a component's members, order and reasons depend only on it); the
// clusters without a new mention are as stored and are not rewritten. So
// a call costs what its own mentions reach, whatever the database's size.
//
// A bulk load (bulk) reads and clusters the same way, so it stores exactly
// what an incremental call would; only its writes differ. Each new row of
// an incremental call goes into every secondary index at a random place,
// dirtying a page an index (about 4 pages an event on SQLite, most of its
// time: BENCHMARKS.md). A bulk load drops the secondary indexes of mentions
// and events after reading what it reclusters (which needs them), writes
// the rows sorted by primary key, and builds the indexes again, each in one
// sorted pass. The rollups are the same in-memory sums written once, in
// key order, as in an incremental call.
func (s *Store) addDocuments(ctx context.Context, tx Tx, docs []parley.CodedDocument, bulk bool) (parley.AddResult, error) {
	var res parley.AddResult
	hashes := make([]string, len(docs))
	for i := range docs {
		hashes[i] = dedup.TextHash(&docs[i].Doc)
	}
	if s.Dialect.Begin != "" {
		if err := tx.Exec(ctx, s.Dialect.Begin); err != nil {
			return res, err
		}
	}
	if bulk && s.Dialect.LockTables != "" {
		if err := tx.Exec(ctx, s.Dialect.LockTables); err != nil {
			return res, fmt.Errorf("lock tables: %w", err)
		}
	}
	storedIDs, storedHashes, err := s.storedDocuments(ctx, tx, docs, hashes)
	if err != nil {
		return res, fmt.Errorf("look up documents: %w", err)
	}
	seenID, seenHash := map[string]bool{}, map[string]bool{}
	nEvents := 0
	for i := range docs {
		nEvents += len(docs[i].Events)
	}
	// Sized once: a Mention is large, and growing fresh by append copied
	// each one several times.
	fresh := make([]parley.Mention, 0, nEvents) // the new mentions, Doc* fields filled
	docRows := make([][]any, 0, len(docs))
	ingested := s.now().UTC().Format(time.RFC3339)
	for i := range docs {
		d := &docs[i].Doc
		hash := hashes[i]
		if seenID[d.ID] || seenHash[hash] || storedIDs[d.ID] || storedHashes[hash] {
			res.Duplicates = append(res.Duplicates, d.ID)
			continue
		}
		seenID[d.ID], seenHash[hash] = true, true
		docRows = append(docRows, []any{d.ID, hash, d.Date, d.Title, d.Text, d.URL, d.Source, d.Author, docs[i].Sentences, len(docs[i].Events), ingested})
		res.Added++
		ids := map[string]bool{}
		for j := range docs[i].Events {
			e := docs[i].Events[j]
			if ids[e.ID] {
				continue // the coder gave one event twice
			}
			ids[e.ID] = true
			e.Doc = d.ID
			fresh = append(fresh, parley.Mention{Event: e, DocDate: d.Date, DocSource: d.Source, DocURL: d.URL, DocTitle: d.Title})
		}
	}
	if bulk {
		sortRows(docRows)
	}
	if err := insertRows(ctx, tx, "documents", DocumentColumns, docRows); err != nil {
		return res, err
	}
	res.Mentions = len(fresh)
	if len(fresh) == 0 {
		return res, nil
	}
	recs, err := marshalEvents(fresh)
	if err != nil {
		return res, err
	}
	reach := dedup.Reach(fresh, s.Dedup)
	// Sorted, so that concurrent writers take the block locks in one order.
	keys := slices.Sorted(maps.Keys(reach))
	if s.Dialect.LockBlocks != "" && !(bulk && s.Dialect.LockTables != "") {
		if err := tx.Exec(ctx, s.Dialect.LockBlocks, keys); err != nil {
			return res, fmt.Errorf("lock blocks: %w", err)
		}
	}
	var old []parley.Mention
	empty := false
	if bulk { // a first load of a database reads nothing
		if empty, err = s.empty(ctx, tx); err != nil {
			return res, err
		}
	}
	if !empty {
		if old, err = s.loadReach(ctx, tx, keys, reach); err != nil {
			return res, fmt.Errorf("load blocks: %w", err)
		}
	}
	nOld := len(old)
	ms := fresh // fresh is not read after this but for its length
	if nOld > 0 {
		ms = make([]parley.Mention, 0, nOld+len(fresh))
		ms = append(ms, old...) // Build overwrites Cluster and DedupReason in ms, not in old
		ms = append(ms, fresh...)
	}
	groups := dedup.Group(ms, s.Dedup)
	changed := make([]dedup.Cluster, 0, len(groups))
	built := make([]parley.StoredEvent, 0, len(groups))
	var gone []string // ids of the stored events of the clusters that change
	goneSet := map[string]bool{}
	for _, g := range groups {
		if slices.Max(g.Members) < nOld {
			continue // no new mention: the cluster is as stored
		}
		for _, i := range g.Members {
			if i < nOld && !goneSet[old[i].Cluster] {
				goneSet[old[i].Cluster] = true
				gone = append(gone, old[i].Cluster)
			}
		}
		changed = append(changed, g)
		built = append(built, dedup.Build(ms, g)) // sets the members' Cluster and DedupReason
	}
	evRows, err := eventRows(ms, changed, built, bulk)
	if err != nil {
		return res, err
	}
	var indexes []string // the statements that build the dropped indexes again
	if bulk {
		if indexes, err = s.dropIndexes(ctx, tx); err != nil {
			return res, fmt.Errorf("drop indexes: %w", err)
		}
	}
	if err := s.updateMentions(ctx, tx, old, ms[:nOld]); err != nil {
		return res, err
	}
	mentionRows := make([][]any, 0, len(fresh))
	for i := nOld; i < len(ms); i++ {
		m := &ms[i]
		first, last := dedup.Days(m)
		mentionRows = append(mentionRows, []any{m.ID, m.Doc, dedup.Key(&m.Event), m.Cluster, m.DedupReason,
			first, last, m.DocDate, m.DocSource, recs[i-nOld]})
	}
	if bulk {
		sortRows(mentionRows)
	}
	if err := insertRows(ctx, tx, "mentions", MentionColumns, mentionRows); err != nil {
		return res, err
	}
	var roll rollup
	per := 500
	if s.Dialect.Arrays {
		per = len(gone)
	}
	for chunk := range slices.Chunk(gone, max(per, 1)) {
		q, args := `DELETE FROM events WHERE id IN (`+placeholders(len(chunk))+`)`, anys(chunk)
		if s.Dialect.Arrays {
			q, args = `DELETE FROM events WHERE id = ANY($1)`, []any{chunk}
		}
		if err := roll.subtract(ctx, tx, q, args); err != nil {
			return res, fmt.Errorf("delete replaced events: %w", err)
		}
	}
	for _, r := range evRows {
		roll.add(r, 1)
	}
	if err := roll.write(ctx, tx, s.Dialect.Arrays); err != nil {
		return res, fmt.Errorf("rollups: %w", err)
	}
	if err := insertRows(ctx, tx, "events", EventColumns, evRows); err != nil {
		return res, err
	}
	for _, q := range indexes {
		if err := tx.Exec(ctx, q); err != nil {
			return res, fmt.Errorf("build index: %w", err)
		}
	}
	return res, nil
}

// marshalEvents returns the JSON of each mention's event (what
// json.Marshal gives, by Event.AppendJSON).
func marshalEvents(ms []parley.Mention) ([]string, error) {
	out := make([]string, len(ms))
	var buf []byte
	for i := range ms {
		var err error
		if buf, err = ms[i].Event.AppendJSON(buf[:0]); err != nil {
			return nil, fmt.Errorf("mention %s: %w", ms[i].ID, err)
		}
		out[i] = string(buf)
	}
	return out, nil
}

// eventRows returns the rows of the stored events evs of the clusters,
// sorted by id when sorted.
func eventRows(ms []parley.Mention, clusters []dedup.Cluster, evs []parley.StoredEvent, sorted bool) ([][]any, error) {
	rows := make([][]any, 0, len(clusters))
	var buf, sbuf []byte
	for i, g := range clusters {
		var err error
		if buf, err = evs[i].AppendJSON(buf[:0]); err != nil {
			return nil, fmt.Errorf("event %s: %w", evs[i].ID, err)
		}
		var search string
		search, sbuf = searchText(ms, g, sbuf)
		rows = append(rows, eventRow(g.Key, &evs[i], search, string(buf)))
	}
	if sorted {
		sortRows(rows)
	}
	return rows, nil
}

// empty reports whether no mention is stored.
func (s *Store) empty(ctx context.Context, tx Tx) (bool, error) {
	rows, err := tx.Query(ctx, `SELECT id FROM mentions LIMIT 1`)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	found := rows.Next()
	return !found, rows.Err()
}

// sortRows sorts rows by their first column, the primary key (a string),
// so that they are appended to the table and its key index in order.
func sortRows(rows [][]any) {
	slices.SortFunc(rows, func(a, b []any) int { return strings.Compare(a[0].(string), b[0].(string)) })
}

// dropIndexes drops the indexes that Dialect.Indexes lists and returns the
// statements that build them again.
func (s *Store) dropIndexes(ctx context.Context, tx Tx) ([]string, error) {
	if s.Dialect.Indexes == "" {
		return nil, nil
	}
	rows, err := tx.Query(ctx, s.Dialect.Indexes)
	if err != nil {
		return nil, err
	}
	var drops, creates []string
	for rows.Next() {
		var drop, create string
		if err := rows.Scan(&drop, &create); err != nil {
			rows.Close()
			return nil, err
		}
		drops, creates = append(drops, drop), append(creates, create)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, q := range drops {
		if err := tx.Exec(ctx, q); err != nil {
			return nil, fmt.Errorf("%s: %w", q, err)
		}
	}
	return creates, nil
}

// rollup gathers the changes a call makes to the rollup tables, which
// hold the events' counts and Goldstein sums by day and quad class
// (timeline_days) and by dyad (dyad_totals), so that the unfiltered
// aggregates read thousands of rows instead of every event. Goldstein
// sums are kept in thousandths, as integers, so that removing an event
// takes back exactly what adding it put in.
type rollup struct {
	days  map[dayKey]*delta
	dyads map[[2]string]*delta
}

type dayKey struct {
	date, week, month string
	quad              int
}

type delta struct{ events, mentions, milli int64 }

func milli(goldstein float64) int64 { return int64(math.Round(goldstein * 1000)) }

// add counts an event, given as its row of EventColumns, sign times.
func (r *rollup) add(row []any, sign int64) {
	src, tgt := row[2].(string), row[4].(string)
	quad, g := row[8].(int), row[9].(float64)
	date, week, month := row[12].(string), row[13].(string), row[14].(string)
	mentions := int64(row[18].(int))
	r.bump(dayKey{date, week, month, quad}, [2]string{src, tgt}, sign, mentions, milli(g))
}

func (r *rollup) bump(day dayKey, dyad [2]string, sign, mentions, milli int64) {
	if r.days == nil {
		r.days, r.dyads = map[dayKey]*delta{}, map[[2]string]*delta{}
	}
	d := r.days[day]
	if d == nil {
		d = &delta{}
		r.days[day] = d
	}
	d.events += sign
	d.milli += sign * milli
	if dyad[1] == "" {
		return // Dyads leaves out events without a target
	}
	y := r.dyads[dyad]
	if y == nil {
		y = &delta{}
		r.dyads[dyad] = y
	}
	y.events += sign
	y.mentions += sign * mentions
	y.milli += sign * milli
}

// subtract runs del, a DELETE of events, and takes out the events it
// deletes.
func (r *rollup) subtract(ctx context.Context, tx Tx, del string, args []any) error {
	rows, err := tx.Query(ctx, del+` RETURNING source_code, target_code, quad_class, goldstein, date, week, month, num_mentions`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k dayKey
		var dyad [2]string
		var g float64
		var mentions int64
		if err := rows.Scan(&dyad[0], &dyad[1], &k.quad, &g, &k.date, &k.week, &k.month, &mentions); err != nil {
			return err
		}
		r.bump(k, dyad, -1, mentions, milli(g))
	}
	return rows.Err()
}

// write applies the changes, in key order, 200 rows a statement, and
// deletes the rows that no event counts any more.
func (r *rollup) write(ctx context.Context, tx Tx, arrays bool) error {
	days := slices.SortedFunc(maps.Keys(r.days), func(a, b dayKey) int {
		return cmp.Or(strings.Compare(a.date, b.date), cmp.Compare(a.quad, b.quad))
	})
	var rows [][]any
	var shrunk [][]any // the keys whose count fell, whose rows may now count nothing
	for _, k := range days {
		if d := r.days[k]; *d != (delta{}) {
			rows = append(rows, []any{k.date, k.quad, k.week, k.month, d.events, d.milli})
			if d.events < 0 {
				shrunk = append(shrunk, []any{k.date, k.quad})
			}
		}
	}
	err := upsert(ctx, tx, arrays, rows, `INSERT INTO timeline_days (date, quad_class, week, month, events, goldstein_milli) `,
		[]string{"text", "int", "text", "text", "bigint", "bigint"},
		` ON CONFLICT (date, quad_class) DO UPDATE SET events = timeline_days.events + excluded.events,
			goldstein_milli = timeline_days.goldstein_milli + excluded.goldstein_milli`)
	if err != nil {
		return err
	}
	err = deleteEmpty(ctx, tx, arrays, shrunk, "timeline_days", "date", "quad_class", []string{"text", "int"})
	if err != nil {
		return err
	}
	dyads := slices.SortedFunc(maps.Keys(r.dyads), func(a, b [2]string) int {
		return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1]))
	})
	rows, shrunk = rows[:0], shrunk[:0]
	for _, k := range dyads {
		if d := r.dyads[k]; *d != (delta{}) {
			rows = append(rows, []any{k[0], k[1], d.events, d.mentions, d.milli})
			if d.events < 0 {
				shrunk = append(shrunk, []any{k[0], k[1]})
			}
		}
	}
	err = upsert(ctx, tx, arrays, rows, `INSERT INTO dyad_totals (source_code, target_code, events, mentions, goldstein_milli) `,
		[]string{"text", "text", "bigint", "bigint", "bigint"},
		` ON CONFLICT (source_code, target_code) DO UPDATE SET events = dyad_totals.events + excluded.events,
			mentions = dyad_totals.mentions + excluded.mentions, goldstein_milli = dyad_totals.goldstein_milli + excluded.goldstein_milli`)
	if err != nil {
		return err
	}
	return deleteEmpty(ctx, tx, arrays, shrunk, "dyad_totals", "source_code", "target_code", []string{"text", "text"})
}

// upsert runs insert, the rows, then conflict: with arrays, one statement
// that unnests a typed array per column; else 200 rows a statement as
// VALUES tuples. Keys are distinct, so no statement touches a row twice.
func upsert(ctx context.Context, tx Tx, arrays bool, rows [][]any, insert string, types []string, conflict string) error {
	if len(rows) == 0 {
		return nil
	}
	if arrays {
		q, args := unnest(rows, types)
		return tx.Exec(ctx, insert+`SELECT * FROM `+q+conflict, args...)
	}
	for chunk := range slices.Chunk(rows, 200) {
		var args []any
		for _, r := range chunk {
			args = append(args, r...)
		}
		if err := tx.Exec(ctx, insert+`VALUES `+tuples(len(chunk), len(chunk[0]))+conflict, args...); err != nil {
			return err
		}
	}
	return nil
}

// deleteEmpty deletes the rows of a rollup table with these keys (two
// columns) that count no event any more.
func deleteEmpty(ctx context.Context, tx Tx, arrays bool, keys [][]any, table, col1, col2 string, types []string) error {
	if len(keys) == 0 {
		return nil
	}
	if arrays {
		q, args := unnest(keys, types)
		return tx.Exec(ctx, `DELETE FROM `+table+` WHERE events = 0 AND (`+col1+`, `+col2+`) IN (SELECT * FROM `+q+`)`, args...)
	}
	for _, k := range keys {
		if err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE `+col1+` = $1 AND `+col2+` = $2 AND events = 0`, k...); err != nil {
			return err
		}
	}
	return nil
}

// unnest returns "unnest($1::T1[], $2::T2[], ...)" and, as its arguments,
// the columns of rows as slices, one per type ("text", "int", "bigint").
func unnest(rows [][]any, types []string) (string, []any) {
	var b strings.Builder
	b.WriteString("unnest(")
	args := make([]any, len(types))
	for c, t := range types {
		if c > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(c+1) + "::" + t + "[]")
		switch t {
		case "text":
			col := make([]string, len(rows))
			for i, r := range rows {
				col[i] = r[c].(string)
			}
			args[c] = col
		default:
			col := make([]int64, len(rows))
			for i, r := range rows {
				switch v := r[c].(type) {
				case int:
					col[i] = int64(v)
				case int64:
					col[i] = v
				}
			}
			args[c] = col
		}
	}
	b.WriteString(")")
	return b.String(), args
}

// updateMentions writes the clusters and reasons of the stored mentions
// old that reclustering (now) changed.
func (s *Store) updateMentions(ctx context.Context, tx Tx, old, now []parley.Mention) error {
	var ids, clusters, reasons []string
	for i := range old {
		if now[i].Cluster == old[i].Cluster && now[i].DedupReason == old[i].DedupReason {
			continue
		}
		if !s.Dialect.Arrays {
			if err := tx.Exec(ctx, `UPDATE mentions SET cluster_id = $1, dedup_reason = $2 WHERE id = $3`, now[i].Cluster, now[i].DedupReason, now[i].ID); err != nil {
				return fmt.Errorf("update mention %s: %w", now[i].ID, err)
			}
			continue
		}
		ids, clusters, reasons = append(ids, now[i].ID), append(clusters, now[i].Cluster), append(reasons, now[i].DedupReason)
	}
	if len(ids) == 0 {
		return nil
	}
	err := tx.Exec(ctx, `UPDATE mentions m SET cluster_id = u.cluster_id, dedup_reason = u.dedup_reason
		FROM unnest($1::text[], $2::text[], $3::text[]) AS u (id, cluster_id, dedup_reason) WHERE m.id = u.id`, ids, clusters, reasons)
	if err != nil {
		return fmt.Errorf("update mentions: %w", err)
	}
	return nil
}

// storedDocuments returns which of the documents' ids and text hashes are
// stored.
func (s *Store) storedDocuments(ctx context.Context, tx Tx, docs []parley.CodedDocument, hashes []string) (ids, hs map[string]bool, err error) {
	ids, hs = map[string]bool{}, map[string]bool{}
	per := 250
	if s.Dialect.Arrays {
		per = len(docs)
	}
	for lo := 0; lo < len(docs); lo += per {
		hi := min(lo+per, len(docs))
		args := make([]any, 0, 2*(hi-lo))
		for i := lo; i < hi; i++ {
			args = append(args, docs[i].Doc.ID)
		}
		for i := lo; i < hi; i++ {
			args = append(args, hashes[i])
		}
		n := hi - lo
		q := `SELECT id, hash FROM documents WHERE id IN (` + placeholders(n) + `) OR hash IN (` + placeholdersFrom(n+1, n) + `)`
		if s.Dialect.Arrays {
			ids := make([]string, 0, n)
			for i := lo; i < hi; i++ {
				ids = append(ids, docs[i].Doc.ID)
			}
			q, args = `SELECT id, hash FROM documents WHERE id = ANY($1) OR hash = ANY($2)`, []any{ids, hashes[lo:hi]}
		}
		rows, err := tx.Query(ctx, q, args...)
		if err != nil {
			return nil, nil, err
		}
		for rows.Next() {
			var id, h string
			if err := rows.Scan(&id, &h); err != nil {
				rows.Close()
				return nil, nil, err
			}
			ids[id], hs[h] = true, true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
	}
	return ids, hs, nil
}

// searchText is what the text filter of an event searches: its mentions'
// sentences and actor words, lower-cased, up to about 8,000 bytes. It is
// built in buf, which it returns for reuse.
func searchText(ms []parley.Mention, g dedup.Cluster, buf []byte) (string, []byte) {
	buf = buf[:0]
	for _, i := range g.Members {
		if len(buf) > 8000 {
			break
		}
		m := &ms[i]
		buf = appendLower(buf, m.Text)
		buf = append(buf, '\n')
		for _, a := range []*parley.Actor{m.Source, m.Target} {
			if a != nil {
				buf = appendLower(buf, a.Text)
				buf = append(buf, '\n')
			}
		}
	}
	return string(buf), buf
}

// appendLower appends strings.ToLower(s) to b, without its allocation
// when s is ASCII.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	n := len(b)
	b = append(b, s...)
	for i := n; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return b
}

// eventRow returns the row of EventColumns of ev, whose JSON is rec.
func eventRow(key string, ev *parley.StoredEvent, search, rec string) []any {
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
		ev.FirstSeen, ev.LastSeen, search, rec}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// mentionSelect reads a stored mention with its document's fields; the
// caller adds the FROM clause's first tables and the conditions.
const mentionSelect = `SELECT m.id, m.record, m.cluster_id, m.dedup_reason, d.date, d.source, d.url, d.title FROM `

// rangesPer is how many (block, from, to) ranges one query looks up.
const rangesPer = 200

// loadReach reads the stored mentions within reach of the new ones (see
// addDocuments), then the other members of their clusters.
func (s *Store) loadReach(ctx context.Context, tx Tx, keys []string, reach map[string][]dedup.Range) ([]parley.Mention, error) {
	type rng struct {
		key string
		dedup.Range
	}
	var all []rng
	for _, k := range keys {
		for _, r := range reach[k] {
			all = append(all, rng{k, r})
		}
	}
	var out []parley.Mention
	seen := map[string]bool{}
	per := rangesPer
	if s.Dialect.Arrays {
		per = max(len(all), 1)
	}
	for chunk := range slices.Chunk(all, per) {
		// Mentions that start in a range, and month- or year-dated ones
		// that start before it and end in it (partial index on
		// date_end > date_start; such an interval ends within MaxSpanDays
		// of its start).
		args := make([]any, 0, 3*len(chunk))
		args2 := make([]any, 0, 3*len(chunk))
		for _, r := range chunk {
			args = append(args, r.key, r.From, r.To)
			from := r.From
			if from == "" {
				from = "0001-01-01"
			}
			t, err := time.Parse(parley.DateLayout, from)
			if err != nil {
				return nil, fmt.Errorf("range %q: %w", r.From, err)
			}
			args2 = append(args2, r.key, r.From, t.AddDate(0, 0, dedup.MaxSpanDays).Format(parley.DateLayout))
		}
		// CROSS JOIN makes SQLite loop over the ranges and search the
		// index (it would rather scan mentions).
		values := `(VALUES ` + tuples(len(chunk), 3) + `) AS r CROSS JOIN mentions m JOIN documents d ON d.id = m.doc_id WHERE m.block = r.column1 `
		if s.Dialect.Arrays {
			values = `unnest($1::text[], $2::text[], $3::text[]) AS r (column1, column2, column3) CROSS JOIN mentions m JOIN documents d ON d.id = m.doc_id WHERE m.block = r.column1 `
			args, args2 = columns(args, 3), columns(args2, 3)
		}
		var err error
		out, err = readMentions(ctx, tx, out, seen, mentionSelect+values+`AND m.date_start BETWEEN r.column2 AND r.column3`, args)
		if err != nil {
			return nil, err
		}
		out, err = readMentions(ctx, tx, out, seen, mentionSelect+values+
			`AND m.date_end > m.date_start AND m.date_end BETWEEN r.column2 AND r.column3 AND m.date_start < r.column2`, args2)
		if err != nil {
			return nil, err
		}
	}
	// The rest of their clusters.
	clusters := map[string]bool{}
	var ids []string
	for i := range out {
		if c := out[i].Cluster; !clusters[c] {
			clusters[c] = true
			ids = append(ids, c)
		}
	}
	per = 500
	if s.Dialect.Arrays {
		per = max(len(ids), 1)
	}
	for chunk := range slices.Chunk(ids, per) {
		q, args := mentionSelect+`mentions m JOIN documents d ON d.id = m.doc_id WHERE m.cluster_id IN (`+placeholders(len(chunk))+`)`, anys(chunk)
		if s.Dialect.Arrays {
			q, args = mentionSelect+`mentions m JOIN documents d ON d.id = m.doc_id WHERE m.cluster_id = ANY($1)`, []any{chunk}
		}
		var err error
		out, err = readMentions(ctx, tx, out, seen, q, args)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// columns turns args, rows of width strings flattened, into width slices
// of strings, one per column.
func columns(args []any, width int) []any {
	cols := make([][]string, width)
	for i, a := range args {
		cols[i%width] = append(cols[i%width], a.(string))
	}
	out := make([]any, width)
	for i := range cols {
		out[i] = cols[i]
	}
	return out
}

// readMentions appends the mentions a mentionSelect query returns that are
// not in seen.
func readMentions(ctx context.Context, tx Tx, out []parley.Mention, seen map[string]bool, query string, args []any) ([]parley.Mention, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, rec string
		var m parley.Mention
		if err := rows.Scan(&id, &rec, &m.Cluster, &m.DedupReason, &m.DocDate, &m.DocSource, &m.DocURL, &m.DocTitle); err != nil {
			return nil, err
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		if err := json.Unmarshal([]byte(rec), &m.Event); err != nil {
			return nil, fmt.Errorf("read mention %s: %w", id, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
