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
		start, end := jsonDecoder{}.Offsets(raw, s)
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
		start, end := csvDecoder{}.Offsets(raw, value)
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
		start, end := markdownDecoder{}.Offsets(raw, value)
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
		start, end := htmlDecoder{}.Offsets(raw, text.Value)
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
		start, end := jsonDecoder{}.Offsets(raw, value)
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
