package lint

import (
	"github.com/ddat-tools/ddat/framework"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// realSources returns the contents of the real inputs in the module: the
// published downloads, testdata/ and the rule cases of lint/testdata/.
func realSources(t *testing.T) []string {
	t.Helper()
	var srcs []string
	for _, g := range []string{"../parse/published/*", "../parse/testdata/published/*", "../testdata/*", "testdata/*/*"} {
		paths, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if fi, err := os.Stat(p); err != nil || fi.IsDir() {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, string(b))
		}
	}
	if len(srcs) < 10 {
		t.Fatalf("%d real inputs found, want the published downloads and testdata", len(srcs))
	}
	return srcs
}

// nextNotPlainPlain is nextNotPlain a byte at a time.
func nextNotPlainPlain(s string, i int) int {
	for i < len(s) && plainByte(s[i]) {
		i++
	}
	return i
}

// TestNextNotPlain holds nextNotPlain equal to the loop over plainByte
// from every start: every byte value at every place of plain text (with
// and without a line's end before it), random texts mixing the bytes at
// the edges of the range, and the real inputs.
func TestNextNotPlain(t *testing.T) {
	check := func(s string, i int) {
		t.Helper()
		if got, want := nextNotPlain(s, i), nextNotPlainPlain(s, i); got != want {
			t.Fatalf("nextNotPlain(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
	const plain = "the team builds and reaches consensus, 1 to 9; (ok) ~"
	for n := range 70 {
		for p := range n {
			for c := range 256 {
				b := []byte(plain + plain)[:n]
				b[p] = byte(c)
				for _, i := range []int{0, 1, p, min(p+1, n)} {
					check(string(b), i)
				}
				if p > 0 {
					b[p-1] = '\n'
					check(string(b), 0)
				}
			}
		}
	}
	edges := []byte{0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x25, 0x26, 0x27, 0x7E, 0x7F, 0x80, 0x89, 0x8A, 0x8D, 0xA6, 0xC3, 0xFF}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		b := make([]byte, r.IntN(100))
		for i := range b {
			switch r.IntN(8) {
			case 0:
				b[i] = edges[r.IntN(len(edges))]
			case 1:
				b[i] = '\n'
			default:
				b[i] = byte(0x20 + r.IntN(0x5F))
			}
		}
		check(string(b), r.IntN(len(b)+1))
	}
	for _, src := range realSources(t) {
		// Every stop of the encoding rule's scan.
		for i := 0; i < len(src); i++ {
			check(src, i)
			i = nextNotPlain(src, i)
		}
		for i := 0; i < len(src); i += 37 {
			check(src, i)
		}
	}
}

// doubledPairsPlain is doubledPairs as a loop over wordsIn.
func doubledPairsPlain(v string) [][2]aWord {
	var pairs [][2]aWord
	var a aWord
	have := false
	for b := range wordsIn(v) {
		if !have || b.start != a.end+1 || v[a.end] != ' ' || !strings.EqualFold(a.text, b.text) || !hasLetter(a.text) ||
			grammaticalRepeats[strings.ToLower(a.text)] {
			a, have = b, true
			continue
		}
		pairs = append(pairs, [2]aWord{a, b})
		have = false
	}
	return pairs
}

// TestDoubledPairs holds doubledPairs equal to the loop over wordsIn: on
// every line of the real inputs, on random texts of words that repeat
// in other cases (with the letters that fold with non-ASCII ones: K and
// the Kelvin sign, s and the long s), and with every byte and some runes
// between two words.
func TestDoubledPairs(t *testing.T) {
	check := func(v string) {
		t.Helper()
		var got [][2]aWord
		for a, b := range doubledPairs(v) {
			got = append(got, [2]aWord{a, b})
		}
		if want := doubledPairsPlain(v); !slices.Equal(got, want) {
			t.Fatalf("doubledPairs(%q) = %v, want %v", v, got, want)
		}
	}
	found := 0
	for _, src := range realSources(t) {
		for line := range strings.Lines(src) {
			check(line)
			found += len(doubledPairsPlain(line))
		}
		check(src)
	}
	if found == 0 {
		t.Error("no doubled word in the real inputs: the test inputs lack the seeds' cases")
	}
	parts := []string{"the", "The", "THE", "kit", "Kit", "\u212Ait", "sun", "\u017Fun", "had", "that", "1", "2-2", "it's", "it’s",
		"é", "É", "e\u0301", " ", " ", "  ", ",", "(", "\u00a0", "\n", "-", "'", "\xff", "\xc3", "ǅ", "ǆ", "Ǆ"}
	randomTexts(5, 200000, 12, parts, check)
	for c := range 256 {
		for _, s := range []string{"the%sthe", "the %sthe", "the%s the", "%s the the", "the the%s"} {
			check(strings.ReplaceAll(s, "%s", string([]byte{byte(c)})))
		}
	}
	for r := rune(0x80); r < 0x3000; r++ {
		check("the" + string(r) + " the" + string(r))
		check(string(r) + " " + string(r))
	}
}

// TestKeyEnds holds keyFirst and keyLast to the ends of the key made whole, wherever
// it tells them: on every line and cell-sized piece of the real inputs,
// and on random texts of ASCII and of the characters that Key changes or
// that change what is next to them (spaces beyond ASCII, zero-width
// characters, combining marks, compatibility forms, letters whose case
// folds to ASCII).
func TestKeyEnds(t *testing.T) {
	told := 0
	check := func(s string) {
		t.Helper()
		first, last := keyEndsOf(framework.Key(s))
		if got, ok := keyFirst(s); ok {
			told++
			if got != first {
				t.Fatalf("keyFirst(%q) = %q, want %q (key %q)", s, got, first, framework.Key(s))
			}
		}
		if got, ok := keyLast(s); ok {
			told++
			if got != last {
				t.Fatalf("keyLast(%q) = %q, want %q (key %q)", s, got, last, framework.Key(s))
			}
		}
	}
	for _, src := range realSources(t) {
		for line := range strings.Lines(src) {
			check(line)
			for i := 0; i+40 <= len(line); i += 13 {
				check(line[i : i+40])
			}
		}
	}
	parts := []string{"a", "B", "k", "S", "z", "`", "'", "-", "1", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\x00", "\x1c",
		"\u00a0", "\u0085", "\u2000", "\u3000", "\u200b", "\ufeff", "\u0301", "\u0308", "\u20dd", "\u212a", "\u017f", "\ufb01",
		"\uff21", "\u2019", "\u2013", "\u00e9", "\u00df", "\u0130", "\u1e9e", "\u2126", "\u0345", "\xff", "\xcc"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 300000 {
		var b strings.Builder
		for range r.IntN(24) {
			if r.IntN(3) == 0 {
				b.WriteString(parts[r.IntN(len(parts))])
			} else {
				b.WriteByte(byte('a' + r.IntN(3)))
			}
		}
		check(b.String())
	}
	if told < 100000 {
		t.Errorf("keyFirst and keyLast told only %d ends", told)
	}
}

// TestKeysMayRepeat checks that keysMayRepeat answers false only for lists
// whose keys all differ, on lists drawn from texts that differ by case,
// space, quotes or only in their middle.
func TestKeysMayRepeat(t *testing.T) {
	texts := []string{"Build a team", "build a  team", " BUILD A TEAM ", "build a `team", "build a 'team", "build a team.",
		"Lead the work of the team well", "Lead the work of a team well", "Lead the\u00a0work of the team well", "",
		"  ", "Plan\u2019s work", "plan's work", "x", "X", "Manage risk across the whole programme",
		"Manage risk across the programme", "\u212aeep it simple", "keep it simple"}
	r := rand.New(rand.NewPCG(9, 10))
	never := 0
	for range 100000 {
		ts := make([]framework.Text, 2+r.IntN(4))
		for i := range ts {
			ts[i] = framework.Text{Value: texts[r.IntN(len(texts))]}
		}
		if keysMayRepeat(ts) {
			continue
		}
		never++
		seen := map[string]bool{}
		for _, x := range ts {
			k := framework.Key(x.Value)
			if seen[k] {
				t.Fatalf("keysMayRepeat(%q) = false, but two have key %q", ts, k)
			}
			seen[k] = true
		}
	}
	if never == 0 {
		t.Error("keysMayRepeat never answered false")
	}
}

// TestSpaceThen holds spaceThen equal to strings.Contains: every byte
// value after a space (and a space after every byte value) at every place
// of texts up to 24 bytes long, random texts, and every line of the real
// inputs.
func TestSpaceThen(t *testing.T) {
	check := func(s string) {
		t.Helper()
		for _, cd := range [][2]byte{{',', '.'}, {' ', ' '}, {0x80, 0xFF}, {0, 'A'}} {
			c, d := cd[0], cd[1]
			want := strings.Contains(s, string([]byte{' ', c})) || strings.Contains(s, string([]byte{' ', d}))
			if got := spaceThen(s, c, d); got != want {
				t.Fatalf("spaceThen(%q, %q, %q) = %v, want %v", s, c, d, got, want)
			}
		}
	}
	for n := 1; n <= 24; n++ {
		for p := range n {
			for v := range 256 {
				b := []byte(strings.Repeat("abcdefgh", 3))[:n]
				b[p] = byte(v)
				check(string(b))
				if p > 0 {
					b[p-1] = ' '
					check(string(b))
				}
				if p+1 < n {
					b[p+1] = byte(v)
					b[p] = ' '
					check(string(b))
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(11, 12))
	alphabet := []byte{' ', ' ', ',', '.', 'a', 'A', 0x80, 0xA0, 0xFF, 0x00, 0x2C | 0x80, 0x20 | 0x80, 0x2E | 0x80}
	for range 200000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		check(string(b))
	}
	for _, src := range realSources(t) {
		for line := range strings.Lines(src) {
			check(line)
		}
	}
}

// TestNextWord holds the words nextWord finds equal to those of wordsIn:
// every byte value at every place of a word, random texts and the real
// inputs.
func TestNextWord(t *testing.T) {
	check := func(s string) {
		t.Helper()
		var got []aWord
		for i := 0; i < len(s); {
			start, end := nextWord(s, i)
			if start == end {
				break
			}
			got = append(got, aWord{s[start:end], start, end})
			i = end
		}
		if want := splitWords(s); !slices.Equal(got, want) {
			t.Fatalf("nextWord finds %v in %q, want %v", got, s, want)
		}
	}
	for n := 1; n <= 20; n++ {
		for p := range n {
			for c := range 256 {
				b := []byte(strings.Repeat("ab-c'9Zq", 3))[:n]
				b[p] = byte(c)
				check(string(b))
			}
		}
	}
	parts := []string{"a", "Z", "0", "9", "'", "-", " ", ",", "/", "@", "[", "`", "{", "’", "é", "\u00a0", "\xff", "\xc3", "ǅ", "\u0301", "一"}
	randomTexts(13, 200000, 30, parts, check)
	for _, src := range realSources(t) {
		for line := range strings.Lines(src) {
			check(line)
		}
	}
}
