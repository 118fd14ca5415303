// Package jsonread reads a JSON document token by token, knowing where each
// Token starts, and records errors at their place: the reader of the
// configuration and baseline files.
package jsonread

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/framework/jsonpos"
)

// ErrStop ends reading after a syntax error has been recorded.
var ErrStop = errors.New("stop")

// Reader reads a JSON document token by token for the configuration
// and baseline readers, knowing where each token starts, and records
// errors at their place. The tokens are those of encoding/json (strings,
// json.Number, bools, nil, json.Delim), read by the module's positioned
// scanner (framework/jsonpos); a syntax error is reported as encoding/json
// reports it.
type Reader struct {
	File  *framework.File // the document, for positions
	src   []byte
	sc    *jsonpos.Scanner
	Start int                 // offset of the first byte of the last token read
	err   error               // the sentinel every recorded error wraps
	Errs  framework.ErrorList // the errors recorded, in reading order
}

// New returns a reader of src, named name in positions, whose errors wrap
// sentinel.
func New(name string, src []byte, sentinel error) *Reader {
	f := framework.NewFile(name, string(src))
	return &Reader{File: f, src: src, sc: jsonpos.NewScanner(f.Src, 0), err: sentinel}
}

// Token reads the next token and records where it starts. At the end of
// the input or a syntax error, it records the error and returns ErrStop.
func (r *Reader) Token() (json.Token, error) {
	if r.sc.Done() {
		r.Errs.Add(r.File.Span(len(r.src), len(r.src)), r.err, "unexpected end of file")
		return nil, ErrStop
	}
	t, serr := r.sc.Next()
	if serr != nil {
		pos, msg := r.syntaxError(serr)
		r.Errs.Add(r.File.Span(pos, pos), r.err, "%s", msg)
		return nil, ErrStop
	}
	r.Start = t.Start
	switch t.Kind {
	case jsonpos.Object, jsonpos.Array:
		return json.Delim(t.Delim), nil
	case jsonpos.String:
		return t.Str, nil
	case jsonpos.Number:
		return json.Number(t.Num), nil
	case jsonpos.Bool:
		return t.Bool, nil
	}
	return nil, nil
}

// syntaxError returns the place and message of the syntax error that the
// scanner met as encoding/json's Decoder.Token, reading the same tokens,
// reports it: the end of the input for a document cut short, else its
// message at the offending byte. The scanner's own account is the answer
// if encoding/json reads the whole value.
func (r *Reader) syntaxError(serr *jsonpos.Error) (int, string) {
	dec := json.NewDecoder(bytes.NewReader(r.src))
	dec.UseNumber()
	depth := 0
	for {
		off := int(dec.InputOffset())
		tok, err := dec.Token()
		var se *json.SyntaxError
		switch {
		case err == nil:
			if d, ok := tok.(json.Delim); ok {
				if d == '{' || d == '[' {
					depth++
				} else {
					depth--
				}
			}
			if depth == 0 {
				return serr.Offset, serr.Msg
			}
			continue
		case errors.As(err, &se):
			return r.syntaxErrorOffset(off), se.Error()
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			return len(r.src), "unexpected end of file"
		}
		return off, err.Error()
	}
}

// syntaxErrorOffset returns the offset of the byte that makes the input
// invalid JSON. The offset of a json.SyntaxError that Decoder.Token
// returns counts only the bytes read by the calls that decoded whole
// values (strings, numbers, literals), not the delimiters and space
// between them, so the input is scanned again from its start, where the
// offset of a Decoder.Decode counts every byte up to the offending one,
// that one included. off, where the token began, is the answer if the
// second scan finds no syntax error.
func (r *Reader) syntaxErrorOffset(off int) int {
	var raw json.RawMessage
	err := json.NewDecoder(bytes.NewReader(r.src)).Decode(&raw)
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset >= 1 && int(se.Offset) <= len(r.src) {
		return int(se.Offset) - 1
	}
	return off
}

// Errorf records an error at the start of the last token read.
func (r *Reader) Errorf(format string, args ...any) {
	r.ErrorAt(r.Start, format, args...)
}

// ErrorAt records an error at offset off.
func (r *Reader) ErrorAt(off int, format string, args ...any) {
	r.Errs.Add(r.File.Span(off, off), r.err, format, args...)
}

// Skip reads the rest of the value that starts with tok, for error
// recovery.
func (r *Reader) Skip(tok json.Token) error {
	d, ok := tok.(json.Delim)
	if !ok || d == '}' || d == ']' {
		return nil
	}
	depth := 1
	for depth > 0 {
		t, err := r.Token()
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

// SkipValue reads a value and skips it.
func (r *Reader) SkipValue() error {
	tok, err := r.Token()
	if err != nil {
		return err
	}
	return r.Skip(tok)
}

// Kind names the kind of value tok starts ("an object", "a string"), for
// messages.
func Kind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "an object"
		}
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", tok)
}

// Object reads the members of an object whose '{' was read, calling fn
// for each key with the key's start offset; fn reads the value.
func (r *Reader) Object(fn func(key string, keyStart int) error) error {
	for {
		tok, err := r.Token()
		if err != nil {
			return err
		}
		if tok == json.Delim('}') {
			return nil
		}
		key := tok.(string) // the decoder guarantees a string key
		if err := fn(key, r.Start); err != nil {
			return err
		}
	}
}

// Array reads the elements of an array whose '[' was read, calling fn
// with the first token of each; fn reads the rest of the element.
func (r *Reader) Array(fn func(tok json.Token) error) error {
	for {
		tok, err := r.Token()
		if err != nil {
			return err
		}
		if tok == json.Delim(']') {
			return nil
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

// Open reads a value and reports whether it opens an object or array as
// want says; it records an error and skips the value otherwise.
func (r *Reader) Open(want json.Delim, what string) (bool, error) {
	tok, err := r.Token()
	if err != nil {
		return false, err
	}
	if tok != want {
		r.Errorf("%s must be %s, not %s", what, Kind(want), Kind(tok))
		return false, r.Skip(tok)
	}
	return true, nil
}

// Str reads a string value; it records an error and skips the value if
// it is anything else.
func (r *Reader) Str(what string) (string, bool, error) {
	tok, err := r.Token()
	if err != nil {
		return "", false, err
	}
	s, ok := tok.(string)
	if !ok {
		r.Errorf("%s must be a string, not %s", what, Kind(tok))
		return "", false, r.Skip(tok)
	}
	return s, true, nil
}

// End records an error if anything but space follows the top-level
// value, which is what.
func (r *Reader) End(what string) {
	off := r.sc.Offset()
	if r.sc.End() != nil {
		for off < len(r.src) && isJSONSpace(r.src[off]) {
			off++
		}
		r.ErrorAt(off, "unexpected text after the %s", what)
	}
}

func isJSONSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// A Field is a string member of an object that [Reader.StringMember]
// reads into Dst.
type Field struct {
	Name string
	Dst  *string
}

// StringMember reads the value of the member key of an object (in
// [Reader.Object]'s callback) into the field named key, and reports
// whether it stored a string. A key that no field has is an error naming
// the keys of fields, for an object named what ("a finding"), and its
// value is skipped; a value that is not a string is an error, skipped.
func (r *Reader) StringMember(key, what string, fields ...Field) (bool, error) {
	for _, f := range fields {
		if f.Name == key {
			s, ok, err := r.Str(fmt.Sprintf("%q", key))
			if ok {
				*f.Dst = s
			}
			return ok, err
		}
	}
	var want strings.Builder
	for i, f := range fields {
		switch {
		case i == 0:
		case i == len(fields)-1:
			want.WriteString(" or ")
		default:
			want.WriteString(", ")
		}
		fmt.Fprintf(&want, "%q", f.Name)
	}
	r.Errorf("unknown key %q in %s: want %s", key, what, want.String())
	return false, r.SkipValue()
}
