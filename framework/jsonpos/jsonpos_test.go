package jsonpos

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		src string
		off int
		msg string
	}{
		{`{"a": }`, 6, "unexpected character '}': want a value"},
		{`{"a": 1,}`, 8, "unexpected character '}': want a field name in quotes"},
		{`[1,]`, 3, "unexpected character ']': want a value"},
		{`{"a" 1}`, 5, "unexpected character '1': want ':' after field name"},
		{`{"a": 1 "b"}`, 8, `unexpected character '"': want ',' or '}'`},
		{`[1 2]`, 3, "unexpected character '2': want ',' or ']'"},
		{`{`, 1, "unexpected end of input: want a field name in quotes"},
		{`[`, 1, "unexpected end of input: want a value"},
		{`"abc`, 4, "unexpected end of input: string not closed"},
		{`{} x`, 3, "unexpected character 'x' after the top-level value"},
		{"\"a\tb\"", 2, `control character '\t' in string`},
		{`"\x"`, 0, "invalid escape in string"},
		{`-x`, 1, "invalid number: want a digit"},
		{`1.`, 2, "invalid number: want a digit after '.'"},
		{`1e`, 2, "invalid number: want a digit in the exponent"},
		{`tru`, 0, "unexpected character 't': want a value"},
		{``, 0, "unexpected end of input: want a value"},
		{strings.Repeat("[", 4) + strings.Repeat("]", 4), 3, "objects and arrays nest deeper than 3"},
	} {
		_, err := Parse(tc.src, 3)
		if err == nil || err.Offset != tc.off || err.Msg != tc.msg {
			t.Errorf("Parse(%q) error %+v, want %d: %s", tc.src, err, tc.off, tc.msg)
		}
	}
}

func TestParseTree(t *testing.T) {
	src := "\ufeff { \"a\" : [1, \"x\\ny\", true, null, {}], \"b\": \"plain\" } "
	v, err := Parse(src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if v.Kind != Object || src[v.Start:v.End] != `{ "a" : [1, "x\ny", true, null, {}], "b": "plain" }` {
		t.Fatalf("root %v %q", v.Kind, src[v.Start:v.End])
	}
	a := v.Members[0]
	if a.Key != "a" || src[a.KeyStart] != '"' || a.Value.Kind != Array || len(a.Value.Elems) != 5 {
		t.Fatalf("member a: %+v", a)
	}
	for i, want := range []string{`1`, `"x\ny"`, `true`, `null`, `{}`} {
		e := a.Value.Elems[i]
		if got := src[e.Start:e.End]; got != want {
			t.Errorf("element %d spans %q, want %q", i, got, want)
		}
	}
	if s := a.Value.Elems[1].Str; s != "x\ny" {
		t.Errorf("decoded %q", s)
	}
	if b := v.Members[1].Value; b.Str != "plain" || src[b.Start:b.End] != `"plain"` {
		t.Errorf("member b: %+v", b)
	}
}

// TestScannerAgreesWithEncodingJSON checks that the scanner accepts what
// encoding/json accepts, and nothing else, on inputs cut and changed
// from a real document, and that every token's span is inside the input.
func TestScannerAgreesWithEncodingJSON(t *testing.T) {
	base := `{"rules": {"spelling": "off", "x": [1, -2.5e+3, true, false, null]}, "words": ["a\u00e9\"b", ""], "n": {}}`
	inputs := []string{base, "[]", `""`, "0", "-0", "01", "1.5", "[1,,2]", `{"a":1}{}`, "\xff", `"\xff"`, `"\ud800"`, " \n\t1 "}
	for i := 0; i <= len(base); i++ {
		inputs = append(inputs, base[:i])
		for _, c := range []string{"", "}", "]", ",", ":", `"`, "x", "\\", " ", "\x01"} {
			inputs = append(inputs, base[:i]+c+base[min(i+1, len(base)):])
		}
	}
	for _, src := range inputs {
		s := NewScanner(src, 0)
		ok := true
		for !s.Done() {
			tok, err := s.Next()
			if err != nil {
				ok = false
				if err.Offset < 0 || err.Offset > len(src) {
					t.Errorf("%q: error offset %d out of the input", src, err.Offset)
				}
				break
			}
			if tok.Start < 0 || tok.End > len(src) || tok.Start >= tok.End {
				t.Errorf("%q: token %+v spans outside the input", src, tok)
			}
		}
		if ok && s.End() != nil {
			ok = false
		}
		if want := json.Valid([]byte(src)); ok != want {
			t.Errorf("%q: scanner accepts it: %v; encoding/json: %v", src, ok, want)
		}
	}
}
