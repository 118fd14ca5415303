package lint

import (
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/nearword"
)

// words splits a line's key into words, without surrounding punctuation:
// strings.Fields of the key, each field trimmed of the punctuation
// (unicode.IsPunct) other than apostrophes. A key of ASCII text is split
// and trimmed byte by byte
// (TestWordsAsPlain holds it to the plain version).
func words(s string) []string {
	k := framework.Key(s)
	n := 1 // fields at most: one more than the spaces
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= utf8.RuneSelf {
			return wordsUnicode(k)
		}
		if isASCIISpace(c) {
			n++
		}
	}
	if k == "" {
		return nil
	}
	out := make([]string, 0, n)
	for i := 0; i < len(k); {
		for i < len(k) && isASCIISpace(k[i]) {
			i++
		}
		j := i
		for j < len(k) && !isASCIISpace(k[j]) {
			j++
		}
		f := k[i:j]
		for len(f) > 0 && asciiSpaceOrPunct[f[0]] {
			f = f[1:]
		}
		for len(f) > 0 && asciiSpaceOrPunct[f[len(f)-1]] {
			f = f[:len(f)-1]
		}
		if f != "" {
			out = append(out, f)
		}
		i = j
	}
	return out
}

// wordsUnicode is [words] of a key k that is not ASCII.
func wordsUnicode(k string) []string {
	f := strings.Fields(k)
	out := f[:0]
	for _, w := range f {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '\'' })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// asciiSpaceOrPunct holds the ASCII bytes [words] trims or splits at:
// the spaces, and the punctuation other than the apostrophe.
var asciiSpaceOrPunct = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isASCIISpace(byte(c)) || unicode.IsPunct(rune(c)) && c != '\''
	}
	return t
}()

// isASCIISpace reports the ASCII bytes unicode.IsSpace accepts.
func isASCIISpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// similarity is 1 minus the word distance (Levenshtein, in words) over
// the longer line's length, or -1 when it would be below floor.
func (m *matcher) similarity(a, b []string, floor float64) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 1
	}
	// The most edits that keep the similarity at floor or above; the
	// distance stops counting beyond them.
	most := len(a) + len(b)
	if floor > 0 {
		most = int(math.Floor((1-floor)*float64(n) + 1e-9))
	}
	d := nearword.OSA(a, b, most, false, &m.dist)
	if d > most {
		return -1
	}
	return 1 - float64(d)/float64(n)
}

// lineDiff is a page line that has no identical counterpart.
type lineDiff struct {
	line    framework.Text
	closest framework.Text // zero if the other side has no lines
	dist    int            // word edits to closest
	sim     float64
}

// comparison is the result of comparing page lines with reference lines.
type comparison struct {
	identical bool
	wholesale bool
	changed   []lineDiff       // page lines without an identical reference line
	missing   []framework.Text // reference lines no page line is close to
	extra     int              // changed lines with no close reference line
	pageN     int
	refN      int
}

// matcher compares descriptor lines for one run of the rule,
// remembering the words of each line and the skills that lines match:
// role levels repeat the same descriptors many times over.
type matcher struct {
	words map[string][]string
	other map[string]otherSkill // sameAsOtherSkill's results, by the lines' values
	dist  nearword.Buf

	// The words of each catalogue level's descriptors, by level: the
	// searches compare lines with every level of the catalogue, and
	// finding them by the level is cheaper than by the lines' values.
	levelWords map[*framework.SkillLevel][][]string
	covered    []bool // matchWords' buffer

	// The bags of words of lines (see [matcher.bagOf]), by their values,
	// and the seed of the words' hashes in them.
	bags map[string][]uint64
	seed maphash.Seed

	// The keys of the names of the skills of catalogue cat, by index:
	// sameAsOtherSkill compares every skill's name with one.
	cat      *framework.Framework
	catNames []string
}

type otherSkill struct {
	skill *framework.Skill
	level framework.Level
}

func newMatcher() *matcher {
	return &matcher{words: map[string][]string{}, other: map[string]otherSkill{}, levelWords: map[*framework.SkillLevel][][]string{},
		bags: map[string][]uint64{}, seed: maphash.MakeSeed()}
}

// wordsOf is [words] of each line, remembered.
func (m *matcher) wordsOf(lines []framework.Text) [][]string {
	out := make([][]string, len(lines))
	for i, t := range lines {
		w, ok := m.words[t.Value]
		if !ok {
			w = words(t.Value)
			m.words[t.Value] = w
		}
		out[i] = w
	}
	return out
}

// wordsOfLevel is wordsOf sl's descriptors, remembered by sl.
func (m *matcher) wordsOfLevel(sl *framework.SkillLevel) [][]string {
	w, ok := m.levelWords[sl]
	if !ok {
		w = m.wordsOf(sl.Descriptors)
		m.levelWords[sl] = w
	}
	return w
}

// firstLineClose reports whether one of the lines whose words are pw
// and bags pb is close to sl's first line, as it must be when the lines
// match sl's descriptors, which are as many (every line of each is
// covered): most levels fail this, and only their first line is split
// into words.
func (m *matcher) firstLineClose(pw [][]string, pb [][]uint64, sl *framework.SkillLevel) bool {
	if len(sl.Descriptors) == 0 || len(pw) != len(sl.Descriptors) {
		return true // not a test for this
	}
	v := sl.Descriptors[0].Value
	w, ok := m.words[v]
	if !ok {
		w = words(v)
		m.words[v] = w
	}
	b := m.bagOf(v, w)
	for i, a := range pw {
		n := max(len(a), len(w))
		if n > 0 {
			if float64(min(len(a), len(w)))/float64(n) < closeLine {
				continue // as closestLine: too different in length
			}
			// Every word one line has beyond the other's takes an
			// edit: too many, and the lines are not close.
			if n-commonWords(pb[i], b) > int(math.Floor((1-closeLine)*float64(n)+1e-9)) {
				continue
			}
		}
		if m.similarity(a, w, closeLine) >= closeLine {
			return true
		}
	}
	return false
}

// bagOf returns the bag of words of the line with value v and words w:
// the words' hashes, sorted, so that two bags' common words are counted
// in one pass. Two different words may share a hash, which only makes
// the count of common words too high, never too low: the bound it gives
// on the edits stays a bound. It is remembered by v.
func (m *matcher) bagOf(v string, w []string) []uint64 {
	if b, ok := m.bags[v]; ok {
		return b
	}
	b := make([]uint64, len(w))
	for i, x := range w {
		b[i] = maphash.String(m.seed, x)
	}
	slices.Sort(b)
	m.bags[v] = b
	return b
}

// bagsOf is bagOf each of lines, whose words are ws.
func (m *matcher) bagsOf(lines []framework.Text, ws [][]string) [][]uint64 {
	out := make([][]uint64, len(lines))
	for i, l := range lines {
		out[i] = m.bagOf(l.Value, ws[i])
	}
	return out
}

// commonWords returns the number of words two bags have in common,
// each counted as often as both have it (or more, where hashes collide).
func commonWords(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n, i, j = n+1, i+1, j+1
		}
	}
	return n
}

// sameValues reports whether two lists of lines are the same bytes.
func sameValues(a, b []framework.Text) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Value != b[i].Value {
			return false
		}
	}
	return true
}

// closestLine returns the first of the lines rw most similar to a, and the
// similarity, leaving out lines less similar than floor: (-1, -1) if
// there is none.
func (m *matcher) closestLine(a []string, rw [][]string, floor float64) (int, float64) {
	best, bestSim := -1, -1.0
	for j, b := range rw {
		// The similarity is at most the ratio of the lengths: a line that
		// cannot beat the best so far, or reach floor, is not compared.
		if n := max(len(a), len(b)); n > 0 {
			if r := float64(min(len(a), len(b))) / float64(n); r <= bestSim || r < floor {
				continue
			}
		}
		if s := m.similarity(a, b, max(floor, bestSim)); s > bestSim && s >= floor {
			best, bestSim = j, s
		}
	}
	return best, bestSim
}

// matches reports whether compareLines(lines, ref) would find the lines
// close (not wholesale), stopping at the first line with no close
// counterpart: the cheap test for searching the whole catalogue.
func (m *matcher) matches(lines []framework.Text, ref *framework.SkillLevel) bool {
	return m.matchWords(m.wordsOf(lines), m.wordsOfLevel(ref))
}

// matchWords is [matcher.matches] of the lines' words pw and the
// reference lines' words rw.
func (m *matcher) matchWords(pw, rw [][]string) bool {
	if cap(m.covered) < len(rw) {
		m.covered = make([]bool, len(rw))
	}
	covered := m.covered[:len(rw)]
	clear(covered)
	for _, a := range pw {
		j, _ := m.closestLine(a, rw, closeLine)
		if j < 0 {
			return false
		}
		covered[j] = true
	}
	return !slices.Contains(covered, false)
}

func (m *matcher) compareLines(page, ref []framework.Text) comparison {
	c := comparison{pageN: len(page), refN: len(ref)}
	if sameValues(page, ref) {
		c.identical = true
		return c
	}
	pw, rw := m.wordsOf(page), m.wordsOf(ref)
	covered := make([]bool, len(ref))
	for i, t := range page {
		best, bestSim := m.closestLine(pw[i], rw, -1)
		bestD := 0
		if best >= 0 {
			bestD = nearword.OSA(pw[i], rw[best], len(pw[i])+len(rw[best]), false, &m.dist)
		}
		if best >= 0 && bestSim >= closeLine {
			covered[best] = true
		}
		if best >= 0 && bestD == 0 {
			continue
		}
		d := lineDiff{line: t, dist: bestD, sim: bestSim}
		if best >= 0 {
			d.closest = ref[best]
		}
		if best < 0 || bestSim < closeLine {
			c.extra++
		}
		c.changed = append(c.changed, d)
	}
	for j, t := range ref {
		if !covered[j] {
			c.missing = append(c.missing, t)
		}
	}
	// Every line has its counterpart and none is missing: the lists
	// differ at most by a repeated line, which is the duplicate rule's
	// finding, not a descriptor mismatch.
	c.identical = len(c.changed) == 0 && len(c.missing) == 0
	c.wholesale = c.extra > 0 || len(c.missing) > 0
	return c
}

func (c comparison) summary(ref string) string { return c.summaryOf("page", ref) }

// summaryOf says how the lines of this differ from those of ref.
func (c comparison) summaryOf(this, ref string) string {
	if !c.wholesale {
		return fmt.Sprintf("minor drift, %s of %d reworded", plural(len(c.changed), "line"), c.pageN)
	}
	var parts []string
	if n := len(c.changed) - c.extra; n > 0 {
		parts = append(parts, fmt.Sprintf("%s reworded", plural(n, "line")))
	}
	if c.extra > 0 {
		parts = append(parts, fmt.Sprintf("%s with no close counterpart", plural(c.extra, "line")))
	}
	if len(c.missing) > 0 {
		parts = append(parts, fmt.Sprintf("%s missing", plural(len(c.missing), "line")))
	}
	if len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("%d lines instead of %d", c.pageN, c.refN))
	}
	return fmt.Sprintf("wholesale difference, %s (%s has %d, %s has %d)", strings.Join(parts, ", "), this, c.pageN, ref, c.refN)
}

// maxDetails is the most line differences a finding's message lists.
const maxDetails = 5

// details lists what differs, line by line: each page line reworded from
// its closest reference line, as a word diff ("[-also-]" the reference's
// words, "{+…+}" the page's), each page line added, each reference line
// removed; at most maxDetails of them, then how many more.
func (c comparison) details() string {
	var parts []string
	for _, d := range c.changed {
		switch {
		case d.closest.Value != "" && d.sim >= closeLine:
			parts = append(parts, fmt.Sprintf("reworded %q", wordDiff(d.closest.Value, d.line.Value)))
		default:
			parts = append(parts, fmt.Sprintf("added %q", d.line.Value))
		}
	}
	for _, t := range c.missing {
		parts = append(parts, fmt.Sprintf("removed %q", t.Value))
	}
	if n := len(parts); n > maxDetails {
		parts = append(parts[:maxDetails], fmt.Sprintf("and %d more", n-maxDetails))
	}
	return strings.Join(parts, "; ")
}

// maxDiffCells bounds the table of [wordDiff]'s longest common
// subsequence: longer lines are diffed by their common start and end.
const maxDiffCells = 1 << 16

// wordDiff returns new as a word diff from old: the words only old has
// as "[-…-]", the words only new has as "{+…+}", runs of each kept
// together, and the words they share as they are. Lines are split at
// spaces, so punctuation and entities stay with their word
// ("[-&nbsp;champion-]{+champion+}").
func wordDiff(old, new string) string {
	a, b := strings.Fields(old), strings.Fields(new)
	// The common start and end are kept as they are; the middle is
	// diffed by the longest common subsequence when it is small enough.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	var out []string
	out = append(out, a[:pre]...)
	var del, ins []string
	flush := func() {
		var change string
		if len(del) > 0 {
			change = "[-" + strings.Join(del, " ") + "-]"
		}
		if len(ins) > 0 {
			change += "{+" + strings.Join(ins, " ") + "+}"
		}
		if change != "" {
			out = append(out, change)
		}
		del, ins = del[:0], ins[:0]
	}
	if (len(am)+1)*(len(bm)+1) > maxDiffCells {
		del, ins = append(del, am...), append(ins, bm...)
	} else {
		// lcs[i][j] is the longest common subsequence of am[i:], bm[j:].
		w := len(bm) + 1
		lcs := make([]int32, (len(am)+1)*w)
		for i := len(am) - 1; i >= 0; i-- {
			for j := len(bm) - 1; j >= 0; j-- {
				if am[i] == bm[j] {
					lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
				} else {
					lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(am) || j < len(bm) {
			switch {
			case i < len(am) && j < len(bm) && am[i] == bm[j]:
				flush()
				out = append(out, am[i])
				i, j = i+1, j+1
			case j == len(bm) || i < len(am) && lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
				del = append(del, am[i])
				i++
			default:
				ins = append(ins, bm[j])
				j++
			}
		}
	}
	flush()
	out = append(out, a[len(a)-suf:]...)
	return strings.Join(out, " ")
}

func (c comparison) related(ref string) []Related {
	var rel []Related
	for _, d := range c.changed {
		var msg string
		switch {
		case d.closest.Value == "":
			msg = fmt.Sprintf("%s has no lines to compare", ref)
		case d.sim >= closeLine:
			verb := "differ"
			if d.dist == 1 {
				verb = "differs"
			}
			msg = fmt.Sprintf("closest %s line is %q (%s %s)", ref, d.closest.Value, plural(d.dist, "word"), verb)
		case inOrder(words(d.line.Value), words(d.closest.Value)):
			msg = fmt.Sprintf("no close line in %s; nearest is %q, which this line shortens", ref, d.closest.Value)
		default:
			msg = fmt.Sprintf("no close line in %s; nearest is %q", ref, d.closest.Value)
		}
		rel = append(rel, Related{Span: d.line.Span, Message: msg})
	}
	for _, t := range c.missing {
		rel = append(rel, Related{Span: t.Span, Message: fmt.Sprintf("%s line missing from the page: %q", ref, t.Value)})
	}
	return rel
}

// score is how well page lines match ref lines: the mean over both sides
// of each line's best similarity.
func (m *matcher) score(page, ref []framework.Text) float64 {
	if len(page) == 0 || len(ref) == 0 {
		return 0
	}
	pw, rw := m.wordsOf(page), m.wordsOf(ref)
	pb, rb := m.bagsOf(page, pw), m.bagsOf(ref, rw)
	best := func(a, b [][]string, ab, bb [][]uint64) float64 {
		total := 0.0
		for i, x := range a {
			top := 0.0
			for j, y := range b {
				// The similarity is at most that of the fewest edits
				// the words the lines do not share allow, and only a
				// line above top counts: the distance stops counting
				// beyond it.
				if n := max(len(x), len(y)); n > 0 && 1-float64(n-commonWords(ab[i], bb[j]))/float64(n) <= top {
					continue
				}
				top = max(top, m.similarity(x, y, top))
			}
			total += top
		}
		return total / float64(len(a))
	}
	return (best(pw, rw, pb, rb) + best(rw, pw, rb, pb)) / 2
}

// bestLevel returns the defined level of sk whose descriptors best match
// lines, the lower on a tie, or 0 if none matches at all.
func (m *matcher) bestLevel(sk *framework.Skill, lines []framework.Text) framework.Level {
	var lv framework.Level
	bestS := 0.0
	for _, sl := range sk.Levels {
		if sl.Status != framework.Defined {
			continue
		}
		if s := m.score(lines, sl.Descriptors); s > bestS {
			lv, bestS = sl.Level, s
		}
	}
	return lv
}

// sameAsOtherLevel returns another defined level of sk whose descriptors
// match lines better than level's do and closely (every line close), or 0.
func (m *matcher) sameAsOtherLevel(sk *framework.Skill, level framework.Level, lines []framework.Text) framework.Level {
	own := m.score(lines, sk.Level(level).Descriptors)
	for _, sl := range sk.Levels {
		if sl.Level == level || sl.Status != framework.Defined {
			continue
		}
		if m.matches(lines, sl) && m.score(lines, sl.Descriptors) > own {
			return sl.Level
		}
	}
	return 0
}

// sameAsOtherSkill returns another catalogue skill and level whose
// descriptors the lines closely match, or nil.
func (m *matcher) sameAsOtherSkill(cat *framework.Framework, sk *framework.Skill, lines []framework.Text) (*framework.Skill, framework.Level) {
	skKey := sk.Name.Key()
	var key strings.Builder
	key.WriteString(skKey)
	for _, l := range lines {
		key.WriteString("\x00" + l.Value)
	}
	if o, ok := m.other[key.String()]; ok {
		return o.skill, o.level
	}
	if m.cat != cat {
		m.cat, m.catNames = cat, make([]string, len(cat.Skills))
		for i, o := range cat.Skills {
			m.catNames[i] = o.Name.Key()
		}
	}
	var found otherSkill
	pw := m.wordsOf(lines)
	pb := m.bagsOf(lines, pw)
search:
	for i, o := range cat.Skills {
		if o == sk || m.catNames[i] == skKey {
			continue
		}
		for _, sl := range o.Levels {
			if sl.Status != framework.Defined || len(sl.Descriptors) != len(lines) {
				continue
			}
			if m.firstLineClose(pw, pb, sl) && m.matchWords(pw, m.wordsOfLevel(sl)) {
				found = otherSkill{o, sl.Level}
				break search
			}
		}
	}
	m.other[key.String()] = found
	return found.skill, found.level
}

// inOrder reports whether every word of a occurs in b in the same order.
func inOrder(a, b []string) bool {
	i := 0
	for _, w := range b {
		if i < len(a) && a[i] == w {
			i++
		}
	}
	return len(a) > 0 && i == len(a)
}
