package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/ddat-tools/ddat/parse"
)

// browserDeps returns the paths of Chromium and of axe-core's
// axe.min.js. When one is missing the test is skipped with a message
// saying how to install it, or fails when DDAT_BROWSER is "required"
// (as in .ci/run).
func browserDeps(t *testing.T) (chromium, axe string) {
	t.Helper()
	var missing []string
	chromium = os.Getenv("DDAT_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		missing = append(missing, fmt.Sprintf("Chromium (%s: %v; install it with: apt-get install -y chromium, or name it in DDAT_CHROMIUM)", chromium, err))
	}
	axe = os.Getenv("DDAT_AXE")
	if axe == "" {
		missing = append(missing, "axe-core (DDAT_AXE is not set; install it with: npm install --prefix DIR axe-core@4, then DDAT_AXE=DIR/node_modules/axe-core/axe.min.js)")
	} else if _, err := os.Stat(axe); err != nil {
		missing = append(missing, fmt.Sprintf("axe-core (DDAT_AXE: %v; install it with: npm install --prefix DIR axe-core@4)", err))
	}
	if len(missing) > 0 {
		msg := "the browser test needs " + strings.Join(missing, " and ")
		if os.Getenv("DDAT_BROWSER") == "required" {
			t.Fatal(msg + " (DDAT_BROWSER=required)")
		}
		t.Skip(msg)
	}
	return chromium, axe
}

// browser starts a headless Chromium of its own (a fresh profile, no
// network services) and returns a context for its first tab.
func browser(t *testing.T, chromium string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// pageEvents records what a page asks of the network and says on its
// console.
type pageEvents struct {
	mu       sync.Mutex
	requests []string
	errors   []string
}

func (p *pageEvents) listen(ctx context.Context) error {
	return chromedp.Listen(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			p.requests = append(p.requests, ev.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				p.errors = append(p.errors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			p.errors = append(p.errors, "exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				p.errors = append(p.errors, fmt.Sprintf("log %s (%s): %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
}

// loadPage loads the page at pageURL and checks that it logged no error
// and requested nothing but itself.
func loadPage(t *testing.T, ctx context.Context, events *pageEvents, pageURL string) {
	t.Helper()
	events.mu.Lock()
	events.requests, events.errors = nil, nil
	events.mu.Unlock()
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // let late events arrive
	requests, errs := events.snapshot()
	if len(errs) > 0 {
		t.Errorf("%s logged errors:\n%s", pageURL, strings.Join(errs, "\n"))
	}
	for _, r := range requests {
		if r != pageURL {
			t.Errorf("%s requested %s", pageURL, r)
		}
	}
	if len(requests) == 0 {
		t.Error("no request seen, not even the page's: network events are not being recorded")
	}
}

func (p *pageEvents) snapshot() (requests, errors []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.requests), slices.Clone(p.errors)
}

// matrixJS reads the Digital portfolio manager matrix as the page shows
// it: the column headers' level names and grades, and each row's skill
// and cells' text.
const matrixJS = `(() => {
  const sec = [...document.querySelectorAll("section.role")].find(s => s.querySelector("h3").textContent.trim() === "Digital portfolio manager");
  if (!sec) return null;
  const t = sec.querySelector("table");
  const cols = [...t.querySelectorAll("thead th[scope=col]")].slice(1).map(th => ({
    name: th.firstChild.textContent.trim(),
    grades: (th.querySelector(".grades") || {textContent: ""}).textContent.trim()}));
  const rows = [...t.querySelectorAll("tbody tr")].map(tr => ({
    skill: tr.querySelector("th[scope=row]").innerText.trim(),
    cells: [...tr.querySelectorAll("td")].map(td => td.innerText.trim())}));
  return {caption: t.caption.textContent, cols, rows};
})()`

// fitJS says whether the page fits the window's width: its zoom (a
// phone zooms out a page wider than itself), its width, and the
// elements outside a table's scrolling region that stick out.
const fitJS = `(() => {
  const w = document.documentElement.clientWidth, wide = [];
  for (const e of document.querySelectorAll("body *")) {
    if (e.parentElement.closest(".wrap, .vh") || e.matches(".vh, .skip")) continue;
    const r = e.getBoundingClientRect();
    if (r.right > w + 1 && wide.length < 10) wide.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : "") + " to " + Math.round(r.right) + " px");
  }
  return {scale: visualViewport.scale, width: w, scrollWidth: document.documentElement.scrollWidth, wide};
})()`

type fitting struct {
	Scale       float64  `json:"scale"`
	Width       int64    `json:"width"`
	ScrollWidth int64    `json:"scrollWidth"`
	Wide        []string `json:"wide"`
}

type shownMatrix struct {
	Caption string `json:"caption"`
	Cols    []struct {
		Name   string `json:"name"`
		Grades string `json:"grades"`
	} `json:"cols"`
	Rows []struct {
		Skill string   `json:"skill"`
		Cells []string `json:"cells"`
	} `json:"rows"`
}

// TestReportInBrowser loads the report of the embedded framework in
// headless Chromium: no console error and no request but the file
// itself; the first Tab shows the skip link; the Digital portfolio
// manager matrix as the model has it (its
// four levels in seniority order, with grades, and each cell's level
// named); a finding's link lands on the finding, shown; axe-core finds
// no violation of WCAG 2.2 A and AA; the page fits a phone's width (320
// and 375 px) but for the tables, which scroll in their own region; and
// screenshots at 1280 and 375 px are written to DDAT_SCREENSHOTS (else a
// temporary folder) for people to look at. The page of a changed copy
// against the published edition (--base) is loaded, looked at and
// checked with axe-core too.
func TestReportInBrowser(t *testing.T) {
	chromium, axePath := browserDeps(t)
	axeSrc, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	shots := os.Getenv("DDAT_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "copy"), 0o755); err != nil {
		t.Fatal(err)
	}
	changedCopy(t, filepath.Join(dir, "copy"), 14)
	if st, _, errs := runIn(t, dir, "report", "--out", "report.html"); st != exitOK {
		t.Fatalf("report: exit %d\n%s", st, errs)
	}
	pageURL := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "report.html")}).String()

	ctx := browser(t, chromium)
	var events pageEvents
	if err := events.listen(ctx); err != nil {
		t.Fatal(err)
	}
	loadPage(t, ctx, &events, pageURL)

	// The first Tab shows the skip link, which leads to the content.
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	skip, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const e = document.activeElement, r = e.getBoundingClientRect();
	  return e.getAttribute("href") + (r.left >= 0 && r.top >= 0 && r.width > 0 ? " shown" : " hidden"); })()`))
	if err != nil {
		t.Fatal(err)
	}
	if skip != "#main shown" {
		t.Errorf("the first Tab focuses %q, want the skip link to #main, shown", skip)
	}

	// The matrix, against the model.
	m, err := chromedp.Run(ctx, chromedp.Evaluate[shownMatrix](matrixJS))
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := parse.Published()
	role := fw.Role("Digital portfolio manager")
	want := role.Matrix()
	if len(m.Cols) != 4 || len(want.Levels) != 4 {
		t.Fatalf("the matrix has %d columns, the model %d levels; want 4", len(m.Cols), len(want.Levels))
	}
	for i, c := range m.Cols {
		var grades []string
		for _, g := range role.Levels[i].Grades {
			grades = append(grades, g.Value)
		}
		if c.Name != want.Levels[i] || c.Grades != strings.Join(grades, ", ") {
			t.Errorf("column %d is %q (%s), want %q (%s)", i+1, c.Name, c.Grades, want.Levels[i], strings.Join(grades, ", "))
		}
	}
	if len(m.Rows) != len(want.Skills) {
		t.Fatalf("the matrix has %d rows, want %d", len(m.Rows), len(want.Skills))
	}
	for j, row := range m.Rows {
		if row.Skill != want.Skills[j] {
			t.Errorf("row %d is %q, want %q", j+1, row.Skill, want.Skills[j])
		}
		for i, cell := range row.Cells {
			lv := want.Cells[i][j]
			wantText := "not required"
			if lv.Valid() {
				wantText = lv.Title()
			}
			if !strings.Contains(cell, wantText) {
				t.Errorf("%s at %s shows %q, want %q", row.Skill, want.Levels[i], cell, wantText)
			}
		}
	}

	// A finding's link lands on it.
	type linkInfo struct {
		Href string `json:"href"`
		Text string `json:"text"`
	}
	link, err := chromedp.Run(ctx, chromedp.Evaluate[linkInfo](`(() => { const a = document.querySelector("section.role td a.fl"); return a ? {href: a.getAttribute("href"), text: a.textContent} : {}; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if link.Href == "" {
		t.Fatal("no finding link in a matrix")
	}
	type landing struct {
		Hash    string `json:"hash"`
		Visible bool   `json:"visible"`
		InView  bool   `json:"inView"`
		Tag     string `json:"tag"`
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`section.role td a.fl[href="`+link.Href+`"]`)), chromedp.Sleep(100*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	landed, err := chromedp.Run(ctx, chromedp.Evaluate[landing](`(() => { const e = document.getElementById(location.hash.slice(1)); if (!e) return {hash: location.hash};
		  const r = e.getBoundingClientRect();
		  return {hash: location.hash, tag: e.tagName, visible: e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && r.height > 0,
		    inView: r.top >= 0 && r.top < innerHeight}; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if landed.Hash != link.Href || !landed.Visible || !landed.InView || landed.Tag != "LI" {
		t.Errorf("the link %q (%s) landed on %+v, want the finding's <li>, shown in the window", link.Href, link.Text, landed)
	}

	// Screenshots, and the page's width on a phone.
	shot := func(name string, width, height int64, mobile bool, hash string) {
		t.Helper()
		emul := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
		if mobile {
			emul = append(emul, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx,
			chromedp.EmulateViewport(width, height, emul...),
			chromedp.Evaluate[chromedp.Void](`location.hash = "`+hash+`"; document.getElementById("`+strings.TrimPrefix(hash, "#")+`").scrollIntoView(); 0`),
			chromedp.Sleep(150*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		fit, err := chromedp.Run(ctx, chromedp.Evaluate[fitting](fitJS))
		if err != nil {
			t.Fatal(err)
		}
		if fit.Scale != 1 || fit.ScrollWidth > fit.Width || len(fit.Wide) > 0 {
			t.Errorf("at %d px the page does not fit: zoomed to %v, %d px wide in %d; wider than the window: %s", width, fit.Scale, fit.ScrollWidth, fit.Width, strings.Join(fit.Wide, ", "))
		}
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(shots, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	shot("report-1280-top.png", 1280, 900, false, "#main")
	shot("report-1280-matrix.png", 1280, 900, false, "#role-digital-portfolio-manager")
	shot("report-1280-drop.png", 1280, 900, false, "#role-data-engineer-l4-s6")
	shot("report-1280-skill.png", 1280, 900, false, "#skill-agile-working")
	shot("report-375-top.png", 375, 812, true, "#main")
	shot("report-375-matrix.png", 375, 812, true, "#role-digital-portfolio-manager")
	shot("report-320-matrix.png", 320, 640, true, "#role-digital-portfolio-manager")
	t.Logf("screenshots in %s", shots)

	// axe-core, at desktop width.
	runAxe(t, ctx, axeSrc)

	// With --base, the changes marked in place: screenshots, axe again.
	if st, _, errs := runIn(t, dir, "report", "--base", "published", "--out", "based.html", "copy"); st != exitOK {
		t.Fatalf("report --base: exit %d\n%s", st, errs)
	}
	loadPage(t, ctx, &events, (&url.URL{Scheme: "file", Path: filepath.Join(dir, "based.html")}).String())
	shot("report-base-1280-changes.png", 1280, 900, false, "#changes")
	shot("report-base-1280-role.png", 1280, 900, false, "#role-data-analyst")
	shot("report-base-1280-skill.png", 1280, 900, false, "#skill-digital-and-data-systems-analysis")
	shot("report-base-375-role.png", 375, 812, true, "#role-data-analyst")
	runAxe(t, ctx, axeSrc)
}

// runAxe runs axe-core in the page at desktop width, with the rules of
// WCAG 2.2 A and AA, and reports each violation.
func runAxe(t *testing.T, ctx context.Context, axeSrc []byte) {
	t.Helper()
	var violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any `json:"target"`
		} `json:"nodes"`
	}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Evaluate[chromedp.Void](string(axeSrc)+"\n;0")); err != nil {
		t.Fatal(err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		var targets []string
		for i, n := range v.Nodes {
			if i == 5 {
				targets = append(targets, fmt.Sprintf("and %d more", len(v.Nodes)-5))
				break
			}
			targets = append(targets, fmt.Sprint(n.Target...))
		}
		t.Errorf("axe: %s (%s): %s: %s", v.ID, v.Impact, v.Help, strings.Join(targets, "; "))
	}
}
