package parse

import (
	"fmt"

	"github.com/ddat-tools/ddat/framework"
)

// A document reports at most MaxErrors errors and MaxNotes notes, so
// that damage repeated on every line of a large source costs memory, time
// and findings in proportion to the limits, not to the source. The errors
// and notes kept are the first the parser meets, in its reading order;
// the last of each, at the first one left out, says how many more there
// were. (The official downloads have a few hundred notes at most.)
const (
	MaxErrors = 1000
	MaxNotes  = 1000
)

// TooManyNotes is the code of the note that ends a document's notes
// when some were left out; see [MaxNotes].
const TooManyNotes = "too-many-notes"

// errorList collects a document's errors, up to MaxErrors in all. Its
// zero value is an empty list ready to use.
type errorList struct {
	list framework.ErrorList
	more int                // errors left out
	at   framework.Position // of the first left out
}

// Add adds an error at the start of span s, as [framework.ErrorList.Add]
// does, or only counts it when the list is full.
func (l *errorList) Add(s framework.Span, err error, format string, args ...any) {
	if len(l.list) >= MaxErrors-1 {
		l.leaveOut(s.Pos(), 1)
		return
	}
	l.list.Add(s, err, format, args...)
}

func (l *errorList) leaveOut(at framework.Position, n int) {
	if l.more == 0 {
		l.at = at
	}
	l.more += n
}

// len returns how many errors were added, kept or not.
func (l *errorList) len() int { return len(l.list) + l.more }

// addAll adds the errors of o after l's, as if they had been added to l
// one by one.
func (l *errorList) addAll(o *errorList) {
	for _, e := range o.list {
		if len(l.list) >= MaxErrors-1 {
			l.leaveOut(e.Pos, 1)
			continue
		}
		l.list = append(l.list, e)
	}
	if o.more > 0 {
		l.leaveOut(o.at, o.more)
	}
}

// sorted returns the errors kept, sorted by position, then, if some were
// left out, one at the first of those saying how many.
func (l *errorList) sorted() framework.ErrorList {
	l.list.Sort()
	if l.more > 0 {
		l.list = append(l.list, &framework.Error{
			Pos: l.at,
			Msg: fmt.Sprintf("%d more errors were left out: a document reports at most %d", l.more, MaxErrors),
		})
		l.more = 0
	}
	return l.list
}

// notes collects a document's notes, up to MaxNotes in all, or a row's
// on their way to its document. Its zero value is an empty list ready to
// use.
type notes struct {
	list []framework.Note
	more int            // notes left out
	at   framework.Span // of the first left out
}

func (n *notes) add(code string, sp framework.Span, format string, args ...any) {
	if len(n.list) >= MaxNotes-1 {
		n.leaveOut(sp, 1)
		return
	}
	n.list = append(n.list, framework.Note{Code: code, Message: fmt.Sprintf(format, args...), Span: sp})
}

// addFix adds a note whose slip fix mends, put in place of sp.
func (n *notes) addFix(code string, sp framework.Span, fix, format string, args ...any) {
	n.add(code, sp, format, args...)
	if k := len(n.list); k > 0 && n.list[k-1].Span == sp && n.list[k-1].Code == code {
		n.list[k-1].Fix = fix
	}
}

func (n *notes) leaveOut(at framework.Span, k int) {
	if n.more == 0 {
		n.at = at
	}
	n.more += k
}

// addNote adds a note made already.
func (n *notes) addNote(x framework.Note) {
	if len(n.list) >= MaxNotes-1 {
		n.leaveOut(x.Span, 1)
		return
	}
	n.list = append(n.list, x)
}

// addAll adds the notes of o after n's, as if they had been added to n
// one by one.
func (n *notes) addAll(o *notes) {
	for _, x := range o.list {
		n.addNote(x)
	}
	if o.more > 0 {
		n.leaveOut(o.at, o.more)
	}
}

// done returns the notes kept, in the order they were added, then, if
// some were left out, one at the first of those saying how many.
func (n *notes) done() []framework.Note {
	if n.more > 0 {
		n.list = append(n.list, framework.Note{
			Code:    TooManyNotes,
			Message: fmt.Sprintf("%d more notes were left out: a document keeps at most %d", n.more, MaxNotes),
			Span:    n.at,
		})
		n.more = 0
	}
	return n.list
}
