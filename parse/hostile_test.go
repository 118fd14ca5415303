package parse_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// TestHostileInput feeds Parse inputs built to hurt a parser. Each must
// end with a clear error or a document, never a panic; a hang or a runaway
// allocation fails the test. (Speed is measured by the benchmarks; the
// deadline here only catches a hang.)
func TestHostileInput(t *testing.T) {
	rolesHeader := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n"
	row := "Data,Data scientist,Does data.,Data scientist,A level.,Planning,Plans.,Working,\"You can:\n- plan\",\n"
	for _, tc := range []struct {
		name  string
		src   func() []byte
		check func(t *testing.T, doc *framework.Document, err error)
	}{
		{"100 MB single line", func() []byte { return bytes.Repeat([]byte("a"), 100<<20) }, wantLimit("more than the limit of 67108864")},
		{"5 MB line", func() []byte { return append([]byte("# Skills\n"), bytes.Repeat([]byte("a"), 5<<20)...) }, wantLimit("huge.txt:2:4194305: input limit exceeded: line 2 is longer")},
		{"invalid UTF-8", func() []byte {
			return []byte("Product and delivery role: Analyst\nRole level: Analyst\nSkill: Plan\xffning\n- plan \xc3\x28\n")
		}, wantDoc},
		{"NUL bytes", func() []byte {
			return []byte("Product and delivery role: Analyst\x00\nRole level: Analyst\nSkill: Planning\n- plan\x00\x00\n")
		}, wantDoc},
		{"BOM and mixed line ends", func() []byte {
			return []byte("\ufeffProduct and delivery role: Analyst\r\nRole level: Analyst\nSkill: Planning\r\n- plan\n")
		}, func(t *testing.T, doc *framework.Document, err error) {
			wantDoc(t, doc, err)
			if doc != nil && doc.Roles[0].Levels[0].Skills[0].Descriptors[0].Value != "plan" {
				t.Errorf("descriptor %q", doc.Roles[0].Levels[0].Skills[0].Descriptors[0].Value)
			}
		}},
		{"1,000,000-column CSV row", func() []byte {
			return []byte(rolesHeader + strings.Repeat("a,", 999999) + "a\n")
		}, wantError("huge.txt:2:1: CSV record has 1000000 fields, more than the limit of 64")},
		{"HTML nested 10,000 deep", func() []byte {
			return []byte(`<html><div class="govspeak"><h2>Introduction to the role of tester</h2>` + strings.Repeat("<div>", 10000) +
				`<li><strong>Testing</strong>. You test. (Skill level: working)</li>` + strings.Repeat("</div>", 10000) + `</div></html>`)
		}, wantError("nested more than 512 elements")},
		{"100,000 duplicate rows", func() []byte {
			return []byte(rolesHeader + strings.Repeat(row, 100000))
		}, func(t *testing.T, doc *framework.Document, err error) {
			wantDoc(t, doc, err)
			// A note for each repeat, up to the limit, then one for the rest.
			wantCappedNotes(99999, "row repeats the row at line 2")(t, doc, err)
			if n := len(doc.Roles[0].Levels[0].Skills); n != 1 {
				t.Errorf("%d requirements, want 1", n)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			done := make(chan struct{})
			var doc *framework.Document
			var err error
			go func() {
				defer close(done)
				doc, err = parse.Parse("huge.txt", src)
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("Parse did not return within 30 s")
			}
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 200<<20 {
				t.Errorf("Parse allocated %d MiB, more than 200 MiB", alloc>>20)
			}
			tc.check(t, doc, err)
		})
	}
}

func wantDoc(t *testing.T, doc *framework.Document, err error) {
	t.Helper()
	if doc == nil {
		t.Fatalf("no document: %v", err)
	}
}

func wantError(substr string) func(*testing.T, *framework.Document, error) {
	return func(t *testing.T, _ *framework.Document, err error) {
		t.Helper()
		var msgs []string
		var el framework.ErrorList
		if errors.As(err, &el) {
			for _, e := range el {
				msgs = append(msgs, e.Error())
			}
		}
		if !strings.Contains(strings.Join(msgs, "\n"), substr) {
			t.Errorf("errors %q, want one containing %q", msgs, substr)
		}
	}
}

func wantLimit(substr string) func(*testing.T, *framework.Document, error) {
	return func(t *testing.T, doc *framework.Document, err error) {
		t.Helper()
		if doc != nil || !errors.Is(err, parse.ErrLimit) {
			t.Fatalf("document %v, error %v; want a limit error", doc != nil, err)
		}
		wantError(substr)(t, doc, err)
	}
}

// TestLimitsConfigurable checks that ParseLimited applies the caller's
// limits.
func TestLimitsConfigurable(t *testing.T) {
	src := readFixture(t, "role-level-digital-portfolio-manager.txt")
	if _, err := parse.ParseLimited("x.txt", src, parse.Limits{MaxBytes: 100}); !errors.Is(err, parse.ErrLimit) {
		t.Errorf("MaxBytes 100: %v", err)
	}
	if _, err := parse.ParseLimited("x.txt", src, parse.Limits{}); err != nil {
		t.Errorf("no limits: %v", err)
	}
	_ = fmt.Sprint()
}

// TestLimitBoundaries holds the line limits at their edges, where
// checkLimits skips counting for a source too short to pass them.
func TestLimitBoundaries(t *testing.T) {
	for _, tc := range []struct {
		src  string
		lim  parse.Limits
		want string // the limit error; "" for none
	}{
		{"0123456789", parse.Limits{MaxLineBytes: 10}, ""},
		{"0123456789\n", parse.Limits{MaxLineBytes: 10}, ""},
		{"0123456789\r\n", parse.Limits{MaxLineBytes: 10}, "x.txt:1:11: input limit exceeded: line 1 is longer than the limit of 10 bytes"},
		{"01234567890", parse.Limits{MaxLineBytes: 10}, "x.txt:1:11: input limit exceeded: line 1 is longer than the limit of 10 bytes"},
		{"a\n0123456789a", parse.Limits{MaxLineBytes: 10}, "x.txt:2:11: input limit exceeded: line 2 is longer"},
		{"ab", parse.Limits{MaxLines: 3}, ""},
		{"\n\n\n", parse.Limits{MaxLines: 3}, ""},
		{"\n\n\nx", parse.Limits{MaxLines: 3}, "x.txt:4:1: input limit exceeded: the file has 4 lines, more than the limit of 3"},
		{"a\nb\nc\nd\n", parse.Limits{MaxLines: 3}, "x.txt:4:1: input limit exceeded: the file has 4 lines, more than the limit of 3"},
	} {
		_, err := parse.ParseLimited("x.txt", []byte(tc.src), tc.lim)
		if tc.want == "" {
			if errors.Is(err, parse.ErrLimit) {
				t.Errorf("%q with %+v: %v, want no limit error", tc.src, tc.lim, err)
			}
			continue
		}
		if !errors.Is(err, parse.ErrLimit) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q with %+v: %v, want %q", tc.src, tc.lim, err, tc.want)
		}
	}
}
