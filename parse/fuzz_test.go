package parse_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
	"github.com/ddat-tools/ddat/schema"
)

// spanType is the type checkSpans looks for.
var spanType = reflect.TypeOf(framework.Span{})

// checkSpans walks every value reachable from doc and fails on a Span
// outside src or with start after end, and on a Span whose position does
// not resolve.
func checkSpans(t *testing.T, doc *framework.Document, src []byte) {
	t.Helper()
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			if v.Type() == reflect.TypeOf(&framework.File{}) {
				return
			}
			walk(v.Elem(), path)
		case reflect.Struct:
			if v.Type() == spanType {
				sp := v.Interface().(framework.Span)
				if !sp.IsValid() {
					return
				}
				if sp.Start < 0 || sp.End > len(src) || sp.Start > sp.End {
					t.Fatalf("%s: span [%d,%d) outside the %d-byte input", path, sp.Start, sp.End, len(src))
				}
				if !sp.Pos().IsValid() || !sp.EndPos().IsValid() {
					t.Fatalf("%s: span [%d,%d) does not resolve to a position", path, sp.Start, sp.End)
				}
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i), path+"."+v.Type().Field(i).Name)
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), path)
			}
		}
	}
	walk(reflect.ValueOf(doc), "doc")
}

// addSeeds adds every fixture of the repository's testdata to f's corpus.
func addSeeds(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "*"))
	for _, p := range paths {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
}

// fuzzFormat is the body of the per-format fuzz targets: parsing as the
// format must not panic, must keep every span inside the input, and must
// render its errors.
func fuzzFormat(f *testing.F, format framework.Format) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		var doc *framework.Document
		var err error
		if format == "" {
			doc, err = parse.Parse("fuzz", src)
			if got := parse.Detect(src); got != "" && doc == nil && !errors.Is(err, parse.ErrLimit) {
				t.Fatalf("Detect says %s but Parse gave no document: %v", got, err)
			}
		} else {
			doc, err = parse.As(format, "fuzz", src)
		}
		if err != nil {
			_ = err.Error()
			if el, ok := err.(framework.ErrorList); ok {
				_ = el.Detail()
			}
		}
		if doc == nil {
			return
		}
		checkSpans(t, doc, src)
		// Whatever parses exports to JSON the schema accepts, and that
		// JSON reads back to the same framework.
		out, err := framework.Export(framework.Merge(doc), framework.ExportOptions{})
		if err != nil {
			t.Fatalf("Export: %v", err)
		}
		if err := schema.Validate(schema.Export, out); err != nil {
			t.Fatalf("the export does not validate: %v\n%s", err, out)
		}
		back, err := parse.As(framework.FormatJSON, "fuzz.json", out)
		if err != nil {
			t.Fatalf("the export does not read back: %v", err)
		}
		again, err := framework.Export(framework.Merge(back), framework.ExportOptions{})
		if err != nil {
			t.Fatalf("Export of the read-back: %v", err)
		}
		if !bytes.Equal(out, again) {
			t.Fatalf("parse(export(x)) differs from x:\n%s", cmp.Diff(string(out), string(again)))
		}
	})
}

func FuzzParse(f *testing.F)          { fuzzFormat(f, "") }
func FuzzSkillsMarkdown(f *testing.F) { fuzzFormat(f, framework.FormatSkillsMarkdown) }
func FuzzRolePage(f *testing.F)       { fuzzFormat(f, framework.FormatRolePage) }
func FuzzRoleLevel(f *testing.F)      { fuzzFormat(f, framework.FormatRoleLevel) }
func FuzzLegacyGuidance(f *testing.F) { fuzzFormat(f, framework.FormatLegacyGuidance) }
func FuzzLegacyHTML(f *testing.F)     { fuzzFormat(f, framework.FormatLegacyHTML) }
func FuzzRolesCSV(f *testing.F)       { fuzzFormat(f, framework.FormatRolesCSV) }
func FuzzSkillsCSV(f *testing.F)      { fuzzFormat(f, framework.FormatSkillsCSV) }
func FuzzChangesCSV(f *testing.F)     { fuzzFormat(f, framework.FormatChangesCSV) }
func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(smallExport))
	f.Add([]byte(`{"schemaVersion": "1", "skills": [{"name": "\ud800"}]}`))
	f.Add([]byte(`{"schemaVersion": "1", "roles": [{"levels": [{"skills": [{}]}]}]}`))
	f.Add([]byte(`{"documents":[{"name":"a","format":"skills-markdown","notes":[{"code":"X","message":"m"},{"message":"m"}]}]}`))
	f.Add([]byte(`{"documents": 5}`))
	fuzzFormat(f, framework.FormatJSON)
}
