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
// (see [Diagnostic.Repeats]) where the same bytes stand. Each file's
// edits are in order of position and no two overlap: of two that do (or
// that insert at one point), the one met first in diags is kept, and
// the other is left for a later run. An edit that changes nothing is
// left out.
func SafeEdits(diags []Diagnostic) map[*framework.File][]Edit {
	type keyed struct {
		Edit
		order int
	}
	byFile := map[*framework.File][]keyed{}
	add := func(f *framework.File, e Edit) {
		if f == nil || e.Start < 0 || e.End < e.Start || e.End > len(f.Src) || f.Src[e.Start:e.End] == e.NewText {
			return
		}
		byFile[f] = append(byFile[f], keyed{e, len(byFile[f])})
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
		// Each edit, in the order of the findings, is checked against
		// those kept before it.
		byOrder := es
		var kept []Edit // in order of position
		for _, e := range byOrder {
			i := sort.Search(len(kept), func(i int) bool { return kept[i].Start >= e.Start })
			if i < len(kept) && kept[i] == e.Edit {
				continue // the same edit twice
			}
			if i > 0 && kept[i-1].End > e.Start ||
				i < len(kept) && (kept[i].Start < e.End || kept[i].Start == e.Start) {
				continue
			}
			kept = append(kept, Edit{})
			copy(kept[i+1:], kept[i:])
			kept[i] = e.Edit
		}
		if len(kept) > 0 {
			out[f] = kept
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
