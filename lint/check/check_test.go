package check_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/lint/baseline"
	"github.com/ddat-tools/ddat/lint/check"
	"github.com/ddat-tools/ddat/lint/config"
	"github.com/ddat-tools/ddat/parse"
)

// readDir parses the framework documents of dir, keeping their parse
// errors.
func readDir(t *testing.T, dir string) check.Input {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var in check.Input
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parse.Parse(e.Name(), src)
		if doc == nil {
			continue // not a framework document
		}
		var list framework.ErrorList
		if errors.As(err, &list) {
			in.Problems = append(in.Problems, list...)
		}
		in.Documents = append(in.Documents, doc)
	}
	if len(in.Documents) == 0 {
		t.Fatalf("no framework document in %s", dir)
	}
	return in
}

func strs(ds []lint.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

// TestBaseline: a baseline of some findings drops them and no others, and
// the fingerprints of the findings kept are those they had in the whole
// run, computed before the baseline filtered them.
func TestBaseline(t *testing.T) {
	in := readDir(t, "../../testdata")
	opts := check.Options{Published: parse.Published, IsPublished: parse.IsPublished, Fingerprints: true}
	all, err := check.Run(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Findings) < 10 || len(all.Fingerprints) != len(all.Findings) {
		t.Fatalf("%d findings, %d fingerprints; want at least 10, one each", len(all.Findings), len(all.Fingerprints))
	}
	// Accept every other finding, by the fingerprint it has in the run
	// (a baseline written of some findings would number repeated
	// messages among those only).
	accepted := &baseline.Baseline{Version: baseline.Version}
	var rest []lint.Diagnostic
	var restFPs []string
	for i, d := range all.Findings {
		if i%2 == 0 {
			accepted.Entries = append(accepted.Entries, baseline.Entry{Fingerprint: all.Fingerprints[i]})
		} else {
			rest = append(rest, d)
			restFPs = append(restFPs, all.Fingerprints[i])
		}
	}
	opts.Baseline = accepted
	got, err := check.Run(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strs(rest), strs(got.Findings)); diff != "" {
		t.Errorf("findings kept (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(restFPs, got.Fingerprints); diff != "" {
		t.Errorf("fingerprints kept (-want +got):\n%s", diff)
	}
	if len(got.Stale) != 0 {
		t.Errorf("%d stale entries, want none", len(got.Stale))
	}

	// The baseline of every finding accepts them all; on other inputs its
	// entries are stale.
	opts.Baseline = baseline.New(all.Findings)
	if got, _ := check.Run(in, opts); len(got.Findings) != 0 {
		t.Errorf("the baseline of every finding kept %d", len(got.Findings))
	}
	other, err := check.Run(readDir(t, "../../parse/published"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(other.Stale) == 0 {
		t.Error("no stale entries on other inputs")
	}
}

// TestPublished: the published framework is loaded only when needed, as
// the catalogue of documents without one and as the vocabulary of
// documents that are not the published framework.
func TestPublished(t *testing.T) {
	var calls atomic.Int32
	published := func() (*framework.Framework, error) {
		calls.Add(1)
		return parse.Published()
	}
	opts := check.Options{Published: published, IsPublished: parse.IsPublished}

	if _, err := check.Run(readDir(t, "../../parse/published"), opts); err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("the published framework read from files loaded it %d times, want none", n)
	}

	// A role page holds no catalogue: its skills are checked against the
	// published one.
	const page = "role-page-digital-portfolio-manager-2024.txt"
	src, err := os.ReadFile(filepath.Join("../../testdata", page))
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := parse.Parse(page, src)
	if doc == nil {
		t.Fatal("the role page does not parse")
	}
	in := check.Input{Documents: []*framework.Document{doc}}
	with, err := check.Run(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() == 0 {
		t.Error("the published framework was not loaded for a role page")
	}
	without, err := check.Run(in, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Equal(strs(with.Findings), strs(without.Findings)) {
		t.Error("the published catalogue and vocabulary changed no finding of the role page")
	}
}

// TestConfigure: --enable and --disable as the driver applies them over a
// configuration, which they leave unchanged.
func TestConfigure(t *testing.T) {
	cfg, err := config.Parse(".ddat.json", []byte(`{"rules": {"spelling": "off", "encoding": "info"}}`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := check.Configure(cfg, []string{"spelling"}, []string{"parse"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got.Rule("spelling"); ok {
		t.Error("--enable spelling left it configured")
	}
	if rc, _ := got.Rule("parse"); !rc.Off {
		t.Error("--disable parse left it on")
	}
	if rc, _ := got.Rule("encoding"); rc.Severity != lint.Info {
		t.Error("the configured severity of encoding was lost")
	}
	if rc, _ := cfg.Rule("spelling"); !rc.Off {
		t.Error("Configure changed the configuration it was given")
	}
	if same, _ := check.Configure(cfg, nil, nil); same != cfg {
		t.Error("Configure with no rules did not return the configuration")
	}
	for _, tc := range []struct{ id, want string }{
		{"speling", `unknown rule "speling"; did you mean "spelling"?`},
		{"nosuchrulehere", `unknown rule "nosuchrulehere"`},
		{lint.MaxFindingsRule, "rule max-findings cannot be switched on or off: MaxFindings 0 reports every finding instead"},
	} {
		if _, err := check.Configure(nil, nil, []string{tc.id}); err == nil || err.Error() != tc.want {
			t.Errorf("Configure(%q): error %v, want %q", tc.id, err, tc.want)
		}
	}
}

// TestRun: the parse rule, the maximum, the progress and the failure
// status on a document with a parse error.
func TestRun(t *testing.T) {
	in := readDir(t, "../../testdata")
	src := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n" +
		"Data,Data analyst,Makes sense of data.,Data analyst,Works on data.,Data visualisation,Presenting data.,Practitioner,\"You can: present \"data\" well\",\n"
	doc, err := parse.ParseString("broken.csv", src)
	var list framework.ErrorList
	if doc == nil || !errors.As(err, &list) {
		t.Fatalf("broken.csv: %v, want a partial document", err)
	}
	in.Documents = append(in.Documents, doc)
	in.Problems = append(in.Problems, list...)

	var finished, total atomic.Int32
	res, err := check.Run(in, check.Options{Published: parse.Published, IsPublished: parse.IsPublished, MaxFindings: 3,
		Progress: func(done, n int) {
			total.Store(int32(n))
			if done > 0 {
				finished.Add(1)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if int(total.Load()) != len(lint.All) || finished.Load() != total.Load() {
		t.Errorf("progress: %d of %d rules finished, want all %d", finished.Load(), total.Load(), len(lint.All))
	}
	if len(res.Findings) != 4 || res.Findings[3].Rule != lint.MaxFindingsRule {
		t.Fatalf("findings %q, want 3 and the max-findings one", strs(res.Findings))
	}
	if !res.Fails(lint.Error) || res.Fails(0) {
		t.Errorf("Fails(error) %v, Fails(0) %v; want true, false", res.Fails(lint.Error), res.Fails(0))
	}

	all, err := check.Run(in, check.Options{Published: parse.Published, IsPublished: parse.IsPublished})
	if err != nil {
		t.Fatal(err)
	}
	var parsed []string
	for _, d := range all.Findings {
		if d.Rule == lint.ParseError.ID {
			parsed = append(parsed, d.String())
		}
	}
	want := []string{`broken.csv:2:135: error: CSV syntax: extraneous or missing " in quoted-field; the rest of the file is not read (parse)`}
	if diff := cmp.Diff(want, parsed); diff != "" {
		t.Errorf("parse findings (-want +got):\n%s", diff)
	}

	in.Problems = append(in.Problems, &framework.Error{Pos: framework.Position{Filename: "elsewhere.csv", Line: 1, Column: 1}, Msg: "x"})
	if _, err := check.Run(in, check.Options{}); err == nil {
		t.Error("a parse error outside the documents was accepted")
	}
}
