package framework

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// exportByEncodingJSON is Export as it was first written: the whole
// export built as structs, encoded by encoding/json and indented by
// json.Indent. Export must give the same bytes.
func exportByEncodingJSON(fw *Framework, opts ExportOptions) ([]byte, error) {
	e := exporter{positions: opts.Positions}
	out := exportFramework{
		Schema:        ExportSchemaID,
		SchemaVersion: ExportSchemaVersion,
		Skills:        []exportSkill{},
		Roles:         []exportRole{},
		Documents:     []exportDocument{},
	}
	if fw != nil {
		for _, s := range fw.Skills {
			if s == nil {
				continue
			}
			es, err := e.skill(s)
			if err != nil {
				return nil, err
			}
			out.Skills = append(out.Skills, es)
		}
		for _, r := range fw.Roles {
			if r != nil {
				out.Roles = append(out.Roles, e.role(r))
			}
		}
		for _, c := range fw.Changes {
			if c != nil {
				out.Changes = append(out.Changes, exportChange{
					Date:   isoDate(c.Date),
					Page:   c.Page.Value,
					Note:   c.Note.Value,
					Source: e.source(c.Span),
				})
			}
		}
		for _, d := range fw.Documents {
			if d == nil {
				continue
			}
			if !d.Format.known() {
				return nil, fmt.Errorf("export: document %q: unknown format %q", docName(d), d.Format)
			}
			if err := checkSources(d); err != nil {
				return nil, err
			}
			out.Documents = append(out.Documents, e.documents(d)...)
		}
	}
	validUTF8(reflect.ValueOf(&out).Elem())
	// Encoded compact, then indented into a buffer sized for it once:
	// indenting while encoding grows a buffer of the full size by
	// doubling, and then copies it.
	var compact, b bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if err := json.Indent(&b, compact.Bytes(), "", "  "); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return b.Bytes(), nil
}

// validUTF8 replaces each invalid UTF-8 sequence in the strings of v by
// U+FFFD, as encoding/json would, but before encoding, so that the export
// holds the character itself and reads back to the same bytes. (JSON is
// UTF-8: a source's invalid bytes cannot survive the export; the encoding
// rule reports them.)
func validUTF8(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); !utf8.ValidString(s) && v.CanSet() {
			v.SetString(strings.ToValidUTF8(s, "\uFFFD"))
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			validUTF8(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				validUTF8(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			validUTF8(v.Index(i))
		}
	case reflect.Map:
		// The export has no maps.
	}
}

// nastyText is a random text with what JSON escapes: quotes, backslashes,
// control characters, HTML characters, U+2028, invalid UTF-8.
func nastyText(rng *rand.Rand) Text {
	pieces := []string{"", "a", "Planning", "\"", "\\", "\n", "\r\n", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "<b>&amp;</b>",
		"\u2028", "\u2029", "é", "\U0001F600", "\xff", "\xc3", "\xe2\x80", "\ufffd", " ", "'"}
	var b strings.Builder
	for range rng.IntN(6) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return Text{Value: b.String()}
}

// randomFramework returns a framework with every kind of element, some
// nil, and nasty texts.
func randomFramework(rng *rand.Rand) *Framework {
	f := NewFile("x.md", strings.Repeat("line\n", 20))
	sp := func() Span {
		if rng.IntN(3) == 0 {
			return Span{}
		}
		a := rng.IntN(len(f.Src))
		return f.Span(a, a+rng.IntN(len(f.Src)-a))
	}
	texts := func() []Text {
		var ts []Text
		for range rng.IntN(3) {
			ts = append(ts, nastyText(rng))
		}
		return ts
	}
	reqs := func() []*Requirement {
		var rs []*Requirement
		for range rng.IntN(3) {
			if rng.IntN(5) == 0 {
				rs = append(rs, nil)
				continue
			}
			rs = append(rs, &Requirement{Skill: nastyText(rng), Level: Level(rng.IntN(6)), LevelText: nastyText(rng), Scale: nastyText(rng),
				Description: nastyText(rng), Descriptors: texts(), LeadershipExamples: texts(), Span: sp()})
		}
		return rs
	}
	fw := &Framework{}
	for range rng.IntN(4) {
		if rng.IntN(5) == 0 {
			fw.Skills = append(fw.Skills, nil)
			continue
		}
		s := &Skill{Name: nastyText(rng), Slug: nastyText(rng).Value, Description: nastyText(rng), SeniorCivilService: rng.IntN(2) == 0,
			Requirements: texts(), LeadershipExamples: texts(), Span: sp()}
		for l := range Levels {
			if rng.IntN(2) == 0 {
				lv := Levels[l]
				if rng.IntN(50) == 0 {
					lv = Expert + 1 // not a skill level: an error
				}
				s.Levels = append(s.Levels, &SkillLevel{Level: lv, Heading: nastyText(rng), Status: LevelStatus(rng.IntN(3)),
					Placeholder: nastyText(rng), Descriptors: texts(), Span: sp()})
			}
		}
		for range rng.IntN(3) {
			s.Roles = append(s.Roles, RoleRef{Name: nastyText(rng), Slug: nastyText(rng).Value})
		}
		fw.Skills = append(fw.Skills, s)
	}
	for range rng.IntN(4) {
		if rng.IntN(5) == 0 {
			fw.Roles = append(fw.Roles, nil)
			continue
		}
		r := &Role{Name: nastyText(rng), Slug: nastyText(rng).Value, Family: nastyText(rng), Description: texts(),
			SeniorCivilService: rng.IntN(2) == 0, Responsibilities: texts(), Skills: reqs(), Span: sp()}
		if rng.IntN(2) == 0 {
			r.LevelCount = Count{Count: rng.IntN(3), Text: nastyText(rng)}
		}
		for range rng.IntN(3) {
			r.Levels = append(r.Levels, &RoleLevel{Number: rng.IntN(3), Name: nastyText(rng), Description: texts(), Responsibilities: texts(),
				Grades: texts(), InferredOrder: nastyText(rng).Value, Skills: reqs(), Span: sp()})
		}
		if rng.IntN(4) == 0 {
			r.Levels = append(r.Levels, nil)
		}
		for range rng.IntN(2) {
			r.SharedSkills = append(r.SharedSkills, SharedSkills{Role: nastyText(rng), Skills: texts()})
		}
		fw.Roles = append(fw.Roles, r)
	}
	for range rng.IntN(3) {
		if rng.IntN(4) == 0 {
			fw.Changes = append(fw.Changes, nil)
			continue
		}
		c := &Change{Page: nastyText(rng), Note: nastyText(rng), Span: sp()}
		if rng.IntN(2) == 0 {
			c.Date.Time = time.Date(2020+rng.IntN(5), 1, 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		}
		fw.Changes = append(fw.Changes, c)
	}
	for range rng.IntN(3) {
		if rng.IntN(4) == 0 {
			fw.Documents = append(fw.Documents, nil)
			continue
		}
		d := &Document{File: f, Format: FormatSkillsMarkdown, Title: nastyText(rng)}
		for range rng.IntN(3) {
			d.Notes = append(d.Notes, Note{Code: "stray-heading", Message: nastyText(rng).Value, Span: sp()})
		}
		if rng.IntN(3) == 0 {
			d.Sources = []*Source{}
			for range rng.IntN(3) {
				src := &Source{Name: nastyText(rng), Format: FormatRolesCSV, Title: nastyText(rng)}
				for range rng.IntN(3) {
					src.Notes = append(src.Notes, SourceNote{Code: "duplicate-row", Message: nastyText(rng).Value,
						Start: Position{Filename: "a.csv", Line: 1, Column: 2}, End: Position{Filename: "a.csv", Line: 3, Column: 4}})
				}
				d.Sources = append(d.Sources, src)
			}
		}
		fw.Documents = append(fw.Documents, d)
	}
	return fw
}

// TestExportMatchesEncodingJSON compares Export, which writes the JSON
// itself, with encoding/json and json.Indent on random frameworks.
func TestExportMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 7))
	for i := range 3000 {
		fw := randomFramework(rng)
		for _, pos := range []bool{false, true} {
			opts := ExportOptions{Positions: pos}
			want, werr := exportByEncodingJSON(fw, opts)
			got, gerr := Export(fw, opts)
			if fmt.Sprint(werr) != fmt.Sprint(gerr) {
				t.Fatalf("case %d: error %v, want %v", i, gerr, werr)
			}
			if d := cmp.Diff(string(want), string(got)); d != "" {
				t.Fatalf("case %d, positions %v (-encoding/json +Export):\n%s", i, pos, d)
			}
		}
	}
	if !utf8.ValidString(string(mustExport(t, &Framework{Skills: []*Skill{{Name: Text{Value: "a\xffb"}}}}))) {
		t.Error("an invalid byte reached the export")
	}
}

func mustExport(t *testing.T, fw *Framework) []byte {
	t.Helper()
	out, err := Export(fw, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
