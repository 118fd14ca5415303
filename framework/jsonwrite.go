package framework

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// jsonWriter writes the export structs as JSON, with the bytes that
// encoding/json (HTML escaping off) and then json.Indent with an indent
// of two spaces would give, but in one pass into one buffer: Export
// writes each element as it makes it. It knows the kinds the export
// structs use: structs with json tags (a name and omitempty), slices,
// pointers, strings, ints and bools. Strings are made valid UTF-8 first,
// each invalid sequence becoming U+FFFD, so that the export holds the
// character itself and reads back to the same bytes. (JSON is UTF-8: a
// source's invalid bytes cannot survive the export; the encoding rule
// reports them.)
type jsonWriter struct {
	b    []byte   // being written
	full [][]byte // written before b
	size int      // of full
}

// jsonChunk is the size of the buffers a jsonWriter adds when the one it
// was given is full.
const jsonChunk = 1 << 20

// bytes returns what was written, in one slice.
func (w *jsonWriter) bytes() []byte {
	if len(w.full) == 0 {
		return w.b
	}
	out := make([]byte, 0, w.size+len(w.b))
	for _, c := range w.full {
		out = append(out, c...)
	}
	return append(out, w.b...)
}

// key writes the n-th key of an object at depth (1 for the members of
// the outermost object).
func (w *jsonWriter) key(depth, n int, name string) {
	if n > 0 {
		w.raw(",")
	}
	w.newline(depth)
	w.string(name)
	w.raw(": ")
}

// elem writes the n-th element v (a pointer to an export struct) of an
// array whose elements are at depth.
func (w *jsonWriter) elem(depth, n int, v any) {
	if n > 0 {
		w.raw(",")
	}
	w.newline(depth)
	w.value(reflect.ValueOf(v).Elem(), depth)
}

// end closes an object or array of n members whose own line is at depth.
func (w *jsonWriter) end(depth, n int, c byte) {
	if n > 0 {
		w.newline(depth)
	}
	w.raw(string(c))
}

// reserve makes room for n more bytes. A full buffer is set aside and a
// new one started, so that writing allocates the output once more in
// all, then bytes once (append would grow one buffer by a quarter at a
// time, allocating about five times what it holds in the end).
func (w *jsonWriter) reserve(n int) {
	if cap(w.b)-len(w.b) >= n {
		return
	}
	w.full = append(w.full, w.b)
	w.size += len(w.b)
	w.b = make([]byte, 0, max(jsonChunk, n))
}

// Write writes p as it is, so that other writers (the CSV writer's) grow
// their output by the same chunks.
func (w *jsonWriter) Write(p []byte) (int, error) {
	w.reserve(len(p))
	w.b = append(w.b, p...)
	return len(p), nil
}

func (w *jsonWriter) newline(depth int) {
	w.reserve(1 + 2*depth)
	w.b = append(w.b, '\n')
	for range depth {
		w.b = append(w.b, ' ', ' ')
	}
}

// raw writes s as it is.
func (w *jsonWriter) raw(s string) {
	w.reserve(len(s))
	w.b = append(w.b, s...)
}

// value writes v, whose own line is at depth.
func (w *jsonWriter) value(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		w.string(v.String())
	case reflect.Bool:
		w.reserve(5)
		w.b = strconv.AppendBool(w.b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.reserve(20)
		w.b = strconv.AppendInt(w.b, v.Int(), 10)
	case reflect.Pointer:
		if v.IsNil() {
			w.raw("null")
			return
		}
		w.value(v.Elem(), depth)
	case reflect.Slice:
		if v.IsNil() {
			w.raw("null")
			return
		}
		w.raw("[")
		for i := range v.Len() {
			if i > 0 {
				w.raw(",")
			}
			w.newline(depth + 1)
			w.value(v.Index(i), depth+1)
		}
		w.end(depth, v.Len(), ']')
	case reflect.Struct:
		w.raw("{")
		n := 0
		for _, f := range jsonFieldsOf(v.Type()) {
			fv := v.Field(f.index)
			if f.omitEmpty && emptyJSON(fv) {
				continue
			}
			w.key(depth+1, n, f.name)
			w.value(fv, depth+1)
			n++
		}
		w.end(depth, n, '}')
	default:
		panic("export: cannot write a " + v.Type().String())
	}
}

// emptyJSON reports whether omitempty leaves v out, as encoding/json
// decides it for the kinds jsonWriter knows.
func emptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String, reflect.Slice:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// jsonField is an exported field of a struct as encoding/json sees it.
type jsonField struct {
	name      string
	index     int
	omitEmpty bool
}

var jsonFields sync.Map // reflect.Type to []jsonField

// jsonFieldsOf returns the fields of struct type t that encoding/json
// writes, in order. (The export structs embed nothing.)
func jsonFieldsOf(t reflect.Type) []jsonField {
	if fs, ok := jsonFields.Load(t); ok {
		return fs.([]jsonField)
	}
	var fs []jsonField
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		fs = append(fs, jsonField{name: name, index: i, omitEmpty: slices.Contains(strings.Split(opts, ","), "omitempty")})
	}
	jsonFields.Store(t, fs)
	return fs
}

const hexDigits = "0123456789abcdef"

// string writes s as a JSON string as encoding/json does with HTML
// escaping off, after making it valid UTF-8.
func (w *jsonWriter) string(s string) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	w.reserve(2 + len(s) + jsonEscapeExtra(s))
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2028' || r == '\u2029' {
			// Valid JSON, but not valid JavaScript: encoding/json escapes them.
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	w.b = append(b, '"')
}

// jsonEscapeExtra returns how many bytes escaping adds to valid UTF-8 s.
func jsonEscapeExtra(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"', c == '\\', c == '\b', c == '\f', c == '\n', c == '\r', c == '\t':
			n++
		case c < 0x20:
			n += 5
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			n += 3 // U+2028 and U+2029: 3 bytes become 6
		}
	}
	return n
}
