package parse

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// checkOffsets checks that m maps each character of value to raw bytes
// that decode to exactly it.
func checkOffsets(t *testing.T, raw, value string, m []int, decode func(string) string) {
	t.Helper()
	if len(m) != len(value)+1 || m[len(value)] != len(raw) {
		t.Fatalf("Offsets(%q, %q) = %v", raw, value, m)
	}
	for k := 0; k < len(value); {
		_, n := utf8.DecodeRuneInString(value[k:])
		if got := decode(raw[m[k]:m[k+n]]); got != value[k:k+n] {
			t.Errorf("Offsets(%q, %q): value[%d:%d] %q maps to %q, which decodes to %q", raw, value, k, k+n, value[k:k+n], raw[m[k]:m[k+n]], got)
		}
		k += n
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
		m := jsonDecoder{}.Offsets(raw, s)
		checkOffsets(t, raw, s, m, func(r string) string {
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
		m := csvDecoder{}.Offsets(raw, value)
		checkOffsets(t, raw, value, m, func(r string) string {
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
