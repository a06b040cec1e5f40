package progress_test

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/internal/progress"
)

func TestLogWhenNotTerminal(t *testing.T) {
	var out, logs bytes.Buffer
	m := progress.New(&out, 1000, slog.New(slog.NewTextHandler(&logs, nil)))
	progress.SetLogInterval(m, 0)
	m.Add(100, 3, 2)
	m.Add(100, 4, 1)
	m.Close()
	m.Close()
	if out.Len() != 0 {
		t.Errorf("bar drawn on a non-terminal: %q", out.String())
	}
	if !strings.Contains(logs.String(), "documents=2 sentences=7 events=3") {
		t.Errorf("log: %q", logs.String())
	}
	var nilMeter *progress.Meter
	nilMeter.Add(1, 1, 1)
	nilMeter.Close()
}

func TestInputBytes(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), make([]byte, 10), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "b.txt"), make([]byte, 5), 0o644)
	if n := progress.InputBytes([]string{dir, "-", "http://x/"}); n != 15 {
		t.Errorf("InputBytes = %d, want 15", n)
	}
}
