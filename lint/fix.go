package lint

import (
	"sort"
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

// An Edit replaces the bytes [Start, End) of a file with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// SafeEdits returns the edits that apply the safe suggestions of diags
// (see [Suggestion.Safe]), by file: for each finding, its first safe
// suggestion, and the same replacement at each place its repeats list
// (see [Diagnostic.Repeats]) where the same bytes stand, and on every
// other line of the file identical byte for byte to the line of an edit
// (rules report a defect once for the lines that repeat it, as a CSV
// download repeats a cell on many rows). Each file's
// edits are in order of position and no two overlap: of two that do (or
// that insert at one point), the one met first in diags is kept, and
// the other is left for a later run. An edit that changes nothing is
// left out.
func SafeEdits(diags []Diagnostic) map[*framework.File][]Edit {
	byFile := map[*framework.File][]orderedEdit{}
	add := func(f *framework.File, e Edit) {
		if f == nil || e.Start < 0 || e.End < e.Start || e.End > len(f.Src) || f.Src[e.Start:e.End] == e.NewText {
			return
		}
		byFile[f] = append(byFile[f], orderedEdit{e, len(byFile[f])})
	}
	for _, d := range diags {
		var s *Suggestion
		for i := range d.Suggestions {
			if d.Suggestions[i].Safe {
				s = &d.Suggestions[i]
				break
			}
		}
		if s == nil || !s.Span.IsValid() {
			continue
		}
		f := s.Span.File
		add(f, Edit{s.Span.Start, s.Span.End, s.NewText})
		if d.Repeats == 0 || d.Span.File != f {
			continue
		}
		old := s.Span.Text()
		lo, hi := s.Span.Start-d.Span.Start, s.Span.End-d.Span.Start
		first := max(len(d.Related)-min(d.Repeats, maxRepeatPlaces), 0)
		for _, r := range d.Related[first:] {
			if r.Span.File != f || r.Message != repeatMessage {
				continue
			}
			a, b := r.Span.Start+lo, r.Span.Start+hi
			if a >= 0 && b <= len(f.Src) && a <= b && f.Src[a:b] == old {
				add(f, Edit{a, b, s.NewText})
			}
		}
	}
	out := make(map[*framework.File][]Edit, len(byFile))
	for f, es := range byFile {
		es = atIdenticalLines(f, es)
		// In order of position, each edit against the last one kept:
		// of two that overlap (or insert at one point), the one whose
		// finding came first is kept. Sorting makes it n log n for any
		// number of edits.
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].Start != es[j].Start {
				return es[i].Start < es[j].Start
			}
			return es[i].order < es[j].order
		})
		var kept []orderedEdit
		for _, e := range es {
			if n := len(kept); n > 0 {
				last := kept[n-1]
				if last.Edit == e.Edit {
					continue // the same edit twice
				}
				if last.End > e.Start || last.Start == e.Start {
					if e.order < last.order {
						kept[n-1] = e
					}
					continue
				}
			}
			kept = append(kept, e)
		}
		if len(kept) > 0 {
			edits := make([]Edit, len(kept))
			for i, e := range kept {
				edits[i] = e.Edit
			}
			out[f] = edits
		}
	}
	return out
}

// ApplyEdits returns src with edits, in order of position and not
// overlapping (as [SafeEdits] returns them), applied.
func ApplyEdits(src string, edits []Edit) string {
	var b strings.Builder
	b.Grow(len(src))
	at := 0
	for _, e := range edits {
		b.WriteString(src[at:e.Start])
		b.WriteString(e.NewText)
		at = e.End
	}
	b.WriteString(src[at:])
	return b.String()
}

// orderedEdit is an edit with the order in which its finding came.
type orderedEdit struct {
	Edit
	order int
}

// atIdenticalLines returns es followed by, for each edit within one
// line, the same edit at the same place of every other line of f
// identical to that line, ordered after es. The cost is linear in the
// file: each line is looked up once among the lines edited.
func atIdenticalLines(f *framework.File, es []orderedEdit) []orderedEdit {
	src := f.Src
	lineEnd := func(off int) int {
		if le := strings.IndexByte(src[off:], '\n'); le >= 0 {
			return off + le
		}
		return len(src)
	}
	// The edits by line, then the lines by text: each line's text is
	// hashed once, however many edits it has.
	type lineSpan struct{ start, end int }
	byLine := map[lineSpan][]int{}
	var order []lineSpan
	starts := make([]int, len(es))
	for i, e := range es {
		// The line from the file's line table: a search, not a scan of
		// the line, so that many edits on a long line stay cheap.
		line := f.Position(e.Start).Line
		ls, le := f.LineStart(line), len(src)
		if next := f.LineStart(line + 1); next > 0 {
			le = next - 1
		}
		starts[i] = ls
		if e.End > le {
			continue // across lines
		}
		l := lineSpan{ls, le}
		if byLine[l] == nil {
			order = append(order, l)
		}
		byLine[l] = append(byLine[l], i)
	}
	edited := map[string][]int{} // line text -> the edits on it, by index
	for _, l := range order {
		text := src[l.start:l.end]
		edited[text] = append(edited[text], byLine[l]...)
	}
	if len(edited) == 0 {
		return es
	}
	out := es
	for start := 0; start <= len(src); {
		end := lineEnd(start)
		for _, i := range edited[src[start:end]] {
			if starts[i] == start {
				continue
			}
			d := start - starts[i]
			e := es[i]
			out = append(out, orderedEdit{Edit{e.Start + d, e.End + d, e.NewText}, len(out)})
		}
		start = end + 1
	}
	return out
}
