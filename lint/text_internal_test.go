package lint

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"unicode"

	"github.com/ddat-tools/ddat/framework"
)

// TestPlainWord checks the eight-byte tests of the encoding rule against
// plainByte: notPlainExact marks exactly the bytes it rejects, and
// mayNotPlain marks at least those. Every byte value at every place,
// then random words mixing the bytes near the edges of the range.
func TestPlainWord(t *testing.T) {
	const tops = 0x8080808080808080
	check := func(w [8]byte) {
		t.Helper()
		s := string(w[:])
		var want uint64
		for i, c := range w {
			if !plainByte(c) {
				want |= 0x80 << (8 * i)
			}
		}
		if got := notPlainExact(load64(s, 0)); got != want {
			t.Fatalf("notPlainExact(%q) = %#x, want %#x", s, got, want)
		}
		if got := mayNotPlain(load64(s, 0)) & tops; got&want != want {
			t.Fatalf("mayNotPlain(%q) = %#x, misses bytes of %#x", s, got, want)
		}
	}
	for p := range 8 {
		for c := range 256 {
			w := [8]byte{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
			w[p] = byte(c)
			check(w)
		}
	}
	edges := []byte{0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x25, 0x26, 0x27, 0x7E, 0x7F, 0x80, 0xC3, 0xFF}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var w [8]byte
		for i := range w {
			if r.IntN(2) == 0 {
				w[i] = edges[r.IntN(len(edges))]
			} else {
				w[i] = byte(0x20 + r.IntN(0x5F))
			}
		}
		check(w)
	}
}

// TestEntityLength keeps maxEntityLen in step with entityRE: the longest
// reference of each kind matches, and one byte more does not.
func TestEntityLength(t *testing.T) {
	for _, s := range []string{"&thetasym;", "&#1234567;", "&#x10FFFF;"} {
		if len(s) != maxEntityLen || entityRE().FindString(s) != s {
			t.Errorf("%q (%d bytes) should be a whole match of maxEntityLen bytes", s, len(s))
		}
	}
	for _, s := range []string{"&thetasyms;", "&#12345678;", "&#x10FFFFF;"} {
		if entityRE().MatchString(s) {
			t.Errorf("%q (%d bytes) matches: maxEntityLen is too small", s, len(s))
		}
	}
}

// TestTextTableNumbers checks that a catalogue of many numbered skills
// ("Skill 1", "Skill 2", …) files no number in the run's lexicon, and
// that its words cost about their own size.
func TestTextTableNumbers(t *testing.T) {
	const n = 20000
	doc := &framework.Document{}
	for i := range n {
		doc.Skills = append(doc.Skills, &framework.Skill{Name: framework.Text{Value: fmt.Sprintf("Skill %d", i)}})
	}
	fw := &framework.Framework{Documents: []*framework.Document{doc}}
	var tt *textTable
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tt = newTextTable(fw)
	runtime.ReadMemStats(&after)
	if got := tt.lex.Size(); got != 1 {
		t.Errorf("lexicon of %d forms, want 1 (\"skill\")", got)
	}
	// Per skill: its text (40 bytes), its value, id and uses (32), its
	// words (2 of 24 bytes) and their slice (24), with the room of the maps
	// and slices as they grow: about 520 bytes.
	if per := (after.TotalAlloc - before.TotalAlloc) / n; per > 600 {
		t.Errorf("%d bytes allocated a skill, want at most 600", per)
	}
	if ws := tt.words[tt.ids[len(tt.ids)-1]]; len(ws) != 2 || !ws[1].Skip || ws[1].ID >= -1 {
		t.Errorf("words of the last skill: %+v, want two, the second a number", ws)
	}
}

// TestInWord checks inWord, which reads ASCII from a table, against
// inWordPlain on every rune.
func TestInWord(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := inWord(r), inWordPlain(r); got != want {
			t.Fatalf("inWord(%U) = %v, want %v", r, got, want)
		}
	}
}

// newTextTable returns the text table of fw's documents, as a run's
// state builds it: read from the
// embedded tokens when they are the embedded snapshot's documents (see
// [embeddedTable]), else built.
func newTextTable(fw *framework.Framework) *textTable {
	if tt, ok := embeddedTable(fw.Documents); ok {
		return tt
	}
	return textTableOf(uniqueTexts(fw.Documents))
}

// TestBySpanAsStableSort holds spanSorter.sort, a radix sort of numbers, to the
// stable sort of the spans it replaces: on random spans with many ties,
// already in order, reversed, and with offsets too large for one number
// or an end before the start, which it compares instead.
func TestBySpanAsStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	plain := func(spans []framework.Span) []int32 {
		order := make([]int32, len(spans))
		for k := range order {
			order[k] = int32(k)
		}
		slices.SortStableFunc(order, func(i, j int32) int {
			a, b := spans[i], spans[j]
			if a.Start != b.Start {
				return cmp.Compare(a.Start, b.Start)
			}
			return cmp.Compare(b.End, a.End)
		})
		return order
	}
	var z spanSorter // one, reused, as uniqueTexts reuses it
	check := func(name string, spans []framework.Span) {
		t.Helper()
		got := z.sort(len(spans), func(k int) framework.Span { return spans[k] })
		if got == nil { // in order already
			got = make([]int32, len(spans))
			for k := range got {
				got[k] = int32(k)
			}
		}
		want := plain(spans)
		if !slices.Equal(got, want) {
			t.Fatalf("%s: %d spans: sort %v, stable sort %v", name, len(spans), got[:min(len(got), 20)], want[:min(len(want), 20)])
		}
		// permute puts texts in that order in place.
		ts := make([]framework.Text, len(spans))
		for k := range ts {
			ts[k] = framework.Text{Value: fmt.Sprint(k), Span: spans[k]}
		}
		permute(ts, slices.Clone(want))
		for i, k := range want {
			if ts[i].Value != fmt.Sprint(k) {
				t.Fatalf("%s: permute put text %s at %d, want %d", name, ts[i].Value, i, k)
			}
		}
	}
	for _, n := range []int{0, 1, 2, 3, 17, 1000, 20000} {
		for _, top := range []int{4, 300, 1 << 20, 1 << 26, 1 << 40} {
			spans := make([]framework.Span, n)
			for k := range spans {
				s := rng.IntN(top)
				spans[k] = framework.Span{Start: s, End: s + rng.IntN(min(top, 50))}
			}
			check(fmt.Sprintf("random below %d", top), spans)
			back := slices.Clone(spans)
			slices.Reverse(back)
			check("reversed", back)
			slices.SortStableFunc(spans, func(a, b framework.Span) int { return cmp.Compare(a.Start, b.Start) })
			check("by start", spans)
			if n > 2 {
				spans[n/2].End = spans[n/2].Start - 1
				check("an end before its start", spans)
			}
		}
	}
}
