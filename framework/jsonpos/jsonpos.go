// Package jsonpos reads JSON (RFC 8259) keeping the byte range of every
// token and value in the unchanged source, for the readers that report
// errors at their place: the JSON export and self-assessment forms
// (package parse), the configuration and the baseline (package lint).
//
// A [Scanner] yields the tokens of a source one at a time, so that a
// large input is never held as a tree; [Parse] builds the tree of a whole
// document from it. Strings are decoded, and invalid UTF-8 replaced, as
// encoding/json does; a string without escapes is a substring of the
// source.
package jsonpos

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Kind is the type of a JSON value.
type Kind int

// The kinds of JSON values.
const (
	Object Kind = iota + 1
	Array
	String
	Number
	Bool
	Null
)

// String returns the kind with its article, for messages: "an object".
func (k Kind) String() string {
	switch k {
	case Object:
		return "an object"
	case Array:
		return "an array"
	case String:
		return "a string"
	case Number:
		return "a number"
	case Bool:
		return "a boolean"
	case Null:
		return "null"
	}
	return "nothing"
}

// Error is a syntax error at a byte offset of the source.
type Error struct {
	Offset int    // of the byte that makes the input invalid, or its length
	Msg    string // lower case, no final period
}

func (e *Error) Error() string { return e.Msg }

// Token is one token of a source: a delimiter or a scalar value.
type Token struct {
	Kind  Kind // Object or Array for a delimiter
	Delim byte // '{', '}', '[' or ']' for a delimiter, else 0
	Key   bool // a string that is an object member's key

	Start, End int    // byte offsets of the token's first byte and just past its last
	Str        string // a string's decoded value
	Num        string // a number as written
	Bool       bool   // a boolean's value
}

// state is what a Scanner reads next.
type state int

const (
	stValue        state = iota // a value
	stValueOrClose              // a value or ']', after '['
	stKeyOrClose                // a key or '}', after '{'
	stKey                       // a key, after ',' in an object
	stColon                     // ':', after a key
	stCommaOrClose              // ',' or the closing delimiter, after a value in a container
	stDone                      // the top-level value has been read
)

// Scanner reads the tokens of one JSON value.
type Scanner struct {
	// MaxDepth is the deepest nesting of objects and arrays read; 0
	// means no limit.
	MaxDepth int

	src   string
	off   int
	state state
	open  []byte // the delimiters of the containers open, innermost last
	inner [32]byte
}

// NewScanner returns a Scanner of the value that src holds from offset
// off.
func NewScanner(src string, off int) *Scanner {
	s := &Scanner{}
	s.init(src, off)
	return s
}

func (s *Scanner) init(src string, off int) {
	s.src, s.off = src, off
	s.open = s.inner[:0]
}

// Offset returns the offset just past the last token read.
func (s *Scanner) Offset() int { return s.off }

// Done reports whether the whole top-level value has been read.
func (s *Scanner) Done() bool { return s.state == stDone }

func (s *Scanner) fail(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// space skips white space.
func (s *Scanner) space() {
	for s.off < len(s.src) {
		switch s.src[s.off] {
		case ' ', '\t', '\n', '\r':
			s.off++
		default:
			return
		}
	}
}

// what describes the byte at s.off for a message.
func (s *Scanner) what() string {
	if s.off >= len(s.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRuneInString(s.src[s.off:])
	return fmt.Sprintf("character %q", r)
}

// Next returns the next token. After the top-level value it returns an
// error; see [Scanner.End].
func (s *Scanner) Next() (Token, *Error) {
	for {
		switch s.state {
		case stDone:
			return Token{}, s.fail(s.off, "no more tokens after the top-level value")
		case stValueOrClose:
			s.space()
			if s.off < len(s.src) && s.src[s.off] == ']' {
				return s.close(Array), nil
			}
			return s.value()
		case stValue:
			return s.value()
		case stKeyOrClose:
			s.space()
			if s.off < len(s.src) && s.src[s.off] == '}' {
				return s.close(Object), nil
			}
			fallthrough
		case stKey:
			s.space()
			if s.off >= len(s.src) || s.src[s.off] != '"' {
				return Token{}, s.fail(s.off, "unexpected %s: want a field name in quotes", s.what())
			}
			t, err := s.string()
			if err != nil {
				return Token{}, err
			}
			t.Key = true
			s.state = stColon
			return t, nil
		case stColon:
			s.space()
			if s.off >= len(s.src) || s.src[s.off] != ':' {
				return Token{}, s.fail(s.off, "unexpected %s: want ':' after field name", s.what())
			}
			s.off++
			s.state = stValue
		case stCommaOrClose:
			s.space()
			closing := byte('}')
			kind := Object
			if s.open[len(s.open)-1] == '[' {
				closing, kind = ']', Array
			}
			if s.off < len(s.src) {
				switch s.src[s.off] {
				case ',':
					s.off++
					if kind == Object {
						s.state = stKey
					} else {
						s.state = stValue
					}
					continue
				case closing:
					return s.close(kind), nil
				}
			}
			return Token{}, s.fail(s.off, "unexpected %s: want ',' or '%c'", s.what(), closing)
		}
	}
}

// End reads what follows the top-level value: only white space may.
func (s *Scanner) End() *Error {
	s.space()
	if s.off < len(s.src) {
		return s.fail(s.off, "unexpected %s after the top-level value", s.what())
	}
	return nil
}

// after sets the state that follows a value.
func (s *Scanner) after() {
	if len(s.open) == 0 {
		s.state = stDone
	} else {
		s.state = stCommaOrClose
	}
}

// close reads the closing delimiter at s.off.
func (s *Scanner) close(k Kind) Token {
	t := Token{Kind: k, Delim: s.src[s.off], Start: s.off, End: s.off + 1}
	s.off++
	s.open = s.open[:len(s.open)-1]
	s.after()
	return t
}

// value reads a value, or the delimiter that opens one.
func (s *Scanner) value() (Token, *Error) {
	s.space()
	if s.off >= len(s.src) {
		return Token{}, s.fail(s.off, "unexpected end of input: want a value")
	}
	var t Token
	var err *Error
	switch c := s.src[s.off]; {
	case c == '{' || c == '[':
		if s.MaxDepth > 0 && len(s.open) >= s.MaxDepth {
			return Token{}, s.fail(s.off, "objects and arrays nest deeper than %d", s.MaxDepth)
		}
		s.open = append(s.open, c)
		t = Token{Kind: Object, Delim: c, Start: s.off, End: s.off + 1}
		s.state = stKeyOrClose
		if c == '[' {
			t.Kind, s.state = Array, stValueOrClose
		}
		s.off++
		return t, nil
	case c == '"':
		t, err = s.string()
	case c == '-' || c >= '0' && c <= '9':
		t, err = s.number()
	case c == 't':
		t, err = s.literal("true", Token{Kind: Bool, Bool: true})
	case c == 'f':
		t, err = s.literal("false", Token{Kind: Bool})
	case c == 'n':
		t, err = s.literal("null", Token{Kind: Null})
	default:
		return Token{}, s.fail(s.off, "unexpected %s: want a value", s.what())
	}
	if err != nil {
		return Token{}, err
	}
	s.after()
	return t, nil
}

func (s *Scanner) string() (Token, *Error) {
	t := Token{Kind: String, Start: s.off}
	escaped := false
	for i := s.off + 1; i < len(s.src); i++ {
		switch c := s.src[i]; {
		case c == '"':
			t.End = i + 1
			s.off = t.End
			raw := s.src[t.Start:t.End]
			if !escaped && utf8.ValidString(raw) {
				t.Str = raw[1 : len(raw)-1]
				return t, nil
			}
			// Escapes are decoded, and invalid UTF-8 replaced, as
			// encoding/json does.
			if err := json.Unmarshal([]byte(raw), &t.Str); err != nil {
				return Token{}, s.fail(t.Start, "invalid escape in string")
			}
			return t, nil
		case c == '\\':
			escaped = true
			i++
		case c < 0x20:
			return Token{}, s.fail(i, "control character %q in string", c)
		}
	}
	return Token{}, s.fail(len(s.src), "unexpected end of input: string not closed")
}

func (s *Scanner) number() (Token, *Error) {
	start, i := s.off, s.off
	src := s.src
	digits := func() int {
		n := 0
		for i < len(src) && src[i] >= '0' && src[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(src) && src[i] == '-' {
		i++
	}
	switch {
	case i < len(src) && src[i] == '0':
		i++
	case digits() == 0:
		return Token{}, s.fail(i, "invalid number: want a digit")
	}
	if i < len(src) && src[i] == '.' {
		i++
		if digits() == 0 {
			return Token{}, s.fail(i, "invalid number: want a digit after '.'")
		}
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		if digits() == 0 {
			return Token{}, s.fail(i, "invalid number: want a digit in the exponent")
		}
	}
	s.off = i
	return Token{Kind: Number, Start: start, End: i, Num: src[start:i]}, nil
}

func (s *Scanner) literal(word string, t Token) (Token, *Error) {
	if !strings.HasPrefix(s.src[s.off:], word) {
		return Token{}, s.fail(s.off, "unexpected %s: want a value", s.what())
	}
	t.Start, t.End = s.off, s.off+len(word)
	s.off = t.End
	return t, nil
}
