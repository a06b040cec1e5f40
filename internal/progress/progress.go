// Package progress reports how a long run is going: a progress bar
// (documents, sentences, events, rate, time left) when the output is a
// terminal, and a periodic log line of the counts otherwise.
package progress

import (
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// LogInterval is how often counts are logged when there is no terminal.
const LogInterval = 10 * time.Second

// Meter counts documents, sentences and events. It is safe for concurrent
// use; a nil *Meter does nothing.
type Meter struct {
	mu                      sync.Mutex
	docs, sentences, events int64
	bytes, total            int64
	start                   time.Time
	bar                     *progressbar.ProgressBar
	log                     *slog.Logger
	every                   time.Duration
	lastLog                 time.Time
}

// New returns a Meter writing to w. totalBytes is the size of the input
// (0 when unknown, as for standard input), which gives the bar its end and
// the time left. The bar is drawn only when w is a terminal; otherwise the
// counts are logged every LogInterval.
func New(w io.Writer, totalBytes int64, log *slog.Logger) *Meter {
	m := &Meter{total: totalBytes, start: time.Now(), log: log, every: LogInterval}
	m.lastLog = m.start
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		max := totalBytes
		if max <= 0 {
			max = -1
		}
		m.bar = progressbar.NewOptions64(max,
			progressbar.OptionSetWriter(w),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetDescription("coding"),
		)
	}
	return m
}

// Add counts one coded document of n bytes with its sentences and events.
func (m *Meter) Add(bytes int64, sentences, events int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.docs++
	m.sentences += int64(sentences)
	m.events += int64(events)
	m.bytes += bytes
	now := time.Now()
	if m.bar != nil {
		m.bar.Describe(fmt.Sprintf("%d docs, %d sentences, %d events, %.0f docs/s", m.docs, m.sentences, m.events, m.rate(now)))
		m.bar.Add64(bytes)
		return
	}
	if m.log != nil && now.Sub(m.lastLog) >= m.every {
		m.lastLog = now
		m.log.Info("progress", "documents", m.docs, "sentences", m.sentences, "events", m.events,
			"docs_per_s", fmt.Sprintf("%.1f", m.rate(now)), "elapsed", now.Sub(m.start).Round(time.Second).String())
	}
}

func (m *Meter) rate(now time.Time) float64 {
	el := now.Sub(m.start).Seconds()
	if el <= 0 {
		return 0
	}
	return float64(m.docs) / el
}

// Close ends the bar. It is safe to call more than once.
func (m *Meter) Close() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.bar != nil {
		m.bar.Finish()
		m.bar = nil
	}
}

// InputBytes returns the total size of the named files and of the files
// under the named directories; URLs and "-" count as 0.
func InputBytes(inputs []string) int64 {
	var n int64
	for _, in := range inputs {
		filepath.WalkDir(in, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
	}
	return n
}
