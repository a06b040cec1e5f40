package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"parley"
)

// ConfliBERTDate is the date given to every ConfliBERT sentence.
const ConfliBERTDate = "2015-01-01"

// ConfliBERTClasses is the number of classes of the ConfliBERT CAMEO set.
const ConfliBERTClasses = 5

// confliClassNames describes the classes by their CAMEO roots.
var confliClassNames = [ConfliBERTClasses]string{"01-02", "03-05", "06-08", "09-13,16", "14-15,17-20"}

// ConfliBERTRecord is one sentence of the ConfliBERT CAMEO classification
// set with its class.
type ConfliBERTRecord struct {
	ID    string `json:"id"` // confli-train-NNNN, NNNN the 0-based line number
	Text  string `json:"text"`
	Class int    `json:"class"` // 0-4, see RootClass
}

// Doc is the sentence as a document to code.
func (r ConfliBERTRecord) Doc() parley.Document {
	return parley.Document{ID: r.ID, Date: ConfliBERTDate, Text: r.Text}
}

// RootClass is the ConfliBERT class of a CAMEO root code: 0 for 01-02
// (statements, appeals), 1 for 03-05 (intents, consultations, diplomatic
// cooperation), 2 for 06-08 (material cooperation, aid, yielding), 3 for
// 09-13 and 16 (investigations, demands, disapproval, rejection, threats,
// reduced relations), 4 for 14-15 and 17-20 (protest, force posture,
// coercion, assault, fight, mass violence). It is -1 for anything else.
func RootClass(root string) int {
	n, err := strconv.Atoi(root)
	if err != nil || len(root) != 2 {
		return -1
	}
	switch {
	case n >= 1 && n <= 2:
		return 0
	case n >= 3 && n <= 5:
		return 1
	case n >= 6 && n <= 8:
		return 2
	case n >= 9 && n <= 13, n == 16:
		return 3
	case n == 14, n == 15, n >= 17 && n <= 20:
		return 4
	}
	return -1
}

// ReadConfliBERT reads the ConfliBERT CAMEO set: one sentence a line, a
// tab, and its class (0-4). The prefix makes the ids, "confli-train" giving
// confli-train-0000 for the first line. Every line is a record, so the
// line numbers stay the ids; a line without a tab or with a bad class is an
// error, and all errors are joined, with the good records returned.
func ReadConfliBERT(r io.Reader, prefix string) ([]ConfliBERTRecord, error) {
	var (
		recs []ConfliBERTRecord
		errs []error
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 0; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		i := strings.LastIndexByte(line, '\t')
		if i < 0 {
			if strings.TrimSpace(line) != "" {
				errs = append(errs, parley.Errorf(parley.EINVALID, "line %d: no tab before the class", n+1))
			}
			continue
		}
		class, err := strconv.Atoi(strings.TrimSpace(line[i+1:]))
		if err != nil || class < 0 || class >= ConfliBERTClasses {
			errs = append(errs, parley.Errorf(parley.EINVALID, "line %d: class %q is not 0-4", n+1, line[i+1:]))
			continue
		}
		recs = append(recs, ConfliBERTRecord{ID: fmt.Sprintf("%s-%04d", prefix, n), Text: strings.TrimSpace(line[:i]), Class: class})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("read sentences: %w", err))
	}
	return recs, errors.Join(errs...)
}

// ConfliBERTReport is the outcome of scoring coded events against the
// ConfliBERT classes.
type ConfliBERTReport struct {
	// Accuracy is sentences whose first event is of their class, over all
	// sentences; a sentence with no event is wrong.
	Accuracy Ratio `json:"accuracy"`
	// Confusion counts sentences by gold class (row) and the class of the
	// first event (column), the last column for no event (or a root of no
	// class).
	Confusion [ConfliBERTClasses][ConfliBERTClasses + 1]int `json:"confusion"`
	// Wrong lists the sentences not right, in input order.
	Wrong []ConfliBERTResult `json:"wrong"`
}

// ConfliBERTResult is one sentence with what was coded in it.
type ConfliBERTResult struct {
	Record ConfliBERTRecord `json:"record"`
	// Class is the class of the first event's root, -1 for none.
	Class  int            `json:"class"`
	Events []parley.Event `json:"events"`
}

// ScoreConfliBERT scores coded events against ConfliBERT sentences, by the
// rules of FORMAT.md ("Other gold sets"): a sentence is right when the first
// event coded in it (lowest sentence index, then lowest span start, then
// the earliest triggering words) has a root (or, if it has none, a code whose
// first two digits are) in the sentence's class, by RootClass.
func ScoreConfliBERT(recs []ConfliBERTRecord, events []parley.Event) ConfliBERTReport {
	var rep ConfliBERTReport
	evs := byDoc(events)
	hits := 0
	for _, rec := range recs {
		res := ConfliBERTResult{Record: rec, Class: -1, Events: evs[rec.ID]}
		if len(res.Events) > 0 {
			res.Class = RootClass(rootOf(&res.Events[0]))
		}
		col := res.Class
		if col < 0 {
			col = ConfliBERTClasses
		}
		rep.Confusion[rec.Class][col]++
		if res.Class == rec.Class {
			hits++
		} else {
			rep.Wrong = append(rep.Wrong, res)
		}
	}
	rep.Accuracy = ratio(hits, len(recs))
	return rep
}

// WriteSummary writes the accuracy and the confusion matrix:
//
//	ConfliBERT: accuracy 41.2% (556/1349)
//	gold \ coded      0     1     2     3     4  none
//	0 (01-02)        61    12 ...
func (r ConfliBERTReport) WriteSummary(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)
	return flush(bw)
}

func (r ConfliBERTReport) summary(w io.Writer) {
	fmt.Fprintf(w, "ConfliBERT: accuracy %s\n", pct(r.Accuracy))
	fmt.Fprintf(w, "%-16s", "gold \\ coded")
	for c := range ConfliBERTClasses {
		fmt.Fprintf(w, "%6d", c)
	}
	fmt.Fprintf(w, "%6s\n", "none")
	for g, row := range r.Confusion {
		fmt.Fprintf(w, "%-16s", fmt.Sprintf("%d (%s)", g, confliClassNames[g]))
		for _, n := range row {
			fmt.Fprintf(w, "%6d", n)
		}
		fmt.Fprintln(w)
	}
}

// WriteText writes the summary, then every sentence not right: its id, gold
// and coded class, every event coded in it, and its text.
func (r ConfliBERTReport) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)
	for _, res := range r.Wrong {
		got := "none"
		if res.Class >= 0 {
			got = fmt.Sprintf("%d (%s)", res.Class, confliClassNames[res.Class])
		} else if len(res.Events) > 0 {
			got = "no class (root " + rootOf(&res.Events[0]) + ")"
		}
		fmt.Fprintf(bw, "\nWRONG %s gold %d (%s) coded %s\n", res.Record.ID, res.Record.Class, confliClassNames[res.Record.Class], got)
		writeEvents(bw, res.Events)
		fmt.Fprintf(bw, "  text: %s\n", clipDoc(res.Record.Text))
	}
	return flush(bw)
}

// WriteJSON writes the report as one indented JSON object.
func (r ConfliBERTReport) WriteJSON(w io.Writer) error { return writeJSON(w, r) }
