package parse

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// offsetsOf returns, for each byte value[k], the raw bytes
// raw[start[k]:end[k]] that d's segments map it to, or nil slices if d
// does not decode value from raw. It fails the test if the segments do not
// cover value in order, each once, or a plain segment's raw bytes are not
// its value's, or the segments' raw bytes go back (but for the bytes of
// one character, given apart).
func offsetsOf(t *testing.T, d framework.Decoder, raw, value string) (start, end []int) {
	t.Helper()
	start, end = make([]int, len(value)), make([]int, len(value))
	next, rawAt := 0, 0
	var last framework.Segment
	ok := d.Segments(raw, value, func(g framework.Segment) {
		// A character's bytes may come a segment each, all with its raw
		// bytes.
		sameChar := !g.Plain && !last.Plain && g.Raw == last.Raw && g.End == last.End && next > 0
		if g.V != next || g.N <= 0 || g.V+g.N > len(value) || g.Raw < rawAt && !sameChar || g.End < g.Raw || g.End > len(raw) {
			t.Fatalf("Segments(%q, %q): segment %+v after value byte %d, raw byte %d", raw, value, g, next, rawAt)
		}
		if g.Plain && (g.End != g.Raw+g.N || raw[g.Raw:g.End] != value[g.V:g.V+g.N]) {
			t.Fatalf("Segments(%q, %q): plain segment %+v maps %q to %q", raw, value, g, value[g.V:g.V+g.N], raw[g.Raw:g.End])
		}
		for x := range g.N {
			if g.Plain {
				start[g.V+x], end[g.V+x] = g.Raw+x, g.Raw+x+1
			} else {
				start[g.V+x], end[g.V+x] = g.Raw, g.End
			}
		}
		next, rawAt, last = g.V+g.N, g.End, g
	})
	if !ok {
		return nil, nil
	}
	if next != len(value) {
		t.Fatalf("Segments(%q, %q) decoded it but covered %d bytes", raw, value, next)
	}
	return start, end
}

// checkOffsets checks that start and end map each character of value
// to raw bytes that decode to exactly it, and that the raw bytes between
// characters (and before the first and after the last) decode to nothing.
func checkOffsets(t *testing.T, raw, value string, start, end []int, decode func(string) string) {
	t.Helper()
	if len(start) != len(value) || len(end) != len(value) {
		t.Fatalf("Offsets(%q, %q) = %v, %v", raw, value, start, end)
	}
	prev := 0 // end of the previous character's raw bytes
	for k := 0; k < len(value); {
		_, n := utf8.DecodeRuneInString(value[k:])
		a, b := start[k], end[k+n-1]
		if a < prev || b < a || b > len(raw) {
			t.Fatalf("Offsets(%q, %q): value[%d:%d] maps to raw[%d:%d], after %d", raw, value, k, k+n, a, b, prev)
		}
		if got := decode(raw[prev:a]); got != "" {
			t.Errorf("Offsets(%q, %q): the raw bytes %q before value[%d] decode to %q", raw, value, raw[prev:a], k, got)
		}
		if got := decode(raw[a:b]); got != value[k:k+n] {
			t.Errorf("Offsets(%q, %q): value[%d:%d] %q maps to %q, which decodes to %q", raw, value, k, k+n, value[k:k+n], raw[a:b], got)
		}
		prev = b
		k += n
	}
	if got := decode(raw[prev:]); got != "" {
		t.Errorf("Offsets(%q, %q): the raw bytes %q after the value decode to %q", raw, value, raw[prev:], got)
	}
}

func FuzzJSONOffsets(f *testing.F) {
	for _, s := range []string{"", `a "b" c`, "é\u2028\t\\x", "\U0001F600 <&>", "\x01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(true) // more escapes
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		raw := string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
		raw = raw[1 : len(raw)-1]
		start, end := offsetsOf(t, jsonDecoder{}, raw, s)
		checkOffsets(t, raw, s, start, end, func(r string) string {
			var v string
			if err := json.Unmarshal([]byte(`"`+r+`"`), &v); err != nil {
				return "error: " + err.Error()
			}
			return v
		})
	})
}

func FuzzCSVOffsets(f *testing.F) {
	for _, s := range []string{"", `a "b" c`, "x\r\ny", "\"\"\"", "é,\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.UseCRLF = true // quoted line ends become CRLF, which read as "\n"
		if err := w.Write([]string{s}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		raw := b.String()
		raw = raw[:len(raw)-2] // the record's CRLF
		if len(raw) > 0 && raw[0] == '"' {
			raw = raw[1 : len(raw)-1]
		}
		r := csv.NewReader(bytes.NewReader(b.Bytes()))
		rec, err := r.Read()
		if err != nil || len(rec) != 1 {
			return // a value encoding/csv does not read back (a lone "\r")
		}
		value := rec[0]
		start, end := offsetsOf(t, csvDecoder{}, raw, value)
		checkOffsets(t, raw, value, start, end, func(r string) string {
			if r == `""` {
				return `"`
			}
			if r == "\r\n" {
				return "\n"
			}
			return r
		})
	})
}

func FuzzMarkdownOffsets(f *testing.F) {
	for _, s := range []string{"", `C\# and \*b\*`, `\\\*`, `a\b \`, "é\\_\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		unescape := func(s string) string { return unescapeMarkdown(framework.Text{Value: s}).Value }
		value := unescape(raw)
		start, end := offsetsOf(t, markdownDecoder{}, raw, value)
		checkOffsets(t, raw, value, start, end, unescape)
	})
}

// htmlText returns the text of an HTML fragment as the parser reads an
// element's content: references decoded, tags left out, space trimmed
// and collapsed.
func htmlText(raw string) framework.Text { return htmlRuns(raw).all() }

// htmlRuns returns the decoded text tokens of an HTML fragment.
func htmlRuns(raw string) *runs {
	r := textRuns(raw)
	r.f = framework.NewFile("f.html", raw)
	return r
}

func FuzzHTMLOffsets(f *testing.F) {
	for _, s := range []string{"", "a &amp; <b>b</b>", " <strong>Skill</strong>. You can &eacute;  x\n y ", "&nbsp;a&#x20;<!-- c -->b&", "a < b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		text := htmlText(src)
		if text.Value == "" {
			return
		}
		raw := text.Span.Text()
		start, end := offsetsOf(t, htmlDecoder{}, raw, text.Value)
		// A character's raw bytes show as it (a space as a run of
		// space); the bytes between characters show as nothing.
		shown := func(s string) string {
			d := htmlRuns(s).value.String()
			if d != "" && strings.TrimFunc(d, unicode.IsSpace) == "" {
				return " "
			}
			return collapse(d)
		}
		if len(start) != len(text.Value) || len(end) != len(text.Value) {
			t.Fatalf("Offsets(%q, %q) = %v, %v", raw, text.Value, start, end)
		}
		prev := 0
		for k := 0; k < len(text.Value); {
			_, n := utf8.DecodeRuneInString(text.Value[k:])
			a, b := start[k], end[k+n-1]
			if a < prev || b < a || b > len(raw) {
				t.Fatalf("Offsets(%q, %q): value[%d:%d] maps to raw[%d:%d], after %d", raw, text.Value, k, k+n, a, b, prev)
			}
			if got := shown(raw[prev:a]); got != "" && k > 0 {
				t.Errorf("Offsets(%q, %q): the raw bytes %q before value[%d] show as %q", raw, text.Value, raw[prev:a], k, got)
			}
			if got := shown(raw[a:b]); got != text.Value[k:k+n] {
				t.Errorf("Offsets(%q, %q): value[%d:%d] %q maps to %q, which shows as %q", raw, text.Value, k, k+n, text.Value[k:k+n], raw[a:b], got)
			}
			prev = b
			k += n
		}
	})
}

// TestJSONOffsetsInvalidUTF8: an invalid byte in a JSON string reads as
// U+FFFD, as encoding/json reads it, and the three bytes of the
// replacement map back to the one byte.
func TestJSONOffsetsInvalidUTF8(t *testing.T) {
	for _, raw := range []string{"a\xffb", "\xf0ortolio ,s  the", "x\\\"\xed\xa0y\\u00e9", "\xff"} {
		var value string
		if err := json.Unmarshal([]byte(`"`+raw+`"`), &value); err != nil {
			t.Fatal(err)
		}
		start, end := offsetsOf(t, jsonDecoder{}, raw, value)
		if start == nil {
			t.Errorf("Offsets(%q, %q) found no mapping", raw, value)
			continue
		}
		checkOffsets(t, raw, value, start, end, func(r string) string {
			var v string
			if err := json.Unmarshal([]byte(`"`+r+`"`), &v); err != nil {
				return "error: " + err.Error()
			}
			return v
		})
	}
}
