package schema_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/schema"
)

func TestKinds(t *testing.T) {
	for _, k := range schema.Kinds() {
		var s struct {
			Schema string `json:"$schema"`
			ID     string `json:"$id"`
		}
		if err := json.Unmarshal(schema.Source(k), &s); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if s.Schema != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema %q, want draft 2020-12", k, s.Schema)
		}
		if s.ID != k.ID() || !strings.HasSuffix(s.ID, "/schema/"+k.String()+"/v1.json") {
			t.Errorf("%s: $id %q, ID() %q", k, s.ID, k.ID())
		}
		if got, ok := schema.KindByName(k.String()); !ok || got != k {
			t.Errorf("KindByName(%q) = %v, %v", k.String(), got, ok)
		}
		if got, ok := schema.KindByID(k.ID()); !ok || got != k {
			t.Errorf("KindByID(%q) = %v, %v", k.ID(), got, ok)
		}
	}
	if schema.Export.ID() != framework.ExportSchemaID {
		t.Errorf("export schema $id %q, framework writes %q", schema.Export.ID(), framework.ExportSchemaID)
	}
	if _, ok := schema.KindByName("sarif"); ok {
		t.Errorf("KindByName(sarif) found a kind")
	}
	var zero schema.Kind
	if zero.String() != "Kind(0)" || zero.ID() != "" || schema.Source(zero) != nil {
		t.Errorf("zero Kind: %q, %q, %q", zero, zero.ID(), schema.Source(zero))
	}
	if err := schema.Validate(zero, []byte("{}")); err == nil {
		t.Errorf("Validate accepted the zero Kind")
	}
	// Source returns a copy.
	schema.Source(schema.Config)[0] = 'x'
	if schema.Source(schema.Config)[0] != '{' {
		t.Errorf("Source returned the embedded bytes")
	}
}

// configRuleIDs returns the rule IDs that the config schema lists (as
// lint.All has them: cmd/ddat's tests check that), quoted as the schema
// library quotes them.
func configRuleIDs() string {
	var s struct {
		Properties struct {
			Rules struct {
				PropertyNames struct {
					Enum []string `json:"enum"`
				} `json:"propertyNames"`
			} `json:"rules"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.Source(schema.Config), &s); err != nil {
		panic(err)
	}
	ids := s.Properties.Rules.PropertyNames.Enum
	if len(ids) < 10 {
		panic(fmt.Sprintf("the config schema lists %d rule IDs", len(ids)))
	}
	return `"` + strings.Join(ids, `", "`) + `"`
}

const exportHead = `"$schema": "https://github.com/ddat-tools/ddat/schema/export/v1.json", "schemaVersion": "1"`

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		kind schema.Kind
		doc  string
		want []string // problems as "pointer: message", sorted by pointer; nil for a valid document
	}{
		{"export/empty", schema.Export, `{` + exportHead + `, "skills": [], "roles": [], "documents": []}`, nil},
		{"export/full", schema.Export, `{` + exportHead + `,
			"skills": [{"name": "Agile working", "slug": "agile-working", "description": "d", "seniorCivilService": false,
				"levels": [{"level": "awareness", "status": "defined", "heading": "1. Awareness", "descriptors": ["x"],
					"source": {"file": "a.md", "line": 3, "column": 1, "endLine": 5, "endColumn": 10}},
					{"level": "expert", "status": "undefined", "placeholder": "p"}],
				"requirements": ["r"], "leadershipExamples": ["l"], "roles": [{"name": "PM", "slug": "pm"}, {"name": "X"}]}],
			"roles": [{"name": "PM", "slug": "pm", "family": "f", "description": ["d"], "seniorCivilService": true,
				"levelCount": {"count": 4, "text": "t"}, "responsibilities": ["r"],
				"levels": [{"number": 1, "name": "n", "description": ["d"], "responsibilities": ["r"], "grades": ["HEO"], "inferredOrder": "i",
					"skills": [{"skill": "s", "level": "working", "levelText": "working", "scale": "s", "description": "d", "descriptors": ["x"], "leadershipExamples": ["l"]}]}],
				"skills": [{"skill": "s"}], "sharedSkills": [{"role": "r", "skills": ["s"]}]}],
			"changes": [{"date": "2024-02-28", "page": "Homepage", "note": "n", "source": {"file": "c.csv", "line": 2, "column": 1, "endLine": 2, "endColumn": 9}}],
			"documents": [{"name": "a.md", "format": "skills-markdown", "title": "t", "published": "2024-02-28", "updated": "2024-03-01"}]}`, nil},
		{"export/bad", schema.Export, `{"$schema": "https://example.com", "skills": [
			{"name": "A", "slug": "a"}, {"name": "B", "slug": "b"}, {"name": "C", "slug": "c"},
			{"name": "D", "slug": "d", "levels": [{"level": "Awareness", "status": "maybe", "colour": "red"}]}],
			"roles": [{"name": "R", "levels": [{"name": "L", "number": 0, "skills": [{"skill": "S", "level": "guru"}]}]}],
			"documents": [{"name": "a", "format": "pdf", "published": "28 February 2024"}],
			"source": {"file": "x", "line": 0, "column": 1, "endLine": 1, "endColumn": 1}}`, []string{
			`(root): additionalProperties 'source' not allowed`,
			`(root): missing properties: 'schemaVersion'`,
			`/$schema: value must be "https://github.com/ddat-tools/ddat/schema/export/v1.json"`,
			`/documents/0/format: value must be one of "skills-markdown", "skills-csv", "ddat-json", "roles-csv", "role-page-text", "role-level-text", "legacy-guidance-html", "legacy-guidance-text", "changes-csv"`,
			`/documents/0/published: does not match pattern '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`,
			`/roles/0: missing properties: 'slug'`,
			`/roles/0/levels/0/number: must be >= 1 but found 0`,
			`/roles/0/levels/0/skills/0/level: value must be one of "awareness", "working", "practitioner", "expert"`,
			`/skills/3/levels/0: additionalProperties 'colour' not allowed`,
			`/skills/3/levels/0/level: value must be one of "awareness", "working", "practitioner", "expert"`,
			`/skills/3/levels/0/status: value must be one of "defined", "undefined"`,
		}},
		{"export/types", schema.Export, `{` + exportHead + `, "skills": {}, "roles": [{"name": 1, "slug": "r", "seniorCivilService": "yes"}], "documents": [null]}`, []string{
			`/documents/0: expected object, but got null`,
			`/roles/0/name: expected string, but got number`,
			`/roles/0/seniorCivilService: expected boolean, but got string`,
			`/skills: expected array, but got object`,
		}},
		{"diff/valid", schema.Diff, `{"$schema": "https://github.com/ddat-tools/ddat/schema/diff/v1.json", "schemaVersion": 1,
			"old": {"name": "published", "date": "2025-09", "edition": "2025-09"}, "new": {"name": "copy", "edition": "undated"},
			"differences": [{"kind": "skill-renamed", "page": "B", "note": "n", "skill": "B", "from": "A", "to": "B", "score": 0.9,
				"old": {"file": "a.md", "line": 1, "column": 1, "endLine": 2, "endColumn": 1}},
				{"kind": "skill-descriptors-changed", "page": "B", "note": "n", "skillLevel": "working",
				"lines": [{"op": "reworded", "old": "a b", "new": "a c", "words": [{"op": "kept", "text": "a "}, {"op": "removed", "text": "b"}, {"op": "added", "text": "c"}]},
					{"op": "added", "new": "d"}]}]}`, nil},
		{"diff/bad", schema.Diff, `{"$schema": "https://github.com/ddat-tools/ddat/schema/diff/v1.json", "schemaVersion": 1,
			"old": {"name": "a", "edition": "e"}, "new": {"name": "b", "edition": "e"},
			"differences": [{"kind": "role-renamed", "page": "R", "note": "n", "from": "A"},
				{"kind": "role-moved", "page": "R", "note": ""},
				{"kind": "role-added", "page": "R", "note": "n", "old": {"file": "a", "line": 1, "column": 1, "endLine": 1, "endColumn": 1}},
				{"kind": "skill-descriptors-changed", "page": "S", "note": "n", "lines": [{"op": "added", "old": "x"}]}]}`, []string{
			`/differences/0: missing properties: 'to', 'score'`,
			`/differences/1/kind: value must be one of "family-added", "family-removed", "role-added", "role-removed", "role-renamed", "role-family-changed", "role-description-changed", "role-responsibilities-changed", "level-added", "level-removed", "level-renamed", "levels-reordered", "level-grades-changed", "level-description-changed", "level-responsibilities-changed", "requirement-added", "requirement-removed", "requirement-raised", "requirement-lowered", "skill-added", "skill-removed", "skill-renamed", "skill-description-changed", "skill-level-added", "skill-level-removed", "skill-level-defined", "skill-level-undefined", "skill-descriptors-changed", "skill-examples-changed", "skill-roles-changed"`,
			`/differences/1/note: length must be >= 1, but got 0`,
			`/differences/2: not failed`,
			`/differences/3/lines/0: missing properties: 'new'`,
			`/differences/3/lines/0: not failed`,
		}},
		{"diagnostics/valid", schema.Diagnostics, `{"$schema": "https://github.com/ddat-tools/ddat/schema/diagnostics/v1.json",
			"diagnostics": [{"rule": "spelling", "severity": "warning", "file": "a.md", "line": 3, "column": 7, "endLine": 3, "endColumn": 14,
				"message": "\"mangers\" is misspelt", "suggestions": [{"message": "replace with \"managers\"", "text": "managers", "line": 3, "column": 7, "endLine": 3, "endColumn": 14}],
				"related": [{"file": "b.md", "line": 1, "column": 1, "message": "defined here"}], "fingerprint": "abc"}],
			"summary": {"files": 2, "errors": 0, "warnings": 1, "infos": 0, "skipped": ["README.md"]}}`, nil},
		{"diagnostics/minimal", schema.Diagnostics, `{"diagnostics": []}`, nil},
		{"diagnostics/bad", schema.Diagnostics, `{"diagnostics": [
			{"rule": "spelling", "severity": "warning", "file": "a.md", "line": 3, "column": 7, "message": "m"},
			{"rule": "Bad_Rule", "severity": "fatal", "file": "a.md", "line": 0, "message": "",
				"suggestions": [{"text": "x"}], "related": [{"file": "b", "line": 1, "column": 1}]}],
			"summary": {"files": -1, "errors": 0, "warnings": 0}}`, []string{
			`/diagnostics/1: missing properties: 'column'`,
			`/diagnostics/1/line: must be >= 1 but found 0`,
			`/diagnostics/1/message: length must be >= 1, but got 0`,
			`/diagnostics/1/related/0: missing properties: 'message'`,
			`/diagnostics/1/rule: does not match pattern '^[a-z0-9]+(-[a-z0-9]+)*$'`,
			`/diagnostics/1/severity: value must be one of "error", "warning", "info"`,
			`/diagnostics/1/suggestions/0: missing properties: 'message'`,
			`/summary: missing properties: 'infos'`,
			`/summary/files: must be >= 0 but found -1`,
		}},
		{"config/readme", schema.Config, `{
  "rules": {"punctuation": "off", "role-backlink": "info"},
  "words": ["GOV.UK", "runbook"],
  "ignore": [
    {"rule": "spelling", "path": "legacy/*.txt", "text": "mangers",
     "reason": "archived 2020 page, kept as published"}
  ]
}`, nil},
		{"config/empty", schema.Config, `{"$schema": "https://github.com/ddat-tools/ddat/schema/config/v1.json"}`, nil},
		{"config/bad", schema.Config, `{"rules": {"spelling": "fatal", "Bad_ID": "off"}, "words": ["", 3],
			"ignore": [{"rule": "spelling", "reason": "ok"}, {"rule": "spelling", "path": "*.md"}, {"rule": "x", "reason": "  ", "why": "y"}],
			"baseline": "b.json"}`, []string{
			`(root): additionalProperties 'baseline' not allowed`,
			`/ignore/1: missing properties: 'reason'`,
			`/ignore/2: additionalProperties 'why' not allowed`,
			`/ignore/2/reason: does not match pattern '\\S'`,
			`/ignore/2/rule: value must be one of ` + configRuleIDs(),
			`/rules/Bad_ID: value must be one of ` + configRuleIDs(),
			`/rules/spelling: value must be one of "off", "error", "warning", "info"`,
			`/words/0: length must be >= 1, but got 0`,
			`/words/1: expected string, but got number`,
		}},
		{"config/not-object", schema.Config, `[]`, []string{`(root): expected object, but got array`}},
		{"config/unknown-rule", schema.Config, `{"rules": {"speling": "off"}, "ignore": [{"rule": "spelling ", "reason": "r"}]}`, []string{
			`/ignore/0/rule: value must be one of ` + configRuleIDs(),
			`/rules/speling: value must be one of ` + configRuleIDs(),
		}},
		// Issue 16: an exponent the schema library cannot convert made it
		// panic; numbers it would take long to compare are not given to it.
		{"export/huge-exponent", schema.Export, `{` + exportHead + `, "skills": [], "documents": [],
			"roles": [{"name": "R", "slug": "r", "levels": [{"name": "L", "number": 1e10000000}]}]}`, []string{
			`/roles/0/levels/0/number: number not checked: its exponent is beyond ±400`,
		}},
		{"export/numbers", schema.Export, `{` + exportHead + `, "skills": [], "documents": [],
			"roles": [
				{"name": "R", "slug": "r", "levels": [{"name": "L", "number": -1E-10000000}]},
				{"name": 0e99999999999999999999, "slug": "r", "levels": [{"name": "L", "number": ` + strings.Repeat("9", 101) + `}]},
				{"name": "R", "slug": "r/~ x", "levels": [{"name": "L", "number": 1e400}, {"name": "L", "number": 1e-400}, {"name": "L", "number": ` + strings.Repeat("9", 100) + `}]},
				{"name": "R", "slug": "r", "seniorCivilService": 1e401, "levels": [{"name": "L", "number": -2e+0400}]}],
			"r/~ x": 1e100000000000000000000000}`, []string{
			`(root): additionalProperties 'r/~ x' not allowed`,
			`/roles/0/levels/0/number: number not checked: its exponent is beyond ±400`,
			`/roles/1/levels/0/number: number not checked: it has 101 digits, more than 100`,
			`/roles/1/name: number not checked: its exponent is beyond ±400`,
			`/roles/2/levels/1/number: expected integer, but got number`,
			`/roles/3/levels/0/number: must be >= 1 but found -2e+0400`,
			`/roles/3/seniorCivilService: number not checked: its exponent is beyond ±400`,
			`/r~1~0%20x: number not checked: its exponent is beyond ±400`,
		}},
		{"config/number", schema.Config, `1e-1000`, []string{`(root): number not checked: its exponent is beyond ±400`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := schema.Validate(tc.kind, []byte(tc.doc))
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var se *schema.Error
			if !errors.As(err, &se) {
				t.Fatalf("Validate = %v, want a *schema.Error", err)
			}
			var got []string
			for _, p := range se.Problems {
				got = append(got, p.String())
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
			head := "document does not match the " + tc.kind.String() + " schema:\n"
			if want := head + strings.Join(tc.want, "\n"); err.Error() != want {
				t.Errorf("Error() = %q, want %q", err.Error(), want)
			}
			if again := schema.Validate(tc.kind, []byte(tc.doc)); again.Error() != err.Error() {
				t.Errorf("second Validate gave a different error:\n%v", again)
			}
		})
	}
}

func TestValidateSyntax(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      string
		sentinel  error
	}{
		{"bad-key", "{\n  \"rules\": {\"a\": \"off\"},\n  \"words\": [] ,}", "3:16: invalid character '}' looking for beginning of object key string", nil},
		{"bad-value", "{\"words\": [tru]}", "1:15: invalid character ']' in literal true (expecting 'e')", nil},
		{"truncated", "{\"words\": [\n", "2:1: unexpected end of JSON input", nil},
		{"empty", "  ", "1:3: no JSON value", nil},
		{"trailing", "{}\n\n  {}", "3:3: invalid character '{' after the top-level value", nil},
		{"crlf", "{\r\n\"a\":\r\n x}", "3:2: invalid character 'x' looking for beginning of value", nil},
		// Columns count code points: "é" and "€" are one each.
		{"multibyte", "{\"words\": [\"é€\", x]}", "1:18: invalid character 'x' looking for beginning of value", nil},
		{"deep", "{\"words\":\n" + strings.Repeat("[", 150) + strings.Repeat("]", 150) + "}", "2:100: objects and arrays nest deeper than 100", schema.ErrTooDeep},
		{"deep-in-string", `{"words": ["` + strings.Repeat("[", 150) + `"]}`, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := schema.Validate(schema.Config, []byte(tc.doc))
			if tc.want == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var se *schema.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Validate = %v, want a *schema.SyntaxError", err)
			}
			if se.Error() != tc.want {
				t.Errorf("Error() = %q, want %q", se.Error(), tc.want)
			}
			if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
				t.Errorf("error does not wrap %v", tc.sentinel)
			}
		})
	}
}

// TestValidateNumbersCost checks that numbers the schema library would
// take long to compare are not given to it: 1e999999 costs it 18 ms and
// 415 kB each time.
func TestValidateNumbersCost(t *testing.T) {
	levels := strings.Repeat(`{"name": "L", "number": 1e999999}, {"name": "L", "number": 0.`+strings.Repeat("0", 2000)+`1}, `, 500)
	doc := []byte(`{` + exportHead + `, "skills": [], "documents": [], "roles": [{"name": "R", "slug": "r", "levels": [` + levels + `{"name": "L", "number": 1}]}]}`)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := schema.Validate(schema.Export, doc)
	runtime.ReadMemStats(&after)
	var se *schema.Error
	if !errors.As(err, &se) || len(se.Problems) != 1000 {
		t.Fatalf("Validate = %v, want 1000 problems", err)
	}
	if want := `/roles/0/levels/999/number: number not checked: it has 2002 digits, more than 100`; se.Problems[999].String() != want {
		t.Errorf("problem 999: %s, want %s", se.Problems[999], want)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
		t.Errorf("Validate of %d bytes allocated %d MiB, want at most 64", len(doc), n>>20)
	}
}

func TestValidateTooLarge(t *testing.T) {
	doc := make([]byte, schema.MaxSize+1)
	err := schema.Validate(schema.Export, doc)
	if !errors.Is(err, schema.ErrTooLarge) {
		t.Errorf("Validate = %v, want ErrTooLarge", err)
	}
}

func ExampleValidate() {
	err := schema.Validate(schema.Config, []byte(`{"rules": {"spelling": "loud"}, "ignore": [{"rule": "spelling"}]}`))
	fmt.Println(err)
	// Output:
	// document does not match the config schema:
	// /ignore/0: missing properties: 'reason'
	// /rules/spelling: value must be one of "off", "error", "warning", "info"
}

// FuzzValidate checks that Validate does not panic and fails only with
// the documented error types.
func FuzzValidate(f *testing.F) {
	f.Add([]byte(`{` + exportHead + `, "skills": [], "roles": [], "documents": []}`))
	f.Add([]byte(`{"rules": {"spelling": "off"}, "ignore": [{"rule": "x", "reason": "y"}]}`))
	f.Add([]byte(`{"diagnostics": [{"rule": "a", "severity": "info", "file": "f", "line": 1, "column": 1, "message": "m"}]}`))
	// Issue 16: a panic in the schema library.
	f.Add([]byte(`{"roles": [{"levels": [{"number": 1e10000000}]}], "diagnostics": [{"line": 1e-10000000}], "summary": {"files": 0e10000000}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range schema.Kinds() {
			err := schema.Validate(k, data)
			var se *schema.Error
			var syn *schema.SyntaxError
			if err != nil && !errors.As(err, &se) && !errors.As(err, &syn) {
				t.Fatalf("%s: unexpected error %T: %v", k, err, err)
			}
			if syn != nil && (syn.Line < 1 || syn.Column < 1 || syn.Offset > len(data)) {
				t.Fatalf("%s: bad position %d:%d (offset %d of %d)", k, syn.Line, syn.Column, syn.Offset, len(data))
			}
		}
	})
}

// TestExportFormatsAreTheRegistry checks that the export schema's list of
// document formats is the registry's, in its order.
func TestExportFormatsAreTheRegistry(t *testing.T) {
	var sch struct {
		Defs map[string]struct {
			Properties map[string]struct {
				Enum []string `json:"enum"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schema.Source(schema.Export), &sch); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range framework.Formats() {
		want = append(want, string(f.Format))
	}
	found := 0
	for name, d := range sch.Defs {
		if p, ok := d.Properties["format"]; ok {
			found++
			if diff := cmp.Diff(want, p.Enum); diff != "" {
				t.Errorf("$defs/%s/properties/format enum differs from framework.Formats() (-want +got):\n%s", name, diff)
			}
		}
	}
	if found == 0 {
		t.Errorf("no format enum found in the export schema")
	}
}
