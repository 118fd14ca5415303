package wordlist

import (
	"encoding/binary"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/lint/internal/nearword"
)

func TestHas(t *testing.T) {
	for _, w := range []string{"organisation", "prioritise", "centred", "portfolio", "managers", "mangers", "don't", "underrepresented"} {
		if !Has(w) {
			t.Errorf("Has(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"organization", "prioritize", "centered", "portolio", "implemation", "Portfolio", "aaron's", ""} {
		if Has(w) {
			t.Errorf("Has(%q) = true, want false", w)
		}
	}
}

func TestRare(t *testing.T) {
	for _, w := range []string{"influencers", "statehooder"} {
		if !Has(w) || !Rare(w) {
			t.Errorf("Has(%q), Rare(%q) = %v, %v; want true, true", w, w, Has(w), Rare(w))
		}
	}
	for _, w := range []string{"managers", "mangers", "portfolio", "portolio", "then"} {
		if Rare(w) {
			t.Errorf("Rare(%q) = true, want false", w)
		}
	}
}

func TestCommon(t *testing.T) {
	for _, w := range []string{"then", "there", "feed", "managers"} {
		if !Common(w) {
			t.Errorf("Common(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"mangers", "portfolio", "kanban", "portolio"} {
		if Common(w) {
			t.Errorf("Common(%q) = true, want false", w)
		}
	}
}

// split splits the embedded list into its words and their marks, as a
// plain reading of the format.
func split() (words []string, marks []byte) {
	for _, line := range strings.Split(strings.TrimSuffix(embedded, "\n"), "\n") {
		var m byte
		if w, ok := strings.CutSuffix(line, "="); ok {
			line, m = w, '='
		} else if w, ok := strings.CutSuffix(line, "+"); ok {
			line, m = w, '+'
		}
		words, marks = append(words, line), append(marks, m)
	}
	return words, marks
}

func TestWords(t *testing.T) {
	ws := slices.Collect(All())
	if len(ws) < 100000 {
		t.Errorf("%d words, want over 100,000", len(ws))
	}
	if !sort.StringsAreSorted(ws) {
		t.Error("list is not sorted")
	}
	for i, w := range ws {
		if w == "" || w != strings.ToLower(w) || strings.HasSuffix(w, "'s") || i > 0 && ws[i-1] == w {
			t.Fatalf("bad entry %d: %q", i, w)
		}
	}
}

// TestAll checks the walk of the embedded text against a plain split.
func TestAll(t *testing.T) {
	words, marks := split()
	if got := slices.Collect(All()); !slices.Equal(got, words) {
		t.Errorf("All gives %d words, the list has %d", len(got), len(words))
	}
	var usual []string
	for i, w := range words {
		if marks[i] != '+' {
			usual = append(usual, w)
		}
	}
	if got := slices.Collect(Usual()); !slices.Equal(got, usual) {
		t.Errorf("Usual gives %d words, the list has %d not rare", len(got), len(usual))
	}
	if len(usual) < 100000 || len(usual) == len(words) {
		t.Errorf("%d usual words of %d, want over 100,000 and not all", len(usual), len(words))
	}
}

// TestLookup checks the search over the embedded text against the split
// list, for every word and for strings between and around them.
func TestLookup(t *testing.T) {
	words, marks := split()
	for i, w := range words {
		if found, mark := lookup(w); !found || mark != marks[i] {
			t.Fatalf("lookup(%q) = %v, %q; want true, %q", w, found, mark, marks[i])
		}
		for _, x := range []string{w + "\x00", w[:len(w)-1] + "\x7f", "\x00" + w} {
			j := sort.SearchStrings(words, x)
			want := j < len(words) && words[j] == x
			if found, _ := lookup(x); found != want {
				t.Fatalf("lookup(%q) = %v, want %v", x, found, want)
			}
		}
	}
	if found, _ := lookup("\xff\xff"); found {
		t.Error("found a string after every word")
	}
}

// plainLookup is lookup as it was before the index: a binary search over
// the lines of the embedded text, each probe backing up to the start of
// the line it lands in.
func plainLookup(w string) (found bool, mark byte) {
	s := embedded
	lo, hi := 0, len(s) // s[lo:hi] is whole lines
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(s[lo:mid], '\n') + 1
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		e, m := entry(s[start:end])
		switch {
		case w == e:
			return true, m
		case w < e:
			hi = start
		default:
			lo = end + 1
		}
	}
	return false, 0
}

// TestLookupIndexed checks lookup through the index against the plain
// binary search of the list, for every word of the list and strings made
// from each (its last byte changed, a byte appended, its prefixes, upper
// case, marked), and for strings before, after and between the words.
func TestLookupIndexed(t *testing.T) {
	words, _ := split()
	check := func(w string) {
		t.Helper()
		gf, gm := lookup(w)
		wf, wm := plainLookup(w)
		if gf != wf || gm != wm {
			t.Fatalf("lookup(%q) = %v, %q; the plain search gives %v, %q", w, gf, gm, wf, wm)
		}
	}
	found, prev := 0, ""
	for _, w := range words {
		check(w)
		if f, _ := lookup(w); f {
			found++
		}
		n := len(w)
		for _, b := range []byte{w[n-1] - 1, w[n-1] + 1, 0, 'a', 'z', 0xff} {
			check(w[:n-1] + string(b))
		}
		for _, b := range []string{"\x00", "'", "a", "s", "z", "\x7f", "\xc3", "\xff", "=", "+", "\n", "\nzebra"} {
			check(w + b)
		}
		for i := commonPrefix(w, prev); i < n; i++ { // the shorter prefixes were checked for prev
			check(w[:i])
		}
		prev = w
		check(strings.ToUpper(w))
		check(strings.ToUpper(w[:1]) + w[1:])
		check("\x00" + w)
	}
	if found != len(words) {
		t.Errorf("found %d words of %d", found, len(words))
	}
	for _, w := range []string{"", "\x00", "\x00\x00\x00\x00\x00\x00\x00\x00\x00", "'", "0", "A", "Z", "a", "a\n", "\na",
		"\xff", "\xff\xff", "\xc3", "\xc3\x28", "\xed\xa0\x80", "caf\xc3", "\U0010FFFF",
		"zzzzzzzzzzzzzzzzzzzz", "zz", "zy", "{", "~", "\x7f",
		"anthropo", "anthropoa", "anthropoz", "anthropo\x00", "anthropomorphism", "counterp", "counterpzz",
		strings.Repeat("a", 100), strings.Repeat("z", 100)} {
		check(w)
	}
	if f, _ := lookup(words[0]); !f {
		t.Errorf("the first word %q is not found", words[0])
	}
	if f, _ := lookup(words[len(words)-1]); !f {
		t.Errorf("the last word %q is not found", words[len(words)-1])
	}
}

// FuzzLookup holds lookup through the index equal to the plain binary
// search for any string.
func FuzzLookup(f *testing.F) {
	for _, w := range []string{"", "portfolio", "portfolia", "anthropomorphise", "anthropo", "then=", "a\nb", "\xff", "zymurgy", "Zebra"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		gf, gm := lookup(w)
		wf, wm := plainLookup(w)
		if gf != wf || gm != wm {
			t.Fatalf("lookup(%q) = %v, %q; the plain search gives %v, %q", w, gf, gm, wf, wm)
		}
	})
}

// commonPrefix returns the length of the longest common prefix of a and b.
func commonPrefix(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// TestIndex checks that en_GB.idx is what genindex.go writes from
// en_GB.txt (it fails when the list changed and `go generate` was not
// run), with the stride read from the index itself: the lines before
// the second block.
func TestIndex(t *testing.T) {
	if len(index)%12 != 0 || blocks < 2 {
		t.Fatalf("index of %d bytes: want 12 a block and more than one block", len(index))
	}
	stride := strings.Count(embedded[:blockStart(1)], "\n")
	if stride < 16 || stride > 128 {
		t.Fatalf("stride %d, want 16 to 128 lines", stride)
	}
	var keys, offsets []byte
	off := 0
	for i, line := range strings.SplitAfter(strings.TrimSuffix(embedded, "\n"), "\n") {
		if i%stride == 0 {
			w, _ := entry(strings.TrimSuffix(line, "\n"))
			var k [8]byte
			copy(k[:], w)
			keys = append(keys, k[:]...)
			offsets = binary.BigEndian.AppendUint32(offsets, uint32(off))
		}
		off += len(line)
	}
	if got := string(append(keys, offsets...)); got != index {
		t.Fatal("en_GB.idx is stale: run go generate ./lint/internal/wordlist")
	}
}

// BenchmarkHas measures a lookup of one word, again and again.
func BenchmarkHas(b *testing.B) {
	for b.Loop() {
		Has("portfolio")
	}
}

// BenchmarkHasMixed measures lookups of words spread over the list, and
// of misspellings of them, as the spelling rules make.
func BenchmarkHasMixed(b *testing.B) {
	words, _ := split()
	var ws []string
	for i := 0; i < len(words); i += 997 {
		w := words[i]
		ws = append(ws, w, w[:len(w)-1]+"q")
	}
	b.ResetTimer()
	for b.Loop() {
		for _, w := range ws {
			Has(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ws)), "ns/lookup")
}

// BenchmarkAll measures a walk of the whole list, which suggestions make
// once a run. Budget: 5 ms.
func BenchmarkAll(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for range All() {
		}
	}
}

// TestUsualByLength checks that usual-by-length.txt is what genlen.go
// writes from en_GB.txt (it fails when the list changed and `go generate`
// was not run), and UsualOfLength against a plain filter of Usual.
func TestUsualByLength(t *testing.T) {
	var want []string
	for w := range Usual() {
		want = append(want, w)
	}
	slices.SortFunc(want, func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
	if got := strings.Join(want, "\n") + "\n"; got != byLength {
		t.Fatal("usual-by-length.txt is stale: run go generate ./lint/internal/wordlist")
	}
	var masks []byte
	for _, w := range want {
		masks = binary.LittleEndian.AppendUint32(masks, nearword.LetterMask(w))
	}
	if string(masks) != usualMasks {
		t.Fatal("usual-masks.bin is stale: run go generate ./lint/internal/wordlist")
	}
	// UsualOfLength gives each length's words, with their masks, as a
	// filter of the whole list does.
	longest := len(want[len(want)-1])
	for n := -1; n <= longest+2; n++ {
		var plain []string
		for _, w := range want {
			if len(w) == n {
				plain = append(plain, w)
			}
		}
		var got []string
		for w, m := range UsualOfLength(n) {
			if m != nearword.LetterMask(w) {
				t.Fatalf("UsualOfLength(%d) gives %q with mask %#x, want %#x", n, w, m, nearword.LetterMask(w))
			}
			got = append(got, w)
		}
		if !slices.Equal(got, plain) {
			t.Fatalf("UsualOfLength(%d): %d words, want %d", n, len(got), len(plain))
		}
	}
	for range UsualOfLength(5) {
		break // stopping early stops
	}
}
