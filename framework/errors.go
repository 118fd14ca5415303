package framework

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrUnknownLevel is wrapped by errors for text that names no skill level.
var ErrUnknownLevel = errors.New("unknown skill level")

// Error is a positioned error in a source, in the style of go/scanner.
// Msg is lower case without a final period; Err, if set, is a sentinel the
// caller can test with errors.Is.
type Error struct {
	Pos Position
	Msg string
	Err error
}

// Error formats the error as "file:line:col: message".
func (e *Error) Error() string {
	if e.Pos.Filename != "" || e.Pos.IsValid() {
		return e.Pos.String() + ": " + e.Msg
	}
	return e.Msg
}

// Unwrap returns the sentinel the error wraps, if any.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is a list of positioned errors. The zero value is an empty
// list ready to use.
type ErrorList []*Error

// Add appends an error at the start of span s.
func (l *ErrorList) Add(s Span, err error, format string, args ...any) {
	*l = append(*l, &Error{Pos: s.Pos(), Msg: fmt.Sprintf(format, args...), Err: err})
}

// Len, Less and Swap sort the list by file, line, column and message.
func (l ErrorList) Len() int      { return len(l) }
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l ErrorList) Less(i, j int) bool {
	a, b := l[i].Pos, l[j].Pos
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	return l[i].Msg < l[j].Msg
}

// Sort sorts the list in place.
func (l ErrorList) Sort() { sort.Stable(l) }

// Error returns the first error and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns the list as an error, or nil if it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap returns the errors of the list, so that errors.Is and errors.As
// look at each of them.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Detail returns every error of the list, one a line.
func (l ErrorList) Detail() string {
	var b strings.Builder
	for _, e := range l {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	return b.String()
}
