package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// compileSARIFSchema compiles the official SARIF 2.1.0 schema
// (testdata/sarif-schema-2.1.0.json, from oasis-tcs/sarif-spec).
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schemaFile, err := filepath.Abs(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	// The schema as published puts the "anyOf" of "region" inside its
	// "properties", which the 2020-12 meta-schema it names rejects; move
	// it to where it was meant to be before compiling.
	var doc map[string]any
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	region := doc["definitions"].(map[string]any)["region"].(map[string]any)
	if props := region["properties"].(map[string]any); props["anyOf"] != nil {
		region["anyOf"] = props["anyOf"]
		delete(props, "anyOf")
	}
	fixed, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	if err := c.AddResource("sarif-schema-2.1.0.json", bytes.NewReader(fixed)); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validateSARIF checks a SARIF log against the schema.
func validateSARIF(t *testing.T, sch *jsonschema.Schema, what string, data []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("%s: output breaks the SARIF schema: %#v", what, err)
	}
}

// TestSARIFSchema validates ddat lint --format sarif output on the seed
// documents against the official SARIF 2.1.0 schema.
func TestSARIFSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	t.Chdir(repoRoot(t))
	for _, args := range [][]string{
		{"lint", "--format", "sarif", "testdata"},
		{"lint", "--format", "sarif"}, // the embedded snapshot
	} {
		var stdout, stderr bytes.Buffer
		if st := run(args, strings.NewReader(""), &stdout, &stderr); st == exitUsage {
			t.Fatalf("ddat %s: exit %d\n%s", strings.Join(args, " "), st, stderr.String())
		}
		var v any
		if err := json.Unmarshal(stdout.Bytes(), &v); err != nil {
			t.Fatalf("ddat %s: %v", strings.Join(args, " "), err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("ddat %s: output breaks the SARIF schema: %#v", strings.Join(args, " "), err)
		}
		// The schema does catch a broken log.
		bad := v.(map[string]any)["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
		level := bad["level"]
		bad["level"] = "info"
		if err := sch.Validate(v); err == nil {
			t.Errorf("the SARIF schema accepts a result with level \"info\"")
		}
		bad["level"] = level

		var log sarifLog
		if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if len(run.Results) == 0 {
			t.Errorf("ddat %s: no results", strings.Join(args, " "))
		}
		for _, r := range run.Results {
			if got := run.Tool.Driver.Rules[r.RuleIndex].ID; got != r.RuleID {
				t.Errorf("result of %s has ruleIndex %d, the index of %s", r.RuleID, r.RuleIndex, got)
			}
			if r.PartialFingerprints[fingerprintKey] == "" {
				t.Errorf("result of %s has no fingerprint", r.RuleID)
			}
		}
	}
}

// TestSARIFBaselineFingerprints: with a baseline, the results SARIF keeps
// carry the fingerprints they have in a run without one.
func TestSARIFBaselineFingerprints(t *testing.T) {
	sch := compileSARIFSchema(t)
	t.Chdir(repoRoot(t))
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	sarif := func(args ...string) map[string]string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args = append([]string{"lint", "--fail-on", "none", "--format", "sarif"}, args...)
		if st := run(args, strings.NewReader(""), &stdout, &stderr); st != exitOK {
			t.Fatalf("ddat %s: exit %d\n%s", strings.Join(args, " "), st, stderr.String())
		}
		validateSARIF(t, sch, strings.Join(args, " "), stdout.Bytes())
		var log sarifLog
		if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		fps := map[string]string{}
		for _, r := range log.Runs[0].Results {
			b, err := json.Marshal([]any{r.RuleID, r.Message, r.Locations})
			if err != nil {
				t.Fatal(err)
			}
			fps[string(b)] = r.PartialFingerprints[fingerprintKey]
		}
		return fps
	}
	var stderr bytes.Buffer
	if st := run([]string{"lint", "--write-baseline", baseline, "testdata/skills-a-to-z.md"}, strings.NewReader(""), io.Discard, &stderr); st != exitOK {
		t.Fatalf("write baseline: exit %d\n%s", st, stderr.String())
	}
	all, kept := sarif("testdata"), sarif("--baseline", baseline, "testdata")
	if len(kept) == 0 || len(kept) >= len(all) {
		t.Fatalf("%d results with the baseline, %d without: want some, not all", len(kept), len(all))
	}
	for k, fp := range kept {
		if all[k] != fp {
			t.Errorf("result %s: fingerprint %q with the baseline, %q without", k, fp, all[k])
		}
	}
}

// TestSARIFFromSubfolder runs ddat lint --format sarif from a subfolder
// of a git repository, on a line with non-ASCII characters before the
// finding: the URI is relative to the repository's root, which the run
// gives as %SRCROOT%; the column counts code points, as the run's
// columnKind says and as the text and JSON formats count; the log
// validates against the schema. Outside any repository, the root is the
// current folder.
func TestSARIFFromSubfolder(t *testing.T) {
	sch := compileSARIFSchema(t)
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "role-page-digital-portfolio-manager-2024.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const line = "There are 4 digital portfolio manager role levels, from digital portfolio analyst to head of portolio."
	const accented = "There are 4 digital portfolio manager role levels – from ‘digital portfolio analyst’ to “head of portolio”."
	if !bytes.Contains(src, []byte(line)) {
		t.Fatal("the seed lacks its misspelt line")
	}
	src = bytes.Replace(src, []byte(line), []byte(accented), 1)
	wantCol := utf8.RuneCountInString(accented[:strings.Index(accented, "portolio")]) + 1
	wantEnd := wantCol + len("portolio")
	if wantCol == strings.Index(accented, "portolio")+1 {
		t.Fatal("the line has no multibyte character before the finding")
	}

	for _, git := range []bool{true, false} {
		repo := t.TempDir()
		if git {
			if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		sub := filepath.Join(repo, "content", "pages")
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, "role page.txt"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Chdir(filepath.Join(repo, "content"))
		wantURI, wantRoot := "content/pages/role%20page.txt", repo
		if !git {
			wantURI, wantRoot = "pages/role%20page.txt", filepath.Join(repo, "content")
		}
		lintOut := func(format string) []byte {
			var stdout, stderr bytes.Buffer
			if st := run([]string{"lint", "--fail-on", "none", "--format", format, "pages"}, nil, &stdout, &stderr); st != exitOK {
				t.Fatalf("exit %d: %s", st, stderr.String())
			}
			return stdout.Bytes()
		}
		out := lintOut("sarif")
		validateSARIF(t, sch, "sarif from a subfolder", out)
		var log sarifLog
		if err := json.Unmarshal(out, &log); err != nil {
			t.Fatal(err)
		}
		r := log.Runs[0]
		if r.ColumnKind != "unicodeCodePoints" {
			t.Errorf("columnKind %q", r.ColumnKind)
		}
		if got, want := r.OriginalURIBaseIDs[srcRoot].URI, fileURI(wantRoot, true); got != want {
			t.Errorf("git %v: %%SRCROOT%% is %q, want %q", git, got, want)
		}
		found := false
		for _, res := range r.Results {
			loc := res.Locations[0].PhysicalLocation
			if loc.ArtifactLocation.URI != wantURI || loc.ArtifactLocation.URIBaseID != srcRoot {
				t.Errorf("git %v: artifact %+v, want %q under %%SRCROOT%%", git, loc.ArtifactLocation, wantURI)
			}
			if res.RuleID == "spelling" && strings.Contains(res.Message.Text, "portolio") && loc.Region.StartLine == 17 {
				found = true
				if loc.Region.StartColumn != wantCol || loc.Region.EndColumn != wantEnd {
					t.Errorf("SARIF columns %d-%d, want %d-%d", loc.Region.StartColumn, loc.Region.EndColumn, wantCol, wantEnd)
				}
				for _, f := range res.Fixes {
					reg := f.ArtifactChanges[0].Replacements[0].DeletedRegion
					if reg.StartColumn != wantCol || reg.EndColumn != wantEnd {
						t.Errorf("SARIF fix columns %d-%d, want %d-%d", reg.StartColumn, reg.EndColumn, wantCol, wantEnd)
					}
				}
			}
		}
		if !found {
			t.Fatalf("no spelling result for the misspelling on line 17:\n%s", out)
		}
		// The other formats count the same columns.
		text := fmt.Sprintf("pages/role page.txt:17:%d: warning: \"portolio\"", wantCol)
		if !bytes.Contains(lintOut("text"), []byte(text)) {
			t.Errorf("the text format lacks %q", text)
		}
		js := fmt.Sprintf(`"line": 17,
      "column": %d,
      "endLine": 17,
      "endColumn": %d,`, wantCol, wantEnd)
		if !bytes.Contains(lintOut("json"), []byte(js)) {
			t.Errorf("the JSON format lacks %s", js)
		}
	}
}

// TestSARIFFingerprintsAreTheBaselines checks the README's promise that
// SARIF carries "the same fingerprints" as the baseline: for each rule,
// file and message, the results' partialFingerprints are the baseline
// entries' fingerprints, on the real seeds.
func TestSARIFFingerprintsAreTheBaselines(t *testing.T) {
	t.Chdir(repoRoot(t))
	name := filepath.Join(t.TempDir(), "baseline.json")
	var stdout, stderr bytes.Buffer
	if st := run([]string{"lint", "--write-baseline", name, "testdata"}, strings.NewReader(""), io.Discard, &stderr); st != exitOK {
		t.Fatalf("write baseline: exit %d\n%s", st, stderr.String())
	}
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var base struct {
		Findings []struct{ Fingerprint, Rule, File, Message string }
	}
	if err := json.Unmarshal(src, &base); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, e := range base.Findings {
		k := e.Rule + "\x00" + e.File + "\x00" + e.Message
		want[k] = append(want[k], e.Fingerprint)
	}

	if st := run([]string{"lint", "--fail-on", "none", "--format", "sarif", "testdata"}, strings.NewReader(""), &stdout, &stderr); st != exitOK {
		t.Fatalf("ddat lint --format sarif: exit %d\n%s", st, stderr.String())
	}
	var log sarifLog
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	repeats := regexp.MustCompile(`; also on [0-9,]+ more rows?$`)
	got := map[string][]string{}
	for _, r := range log.Runs[0].Results {
		msg := repeats.ReplaceAllString(r.Message.Text, "")
		k := r.RuleID + "\x00" + r.Locations[0].PhysicalLocation.ArtifactLocation.URI + "\x00" + msg
		got[k] = append(got[k], r.PartialFingerprints[fingerprintKey])
	}
	if len(got) < 100 {
		t.Fatalf("%d distinct findings in SARIF: want the seeds' (over 100)", len(got))
	}
	for _, fps := range want {
		slices.Sort(fps)
	}
	for _, fps := range got {
		slices.Sort(fps)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fingerprints by rule, file and message, baseline (-) and SARIF (+):\n%s", diff)
	}
}
