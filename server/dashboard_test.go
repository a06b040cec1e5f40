package server_test

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium or Chrome binary, or "".
func chromium() string {
	if p := os.Getenv("PARLEY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactsDir is where the end-to-end test keeps its screenshot:
// $PARLEY_ARTIFACTS, else server/testdata/artifacts (ignored by git).
func artifactsDir(t *testing.T) string {
	dir := os.Getenv("PARLEY_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("testdata", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDashboard opens the dashboard in headless Chromium over a store
// holding the seed and the test articles, checks the actor network shows
// the Taliban–Afghan government dyad, filters by actor, clicks an event
// and checks its evidence is shown with actor and verb spans highlighted,
// and keeps a screenshot. Nothing may be fetched from outside the test
// server.
func TestDashboard(t *testing.T) {
	exe := chromium()
	if exe == "" {
		t.Skip("no chromium found (apt-get install chromium, or set PARLEY_CHROMIUM); .ci/run installs it")
	}
	ts, _ := newServer(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1600),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	cctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	defer cancelCtx()

	const edgesJS = `window.parley.cy.edges().map(e => [e.data('source'), e.data('target'), String(e.data('count'))])`
	err := chromedp.Do(cctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-loaded="1"]`)),
	)
	if err != nil {
		t.Fatalf("load dashboard: %v", err)
	}
	edges, err := chromedp.Run(cctx, chromedp.Evaluate[[][]string](edgesJS))
	if err != nil {
		t.Fatalf("read network: %v", err)
	}
	worldPaths, err := chromedp.Run(cctx, chromedp.Evaluate[int](`document.querySelectorAll('#map .leaflet-overlay-pane path').length`))
	if err != nil {
		t.Fatalf("read map: %v", err)
	}
	markers, err := chromedp.Run(cctx, chromedp.Evaluate[int](`document.querySelectorAll('#map .leaflet-overlay-pane path.leaflet-interactive').length`))
	if err != nil {
		t.Fatalf("read map: %v", err)
	}
	if markers == 0 {
		t.Errorf("map: no located events shown")
	}
	if shot, err := chromedp.Run(cctx, chromedp.FullScreenshot(100)); err == nil {
		os.WriteFile(filepath.Join(artifactsDir(t), "dashboard-all.png"), shot, 0o644)
	}
	if !hasDyad(edges, "AFGINSTAL", "AFGGOV") {
		t.Errorf("no Taliban–Afghan government edge in the network: %v", edges)
	}
	if worldPaths < 100 {
		t.Errorf("map: %d paths; the world outline did not load", worldPaths)
	}
	t.Logf("network: %d edges; map: %d paths, %d event markers", len(edges), worldPaths, markers)

	// Filter by the Taliban, open the first event between them and the
	// Afghan government, and read its evidence.
	err = chromedp.Do(cctx,
		chromedp.SetValue(chromedp.CSS(`#filters input[name="actor"]`), "AFGINSTAL"),
		chromedp.Evaluate[chromedp.Void](`document.body.dataset.loaded = '0'`),
		chromedp.Click(chromedp.CSS(`#filters button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`body[data-loaded="1"]`)),
	)
	if err != nil {
		t.Fatalf("filter: %v", err)
	}
	if edges, err = chromedp.Run(cctx, chromedp.Evaluate[[][]string](edgesJS)); err != nil {
		t.Fatalf("read network: %v", err)
	}
	rowID, err := chromedp.Run(cctx, chromedp.Evaluate[string](`(() => { for (const tr of document.querySelectorAll('#events tbody tr')) {
			const c = [...tr.children].map(td => td.textContent);
			if ((c[1] === 'AFGINSTAL' && c[3] === 'AFGGOV') || (c[1] === 'AFGGOV' && c[3] === 'AFGINSTAL')) return tr.dataset.id;
		} return ''; })()`))
	if err != nil {
		t.Fatalf("read table: %v", err)
	}
	for _, e := range edges {
		if e[0] != "AFGINSTAL" && e[1] != "AFGINSTAL" {
			t.Errorf("filtered network has an edge without the Taliban: %v", e)
		}
	}
	if rowID == "" {
		t.Fatalf("no Taliban–Afghan government event in the table")
	}
	err = chromedp.Do(cctx,
		chromedp.Click(chromedp.CSS(`#events tbody tr[data-id="`+rowID+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#detail .mention mark.source`)),
	)
	if err != nil {
		t.Fatalf("open event: %v", err)
	}
	marks, err := chromedp.Run(cctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#detail .mention mark')].map(m => m.className + ':' + m.textContent)`))
	if err != nil {
		t.Fatalf("read evidence: %v", err)
	}
	evidence, err := chromedp.Run(cctx, chromedp.Text(chromedp.CSS(`#detail .mention .evidence`)))
	if err != nil {
		t.Fatalf("read evidence: %v", err)
	}
	var kinds = map[string]bool{}
	for _, m := range marks {
		kind, _, _ := strings.Cut(m, ":")
		kinds[kind] = true
	}
	if !kinds["source"] || !kinds["verb"] {
		t.Errorf("evidence marks %v, want source and verb highlighted", marks)
	}
	if !strings.Contains(strings.ToLower(evidence), "taliban") {
		t.Errorf("evidence %q does not mention the Taliban", evidence)
	}
	t.Logf("event %s evidence: %q, marks %v", rowID, evidence, marks)

	shot, err := chromedp.Run(cctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(artifactsDir(t), "dashboard.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))

	requests, err := chromedp.Run(cctx, chromedp.Evaluate[[]string](`[location.href, ...performance.getEntriesByType('resource').map(e => e.name)]`))
	if err != nil {
		t.Fatalf("read requests: %v", err)
	}
	host := strings.TrimPrefix(ts.URL, "http://")
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Host != host) {
			t.Errorf("the dashboard fetched %s from outside the server", r)
		}
	}
}

func hasDyad(edges [][]string, a, b string) bool {
	for _, e := range edges {
		if len(e) >= 2 && ((e[0] == a && e[1] == b) || (e[0] == b && e[1] == a)) {
			return true
		}
	}
	return false
}
