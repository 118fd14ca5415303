package schema

import (
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Problem is one place where a document breaks its schema.
type Problem struct {
	// Pointer is the JSON Pointer (RFC 6901) of the offending value in
	// the document: "" for the whole document, "/skills/3/levels/0/level"
	// for a value inside it.
	Pointer string
	// Message says what is wrong, in lower case without a final period.
	Message string
}

// String formats the problem as "pointer: message", with "(root)" for the
// whole document.
func (p Problem) String() string {
	ptr := p.Pointer
	if ptr == "" {
		ptr = "(root)"
	}
	return ptr + ": " + p.Message
}

// Error reports that a document does not match the schema of its kind.
type Error struct {
	Kind     Kind
	Problems []Problem // sorted by pointer (array indexes as numbers), then message
}

// Error lists the problems, one "pointer: message" a line, after a line
// naming the schema.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("document does not match the " + e.Kind.String() + " schema:")
	for _, p := range e.Problems {
		b.WriteString("\n" + p.String())
	}
	return b.String()
}

// newError flattens ve, if not nil, into its leaf problems, adds the
// numbers that were not checked, and sorts them without repeats. What the
// schema says at the place of an unchecked number is left out: it was
// said of the 0 put in the number's place.
func newError(k Kind, ve *jsonschema.ValidationError, unchecked []Problem) *Error {
	ps := unchecked
	skip := make(map[string]bool, len(unchecked))
	for _, p := range unchecked {
		skip[p.Pointer] = true
	}
	var walk func(*jsonschema.ValidationError)
	walk = func(ve *jsonschema.ValidationError) {
		if len(ve.Causes) == 0 {
			if !skip[ve.InstanceLocation] {
				ps = append(ps, Problem{Pointer: ve.InstanceLocation, Message: ve.Message})
			}
			return
		}
		for _, c := range ve.Causes {
			walk(c)
		}
	}
	if ve != nil {
		walk(ve)
	}
	slices.SortFunc(ps, func(a, b Problem) int {
		if c := comparePointers(a.Pointer, b.Pointer); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	return &Error{Kind: k, Problems: slices.Compact(ps)}
}

// comparePointers orders JSON Pointers token by token, comparing array
// indexes as numbers so that "/skills/2" comes before "/skills/10".
func comparePointers(a, b string) int {
	ta, tb := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(ta) && i < len(tb); i++ {
		if ta[i] == tb[i] {
			continue
		}
		na, ea := strconv.Atoi(ta[i])
		nb, eb := strconv.Atoi(tb[i])
		switch {
		case ea == nil && eb == nil && na != nb:
			if na < nb {
				return -1
			}
			return 1
		case ea == nil && eb == nil:
		case ea == nil:
			return -1
		case eb == nil:
			return 1
		}
		return strings.Compare(ta[i], tb[i])
	}
	return len(ta) - len(tb)
}
