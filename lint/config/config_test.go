package config

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
)

func TestParseConfig(t *testing.T) {
	src := `{
  "$schema": "https://example.org/config.schema.json",
  "rules": {"encoding": "off", "structure": "info"},
  "words": ["GOV.UK", "runbook"],
  "ignore": [
    {"rule": "spelling", "path": "legacy/*.txt", "text": "mangers",
     "reason": "archived 2020 page, kept as published"}
  ]
}`
	c, err := Parse(".ddat.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Rules["encoding"]; !got.Off || got.Pos.Line != 3 || got.Pos.Column != 13 {
		t.Errorf("encoding: got %+v, want off at 3:13", got)
	}
	if got := c.Rules["structure"]; got.Off || got.Severity != lint.Info {
		t.Errorf("structure: got %+v, want info", got)
	}
	if diff := cmp.Diff([]string{"GOV.UK", "runbook"}, c.Words); diff != "" {
		t.Errorf("words (-want +got):\n%s", diff)
	}
	want := []Ignore{{Rule: "spelling", Path: "legacy/*.txt", Text: "mangers", Reason: "archived 2020 page, kept as published",
		Pos: framework.Position{Filename: ".ddat.json", Offset: 162, Line: 6, Column: 5}}}
	if diff := cmp.Diff(want, c.Ignore); diff != "" {
		t.Errorf("ignore (-want +got):\n%s", diff)
	}
}

func TestParseConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"syntax", "{\n  \"rules\": {\"encoding\": \"off\",}\n}", []string{
			`c.json:2:31: invalid character '}' looking for beginning of object key string`}},
		{"eof", "{\n  \"rules\": {", []string{`c.json:2:13: unexpected end of file`}},
		{"not object", `["x"]`, []string{`c.json:1:1: the configuration must be an object, not an array`}},
		{"unknown key", "{\n  \"rule\": {}\n}", []string{
			`c.json:2:3: unknown key "rule": want "rules", "words" or "ignore"`}},
		{"unknown rule", "{\"rules\": {\"speling\": \"off\", \"zzzzzzzzzz\": \"off\"}}", []string{
			`c.json:1:12: unknown rule "speling"; did you mean "spelling"?`,
			`c.json:1:30: unknown rule "zzzzzzzzzz"; ddat rules lists them`}},
		{"bad severity", "{\"rules\": {\"spelling\": \"fatal\"}}", []string{
			`c.json:1:24: unknown setting "fatal" for rule "spelling": want "off", "info", "warning" or "error"`}},
		{"severity type", "{\"rules\": {\"spelling\": 1}}", []string{
			`c.json:1:24: the setting of rule "spelling" must be a string, not a number`}},
		{"word type", "{\"words\": [\"a\", true]}", []string{`c.json:1:17: a word must be a string, not a boolean`}},
		{"no reason", "{\"ignore\": [\n  {\"rule\": \"spelling\"}\n]}", []string{
			`c.json:2:3: ignore entry without a "reason": say why the findings are acceptable`}},
		{"ignore unknown key", "{\"ignore\": [{\"rule\": \"spelling\", \"reason\": \"r\", \"why\": 1}]}", []string{
			`c.json:1:49: unknown key "why" in an ignore entry: want "rule", "path", "text" or "reason"`}},
		{"ignore bad rule", "{\"ignore\": [{\"rule\": \"spellling\", \"reason\": \"r\"}]}", []string{
			`c.json:1:22: unknown rule "spellling"; did you mean "spelling"?`}},
		{"trailing", "{}\n{}", []string{`c.json:2:1: unexpected text after the configuration object`}},

		// Issue 16: the offsets of json.Decoder.Token's syntax errors
		// count only the bytes of the values read whole; a "@" at 53:13
		// was reported at 25:8.
		{"issue 16", "{\n  \"words\": [\n" + strings.Repeat("    \"w\",\n", 50) + "     \"abc\", @\n  ]\n}\n", []string{
			`c.json:53:13: invalid character '@' looking for beginning of value`}},
		{"syntax in literal", `{"ignore": [{"rule": "spelling", "reason": tru}]}`, []string{
			`c.json:1:47: invalid character '}' in literal true (expecting 'e')`}},
		{"syntax after escapes", `{"words": ["a\"b\u00e9", @]}`, []string{
			`c.json:1:26: invalid character '@' looking for beginning of value`}},
		{"syntax after multibyte", `{"words": ["é", @]}`, []string{
			`c.json:1:17: invalid character '@' looking for beginning of value`}},
		{"syntax on last line", "{\n  \"words\": [\"a\"]\n  \"rules\": {}}", []string{
			`c.json:3:3: invalid character '"' after object key:value pair`}},
		{"syntax at end", "{\"words\": []}}", []string{`c.json:1:14: unexpected text after the configuration object`}},
		{"empty", "", []string{`c.json:1:1: unexpected end of file`}},
		{"space only", "\n\n  ", []string{`c.json:3:3: unexpected end of file`}},
		{"truncated string", `{"words": ["ab`, []string{`c.json:1:15: unexpected end of file`}},
		{"truncated after newline", "{\"rules\": {\"spelling\": \"off\"\n", []string{`c.json:2:1: unexpected end of file`}},
		{"truncated nested", "{\"ignore\": [{\"rule\": \"spelling\", \"reason\": \"r\"}, {", []string{`c.json:1:51: unexpected end of file`}},
		{"trailing on last line", "{}\n\n  x", []string{`c.json:3:3: unexpected text after the configuration object`}},
		{"nested type on last line", "{\"ignore\": [\n{\"rule\": \"spelling\", \"reason\": \"r\", \"path\": [\"x\"]}]}", []string{
			`c.json:2:45: "path" must be a string, not an array`}},
		{"crlf", "{\r\n  \"words\": [1]\r\n}", []string{`c.json:2:13: a word must be a string, not a number`}},
		{"errors after a skipped value", "{\"rules\": {\"spelling\": {\"a\": [1, {}]}, \"encoding\": \"loud\"}}", []string{
			`c.json:1:24: the setting of rule "spelling" must be a string, not an object`,
			`c.json:1:52: unknown setting "loud" for rule "encoding": want "off", "info", "warning" or "error"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.json", []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid: %v", err)
			}
			var list framework.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want framework.ErrorList", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConfigApply(t *testing.T) {
	f := framework.NewFile("content/legacy/product-manager.txt", "product mangers and product managers")
	g := framework.NewFile("content/skills.md", "mangers")
	diags := []lint.Diagnostic{
		{Rule: "spelling", Severity: lint.Warning, Span: f.Span(8, 15), Message: `unknown word "mangers"`},
		{Rule: "spelling", Severity: lint.Warning, Span: g.Span(0, 7), Message: `unknown word "mangers"`},
		{Rule: "encoding", Severity: lint.Warning, Span: f.Span(0, 1), Message: "x"},
		{Rule: "structure", Severity: lint.Warning, Span: f.Span(0, 1), Message: "y"},
	}
	c, err := Parse("c.json", []byte(`{
  "rules": {"encoding": "off", "structure": "error"},
  "ignore": [{"rule": "spelling", "path": "legacy/*.txt", "text": "mangers", "reason": "as published"}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range c.Apply(diags) {
		got = append(got, d.String())
	}
	want := []string{
		`content/skills.md:1:1: warning: unknown word "mangers" (spelling)`,
		`content/legacy/product-manager.txt:1:1: error: y (structure)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Apply (-want +got):\n%s", diff)
	}

	opts := c.Options(lint.Options{Words: []string{"a"}})
	for _, r := range opts.Rules {
		if r.ID == "encoding" {
			t.Errorf("Options kept the rule switched off")
		}
	}
	if len(opts.Rules) != len(lint.All)-1 {
		t.Errorf("Options kept %d rules, want %d", len(opts.Rules), len(lint.All)-1)
	}
	if diff := cmp.Diff([]string{"a"}, opts.Words); diff != "" {
		t.Errorf("words (-want +got):\n%s", diff)
	}

	var nilConfig *Config
	if got := nilConfig.Apply(diags); len(got) != len(diags) {
		t.Errorf("nil Config dropped findings")
	}
}

// TestIgnoreMatches checks each part of an ignore entry: the rule always,
// the path and the text only when given, the text in the message or in
// the text the finding is on.
func TestIgnoreMatches(t *testing.T) {
	f := framework.NewFile("content/legacy/pm.txt", "product mangers")
	d := lint.Diagnostic{Rule: "spelling", Span: f.Span(8, 15), Message: `unknown word "mangers"`}
	for _, tc := range []struct {
		ig   Ignore
		want bool
	}{
		{Ignore{Rule: "spelling"}, true},
		{Ignore{Rule: "encoding"}, false},
		{Ignore{Rule: "spelling", Path: "legacy/*.txt"}, true},
		{Ignore{Rule: "spelling", Path: "other/*.txt"}, false},
		{Ignore{Rule: "spelling", Text: "unknown word"}, true}, // in the message
		{Ignore{Rule: "spelling", Text: "mangers"}, true},
		{Ignore{Rule: "spelling", Text: "product"}, false}, // neither in the message nor the span's text
		{Ignore{Rule: "spelling", Path: "legacy/*.txt", Text: "mangers"}, true},
		{Ignore{Rule: "spelling", Path: "other/*.txt", Text: "mangers"}, false},
	} {
		if got := tc.ig.Matches(d); got != tc.want {
			t.Errorf("%+v.Matches = %v, want %v", tc.ig, got, tc.want)
		}
	}
	span := lint.Diagnostic{Rule: "spelling", Span: f.Span(0, 7), Message: "x"}
	if !(Ignore{Rule: "spelling", Text: "product"}).Matches(span) {
		t.Errorf("an entry's text is not looked for in the text the finding is on")
	}
}

func TestMatchPath(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"legacy/*.txt", "legacy/a.txt", true},
		{"legacy/*.txt", "content/legacy/a.txt", true},
		{"legacy/*.txt", "./legacy/a.txt", true},
		{"legacy/*.txt", "legacy/sub/a.txt", false},
		{"legacy/*.txt", "notlegacy/a.txt", false},
		{"*.md", "content/skills.md", true},
		{"content/*", "content/skills.md", true},
		{"legacy/*.txt", "/work/legacy/a.txt", true}, // an absolute name
		{"*.txt", "/a.txt", true},
		{"a.txt", "", false},
	} {
		if got := MatchPath(tc.pattern, tc.name); got != tc.want {
			t.Errorf("MatchPath(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
}

func TestFindConfig(t *testing.T) {
	fsys := fstest.MapFS{
		"repo/.ddat.json":         {Data: []byte("{}")},
		"repo/content/pages/a.md": {Data: []byte("x")},
		"other/b.md":              {Data: []byte("x")},
	}
	if got, ok := Find(fsys, "repo/content/pages"); !ok || got != "repo/.ddat.json" {
		t.Errorf("Find(repo/content/pages) = %q, %v", got, ok)
	}
	if got, ok := Find(fsys, "other"); ok {
		t.Errorf("Find(other) = %q, want none", got)
	}
}

// TestParseRuleConfigurable: the parse rule is a rule of lint.All, which a
// configuration switches off or re-rates as any other.
func TestParseRuleConfigurable(t *testing.T) {
	c, err := Parse(".ddat.json", []byte(`{"rules": {"parse": "warning"}, "ignore": [{"rule": "parse", "reason": "a known broken export"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if rc, ok := c.Rule("parse"); !ok || rc.Severity != lint.Warning {
		t.Errorf(`Rule("parse") = %+v, %v; want a warning`, rc, ok)
	}
}
