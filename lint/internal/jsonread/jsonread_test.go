package jsonread

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// decoderTokens reads the tokens of src's top-level value as the reader
// did before it was built on framework/jsonpos, with encoding/json's
// Decoder: each token with its start, then the error met, if any.
func decoderTokens(src []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var out []string
	depth := 0
	for {
		off := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			pos, msg := len(src), "unexpected end of file"
			var se *json.SyntaxError
			if errors.As(err, &se) {
				var raw json.RawMessage
				var de *json.SyntaxError
				pos, msg = off, se.Error()
				if err := json.NewDecoder(bytes.NewReader(src)).Decode(&raw); errors.As(err, &de) && de.Offset >= 1 && int(de.Offset) <= len(src) {
					pos = int(de.Offset) - 1
				}
			} else if err != io.EOF && err != io.ErrUnexpectedEOF {
				pos, msg = off, err.Error()
			}
			return append(out, fmt.Sprintf("error %d: %s", pos, msg))
		}
		for off < len(src) && strings.IndexByte(" \t\r\n,:", src[off]) >= 0 {
			off++
		}
		out = append(out, fmt.Sprintf("%d: %#v", off, tok))
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
		if depth == 0 {
			return out
		}
	}
}

// readerTokens reads the same with Reader.
func readerTokens(src []byte) []string {
	r := New("x.json", src, nil)
	var out []string
	depth := 0
	for {
		tok, err := r.Token()
		if err != nil {
			e := r.Errs[0]
			return append(out, fmt.Sprintf("error %d: %s", e.Pos.Offset, e.Msg))
		}
		out = append(out, fmt.Sprintf("%d: %#v", r.Start, tok))
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
		if depth == 0 {
			return out
		}
	}
}

// TestJSONReaderAsDecoder checks that the reader gives the tokens,
// starts and syntax errors that encoding/json's Decoder gave it before,
// on inputs cut and changed from a configuration and a baseline.
func TestJSONReaderAsDecoder(t *testing.T) {
	bases := []string{
		`{"rules": {"spelling": "off", "x": [1, -2.5e+3, 1e999, true, false, null]}, "words": ["a\u00e9\"b", "", "\xff"], "n": {}}`,
		"{\n  \"version\": 1,\n  \"findings\": [\n    {\"fingerprint\": \"ab12\", \"rule\": \"spelling\"}\n  ]\n}\n",
	}
	inputs := []string{"", " ", "\ufeff{}", "[]", `""`, "0", "01", "[1,,2]", `{"a":1}{}`, "{} x", "[tru]", `["\x"]`}
	for _, base := range bases {
		for i := 0; i <= len(base); i++ {
			inputs = append(inputs, base[:i])
			for _, c := range []string{"", "}", "]", ",", ":", `"`, "x", "\\", " ", "\x01", "t", "-", "."} {
				inputs = append(inputs, base[:i]+c+base[min(i+1, len(base)):])
			}
		}
	}
	for _, src := range inputs {
		want, got := decoderTokens([]byte(src)), readerTokens([]byte(src))
		if strings.Join(want, "\n") != strings.Join(got, "\n") {
			t.Errorf("%q:\nencoding/json: %q\njsonReader:    %q", src, want, got)
		}
	}
}

// FuzzJSONReaderAsDecoder is TestJSONReaderAsDecoder on any input.
func FuzzJSONReaderAsDecoder(f *testing.F) {
	for _, s := range []string{`{"rules": {"spelling": "off"}, "words": ["a"]}`, `{"version": 1, "findings": [{"fingerprint": "x"}]}`, `[1, "\u00e9", true, null]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		want, got := decoderTokens(src), readerTokens(src)
		if strings.Join(want, "\n") != strings.Join(got, "\n") {
			t.Errorf("%q:\nencoding/json: %q\njsonReader:    %q", src, want, got)
		}
	})
}
