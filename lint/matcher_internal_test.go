package lint

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// wordsPlain is [words] as first written: strings.Fields of the key,
// each field trimmed of punctuation other than apostrophes.
func wordsPlain(s string) []string {
	f := strings.Fields(framework.Key(s))
	out := f[:0]
	for _, w := range f {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '\'' })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// realInputs returns the real documents the differential tests read,
// by set: the seeds of testdata, the shared seeds, the shared published
// downloads, the embedded snapshot.
func realInputs(t *testing.T) map[string][]*framework.Document {
	t.Helper()
	sets := map[string][]*framework.Document{}
	for _, dir := range []string{"../testdata", "/work/shared/seeds", "/work/shared/published"} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if e.IsDir() || strings.EqualFold(e.Name(), "README.md") || strings.HasSuffix(e.Name(), "-README.md") {
				continue
			}
			src, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if doc, _ := parse.Parse(e.Name(), src); doc != nil {
				sets[dir] = append(sets[dir], doc)
			}
		}
		if len(sets[dir]) == 0 {
			t.Fatalf("%s: no documents", dir)
		}
	}
	docs, _ := parse.PublishedDocuments()
	sets["embedded"] = docs
	return sets
}

// TestWordsAsPlain holds words, which splits ASCII keys byte by byte, to
// wordsPlain on every text of the real inputs and on random text mixing
// ASCII punctuation and space with Unicode space, quotes, dashes, letters
// and invalid UTF-8.
func TestWordsAsPlain(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := words(s), wordsPlain(s); !slices.Equal(got, want) {
			t.Fatalf("words(%q) = %q, want %q", s, got, want)
		}
	}
	if n := eachRealText(t, check); n < 10000 {
		t.Fatalf("%d real texts, want the published ones among them", n)
	}
	for _, s := range []string{"", " ", "  \t\n", "-", "'", "''", "a", " a ", "A-B", "(a)", "a, b.", "'a'", "--a--", "a - b",
		"\u00a0a\u00a0", "a\u2014b", "\u2018a\u2019", "caf\u00e9.", "\xff", "a \xffb", "`a`", "$a+", "x\u200bx", "a\u0085b"} {
		check(s)
	}
	pieces := []string{"a", "Z", "ab", " ", "  ", "\t", "\n", "\r", "\v", "\f", ".", ",", "-", "'", "`", "\"", "(", ")", "[", "]",
		"!", "?", "/", "&", "$", "+", "<", "|", "~", "_", "#", "@", "*", "\u00a0", "\u2019", "\u201c", "\u2013", "\u2014", "\u200b",
		"\u00e9", "\u00c9", "\ufb01", "\u3000", "\xff", "\xe2\x80", "0", "9", "\u00bf", "\u2026"}
	randomTexts(1, 200000, 12, pieces, check)
}

// matchesPlain is [matcher.matches] as first written: the words of both
// sides looked up by value, on every call.
func matchesPlain(m *matcher, lines, ref []framework.Text) bool {
	pw, rw := wordsOfPlain(m, lines), wordsOfPlain(m, ref)
	covered := make([]bool, len(rw))
	for _, a := range pw {
		j, _ := m.closestLine(a, rw, closeLine)
		if j < 0 {
			return false
		}
		covered[j] = true
	}
	return !slices.Contains(covered, false)
}

func wordsOfPlain(m *matcher, lines []framework.Text) [][]string {
	out := make([][]string, len(lines))
	for i, t := range lines {
		w, ok := m.words[t.Value]
		if !ok {
			w = wordsPlain(t.Value)
			m.words[t.Value] = w
		}
		out[i] = w
	}
	return out
}

// sameAsOtherSkillPlain is [matcher.sameAsOtherSkill] as first written,
// without its memory of results: every catalogue skill's levels of as
// many lines, searched with matchesPlain.
func sameAsOtherSkillPlain(m *matcher, cat *framework.Framework, sk *framework.Skill, lines []framework.Text) (*framework.Skill, framework.Level) {
	for _, o := range cat.Skills {
		if o == sk || o.Name.Key() == sk.Name.Key() {
			continue
		}
		for _, sl := range o.Levels {
			if sl.Status != framework.Defined || len(sl.Descriptors) != len(lines) {
				continue
			}
			if matchesPlain(m, lines, sl.Descriptors) {
				return o, sl.Level
			}
		}
	}
	return nil, 0
}

// sameAsOtherLevelPlain is [matcher.sameAsOtherLevel] with matchesPlain.
func sameAsOtherLevelPlain(m *matcher, sk *framework.Skill, level framework.Level, lines []framework.Text) framework.Level {
	own := m.score(lines, sk.Level(level).Descriptors)
	for _, sl := range sk.Levels {
		if sl.Level == level || sl.Status != framework.Defined {
			continue
		}
		if matchesPlain(m, lines, sl.Descriptors) && m.score(lines, sl.Descriptors) > own {
			return sl.Level
		}
	}
	return 0
}

// TestMatcherAsPlain holds the matcher's searches of the catalogue, which
// tokenise each side once and find a level's words by the level, to the
// plain searches: on the real inputs, every role level's descriptors of
// a catalogue skill and every catalogue level's own descriptors, each
// searched (twice, the second from memory) among the other skills and
// among the skill's other levels, and lines edited at random.
func TestMatcherAsPlain(t *testing.T) {
	embedded := framework.Merge(realInputs(t)["embedded"]...)
	r := rand.New(rand.NewPCG(3, 4))
	for name, docs := range realInputs(t) {
		fw := framework.Merge(docs...)
		cat := fw
		if len(cat.Skills) == 0 {
			cat = embedded
		}
		type query struct {
			sk    *framework.Skill
			level framework.Level
			lines []framework.Text
		}
		var qs []query
		for _, d := range fw.Documents {
			for _, ro := range d.Roles {
				for _, l := range ro.Levels {
					for _, q := range l.Skills {
						if sk := cat.Skill(q.Skill.Value); sk != nil && len(q.Descriptors) > 0 {
							qs = append(qs, query{sk, q.Level, q.Descriptors})
						}
					}
				}
			}
		}
		for i, sk := range cat.Skills {
			for _, sl := range sk.Levels {
				if i%4 == 0 && sl.Status == framework.Defined && len(sl.Descriptors) > 0 {
					qs = append(qs, query{sk, sl.Level, sl.Descriptors})
					// A line dropped, a word changed: close or not.
					edited := slices.Clone(sl.Descriptors)
					j := r.IntN(len(edited))
					ws := strings.Fields(edited[j].Value)
					if len(ws) > 0 {
						ws[r.IntN(len(ws))] = "changed"
					}
					edited[j].Value = strings.Join(ws, " ")
					qs = append(qs, query{sk, sl.Level, edited})
				}
			}
		}
		if len(qs) < 20 {
			t.Fatalf("%s: %d queries", name, len(qs))
		}
		m, plain := newMatcher(), newMatcher()
		found := 0
		for _, pass := range []int{1, 2} {
			for _, q := range qs {
				o, ol := m.sameAsOtherSkill(cat, q.sk, q.lines)
				po, pol := sameAsOtherSkillPlain(plain, cat, q.sk, q.lines)
				if o != po || ol != pol {
					t.Fatalf("%s, pass %d: sameAsOtherSkill(%s, %q) = %v %v, plain %v %v", name, pass, q.sk.Name.Value, q.lines, o, ol, po, pol)
				}
				if o != nil {
					found++
				}
				if sl := q.sk.Level(q.level); q.level.Valid() && sl != nil {
					if got, want := m.sameAsOtherLevel(q.sk, q.level, q.lines), sameAsOtherLevelPlain(plain, q.sk, q.level, q.lines); got != want {
						t.Fatalf("%s: sameAsOtherLevel(%s, %s, %q) = %v, plain %v", name, q.sk.Name.Value, q.level, q.lines, got, want)
					}
				}
			}
		}
		t.Logf("%s: %d queries, %d found in another skill", name, len(qs), found/2)
	}
}

// scorePlain is [matcher.score] as first written: every pair of lines
// measured in full.
func scorePlain(m *matcher, page, ref []framework.Text) float64 {
	if len(page) == 0 || len(ref) == 0 {
		return 0
	}
	pw, rw := wordsOfPlain(m, page), wordsOfPlain(m, ref)
	best := func(a, b [][]string) float64 {
		total := 0.0
		for _, x := range a {
			top := 0.0
			for _, y := range b {
				top = max(top, m.similarity(x, y, -1))
			}
			total += top
		}
		return total / float64(len(a))
	}
	return (best(pw, rw) + best(rw, pw)) / 2
}

// TestScoreAsPlain holds score, which skips lines that cannot beat the
// best so far and bounds the distance by it, to scorePlain: on the real
// inputs, every role level's descriptors of a catalogue skill against
// every defined level of that skill and of the next one, and random
// lines of a few words from a small vocabulary, where ties are common.
func TestScoreAsPlain(t *testing.T) {
	embedded := framework.Merge(realInputs(t)["embedded"]...)
	m, plain := newMatcher(), newMatcher()
	check := func(page, ref []framework.Text) {
		t.Helper()
		if got, want := m.score(page, ref), scorePlain(plain, page, ref); got != want {
			t.Fatalf("score(%q, %q) = %v, plain %v", page, ref, got, want)
		}
	}
	n := 0
	for _, docs := range realInputs(t) {
		fw := framework.Merge(docs...)
		cat := fw
		if len(cat.Skills) == 0 {
			cat = embedded
		}
		var pages [][]framework.Text
		for _, d := range fw.Documents {
			for _, ro := range d.Roles {
				for _, l := range ro.Levels {
					for _, q := range l.Skills {
						pages = append(pages, q.Descriptors)
						if sk := cat.Skill(q.Skill.Value); sk != nil {
							for _, sl := range sk.Levels {
								check(q.Descriptors, sl.Descriptors)
								n++
							}
						}
					}
				}
			}
		}
		for i, sk := range cat.Skills {
			for _, sl := range sk.Levels {
				pages = append(pages, sl.Descriptors)
			}
			next := cat.Skills[(i+1)%len(cat.Skills)]
			for _, page := range pages[max(0, len(pages)-8):] {
				for _, o := range []*framework.Skill{sk, next} {
					for _, sl := range o.Levels {
						check(page, sl.Descriptors)
						n++
					}
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("%d real comparisons", n)
	}
	vocab := []string{"a", "b", "c", "d", "e", "Lead", "the", "team"}
	r := rand.New(rand.NewPCG(7, 8))
	lines := func() []framework.Text {
		out := make([]framework.Text, r.IntN(4))
		for i := range out {
			ws := make([]string, r.IntN(7))
			for j := range ws {
				ws[j] = vocab[r.IntN(len(vocab))]
			}
			out[i].Value = strings.Join(ws, " ")
		}
		return out
	}
	for range 20000 {
		check(lines(), lines())
	}
}
