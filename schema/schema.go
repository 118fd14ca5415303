package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/ddat-tools/ddat/framework"
)

// Kind names one of the module's JSON document kinds. Its zero value is
// invalid.
type Kind int

const (
	// Export is the framework export written by ddat export.
	Export Kind = iota + 1
	// Diagnostics is the findings report written by ddat lint --format json.
	Diagnostics
	// Config is the linter's configuration file, .ddat.json.
	Config
	// Diff is the differences between two editions written by ddat diff
	// --format json.
	Diff
	// Form is a self-assessment form written by ddat assess template
	// --format json.
	Form
	// Assessment is the gaps written by ddat assess gap --format json.
	Assessment
)

// MaxSize is the largest document, in bytes, that [Validate] reads.
const MaxSize = 64 << 20

// MaxDepth is the deepest nesting of objects and arrays that [Validate]
// accepts. The module's documents nest about ten deep.
const MaxDepth = 100

var (
	//go:embed export.schema.json
	exportSchema []byte
	//go:embed diagnostics.schema.json
	diagnosticsSchema []byte
	//go:embed config.schema.json
	configSchema []byte
	//go:embed diff.schema.json
	diffSchema []byte
	//go:embed form.schema.json
	formSchema []byte
	//go:embed assessment.schema.json
	assessmentSchema []byte
)

type kindInfo struct {
	name   string // as users call it ("export")
	id     string // the schema's $id
	source []byte
}

var kinds = [...]kindInfo{
	Export:      {"export", framework.ExportSchemaID, exportSchema},
	Diagnostics: {"diagnostics", "https://github.com/ddat-tools/ddat/schema/diagnostics/v1.json", diagnosticsSchema},
	Config:      {"config", "https://github.com/ddat-tools/ddat/schema/config/v1.json", configSchema},
	Diff:        {"diff", "https://github.com/ddat-tools/ddat/schema/diff/v1.json", diffSchema},
	Form:        {"form", framework.FormSchemaID, formSchema},
	Assessment:  {"assessment", AssessmentSchemaID, assessmentSchema},
}

// AssessmentSchemaID is the $id of the schema of ddat assess gap's JSON.
const AssessmentSchemaID = "https://github.com/ddat-tools/ddat/schema/assessment/v1.json"

// Kinds returns the document kinds, in the order of their constants.
func Kinds() []Kind { return []Kind{Export, Diagnostics, Config, Diff, Form, Assessment} }

func (k Kind) valid() bool { return k >= Export && k <= Assessment }

// String returns the kind's name: "export", "diagnostics" or "config".
func (k Kind) String() string {
	if !k.valid() {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kinds[k].name
}

// ID returns the $id of the kind's schema, which documents of the kind
// name as their "$schema". It returns "" for an invalid kind.
func (k Kind) ID() string {
	if !k.valid() {
		return ""
	}
	return kinds[k].id
}

// KindByName returns the kind whose [Kind.String] is name.
func KindByName(name string) (Kind, bool) {
	for _, k := range Kinds() {
		if kinds[k].name == name {
			return k, true
		}
	}
	return 0, false
}

// KindByID returns the kind whose schema has the $id id, as a document's
// "$schema" names it.
func KindByID(id string) (Kind, bool) {
	for _, k := range Kinds() {
		if kinds[k].id == id {
			return k, true
		}
	}
	return 0, false
}

// Source returns the text of the schema of kind k, or nil for an invalid
// kind. The caller may modify the result.
func Source(k Kind) []byte {
	if !k.valid() {
		return nil
	}
	return bytes.Clone(kinds[k].source)
}

// compiled holds each kind's schema, compiled on first use.
var compiled = [...]func() (*jsonschema.Schema, error){
	Export:      sync.OnceValues(func() (*jsonschema.Schema, error) { return compile(Export) }),
	Diagnostics: sync.OnceValues(func() (*jsonschema.Schema, error) { return compile(Diagnostics) }),
	Config:      sync.OnceValues(func() (*jsonschema.Schema, error) { return compile(Config) }),
	Diff:        sync.OnceValues(func() (*jsonschema.Schema, error) { return compile(Diff) }),
	Form:        sync.OnceValues(func() (*jsonschema.Schema, error) { return compile(Form) }),
	Assessment:  sync.OnceValues(func() (*jsonschema.Schema, error) { return compile(Assessment) }),
}

func compile(k Kind) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = func(url string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("%s is not an embedded schema", url)
	}
	if err := c.AddResource(kinds[k].id, bytes.NewReader(kinds[k].source)); err != nil {
		return nil, fmt.Errorf("schema: %s: %w", k, err)
	}
	s, err := c.Compile(kinds[k].id)
	if err != nil {
		return nil, fmt.Errorf("schema: %s: %w", k, err)
	}
	return s, nil
}

// Validate checks data, a JSON document of kind k, against its schema.
//
// It returns nil for a valid document, a [*SyntaxError] for data that is
// not JSON (or nests deeper than [MaxDepth]), an error wrapping
// [ErrTooLarge] for data longer than [MaxSize], and an [*Error] listing
// every place where the document breaks the schema, and every number with
// more than [MaxDigits] digits or an exponent beyond ±[MaxExponent].
func Validate(k Kind, data []byte) error {
	if !k.valid() {
		return fmt.Errorf("schema: unknown kind %d", int(k))
	}
	if len(data) > MaxSize {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), MaxSize)
	}
	v, err := decode(data)
	if err != nil {
		return err
	}
	s, err := compiled[k]()
	if err != nil {
		return err
	}
	unchecked := checkNumbers(&v)
	err = s.Validate(v)
	var ve *jsonschema.ValidationError
	if err != nil && !errors.As(err, &ve) {
		return err
	}
	if ve == nil && unchecked == nil {
		return nil
	}
	return newError(k, ve, unchecked)
}

// ErrTooLarge is wrapped by the error [Validate] returns for a document
// longer than [MaxSize].
var ErrTooLarge = errors.New("document too large")

// ErrTooDeep is wrapped by the [*SyntaxError] for a document that nests
// deeper than [MaxDepth].
var ErrTooDeep = errors.New("document nests too deep")

// SyntaxError reports data that is not one JSON value.
type SyntaxError struct {
	Offset int    // byte offset of the error, starting at 0
	Line   int    // line number, starting at 1
	Column int    // column in Unicode code points, starting at 1
	Msg    string // lower case, no final period
	Err    error  // a sentinel such as ErrTooDeep; optional
}

// Error formats the error as "line:column: message".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
}

// Unwrap returns the sentinel the error wraps, if any.
func (e *SyntaxError) Unwrap() error { return e.Err }

func syntaxError(data []byte, off int, err error, format string, args ...any) *SyntaxError {
	off = max(0, min(off, len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
	return &SyntaxError{Offset: off, Line: line, Column: col, Msg: fmt.Sprintf(format, args...), Err: err}
}

// decode parses data as one JSON value, numbers as json.Number.
func decode(data []byte) (any, error) {
	if err := checkDepth(data); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			// Offset counts the bytes read, the offending one included.
			return nil, syntaxError(data, int(se.Offset)-1, nil, "%s", strings.TrimPrefix(se.Error(), "json: "))
		case errors.Is(err, io.EOF):
			return nil, syntaxError(data, len(data), nil, "no JSON value")
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, syntaxError(data, len(data), nil, "unexpected end of JSON input")
		}
		return nil, syntaxError(data, int(dec.InputOffset()), nil, "%v", err)
	}
	off := int(dec.InputOffset())
	for off < len(data) && isSpace(data[off]) {
		off++
	}
	if off < len(data) {
		return nil, syntaxError(data, off, nil, "invalid character %q after the top-level value", data[off])
	}
	return v, nil
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// checkDepth fails for data whose objects and arrays nest deeper than
// MaxDepth.
func checkDepth(data []byte) error {
	depth, inString := 0, false
	for i := 0; i < len(data); i++ {
		b := data[i]
		if inString {
			switch b {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch b {
		case '"':
			inString = true
		case '{', '[':
			depth++
			if depth > MaxDepth {
				return syntaxError(data, i, ErrTooDeep, "objects and arrays nest deeper than %d", MaxDepth)
			}
		case '}', ']':
			depth--
		}
	}
	return nil
}
