package lint

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ddat-tools/ddat/framework"
)

// Repeats: the official downloads repeat a text on every row it applies
// to (a skill's descriptor on each role level that requires the skill, a
// role level's name on each of its rows), so a defect in the text is
// found once per row. A run reports it once: the findings of one rule,
// with the same message, in the same file, at the same place of the same
// text (the same value, the same defect), are one finding at the first
// place, the others listed in its Related after the rule's own, counted
// in [Diagnostic.Repeats] and in the message ("…; also on 14 more rows").

// maxRepeatPlaces bounds the places a finding lists in Related for its
// repeats: the count in the message counts them all.
const maxRepeatPlaces = 1000

// repeatMessage is the Message of the Related entries of a finding's
// repeats.
const repeatMessage = "the same finding"

// repeatSuffixRE matches what [Run] adds to the message of a finding
// that stands for its repeats.
var repeatSuffixRE = lazyRegexp(`; also on [0-9]+ more (?:rows?|places?)$`)

// BaseMessage returns the message of d without what [Run] added to it for
// its repeats: the message of each of them.
func BaseMessage(d Diagnostic) string {
	if d.Repeats == 0 {
		return d.Message
	}
	return repeatSuffixRE().ReplaceAllString(d.Message, "")
}

// repeatSuffix returns what [Run] adds to the message of d, a finding
// that stands for d.Repeats more, in a table (whose repeats are rows) or
// not.
func repeatSuffix(d Diagnostic, table bool) string {
	what := "place"
	if table {
		what = "row"
	}
	if d.Repeats != 1 {
		what += "s"
	}
	return fmt.Sprintf("; also on %d more %s", d.Repeats, what)
}

// A containerIndex finds the text that a finding's span is about: for each file, the
// spans of its outermost texts, by start.
type containerIndex struct {
	spans  map[*framework.File][]framework.Span
	hashes map[*framework.File][]uint64 // of each span's bytes, so that a long text is hashed once
	tables map[*framework.File]bool     // the files of the CSV downloads
	// values returns the hashes of the texts' bytes, sorted: made once
	// more than maxValueScans findings on no text have asked for one
	// (see [containerIndex.hasValue]), for the 100× corpus holds a
	// million, and a lint of the published downloads asks for a few.
	values func() []uint64
	asked  *atomic.Int32 // the findings that have asked
	seed   maphash.Seed
}

// maxValueScans is how many findings look for a text's hash by scanning
// the hashes before they are sorted for them all.
const maxValueScans = 16

// hasValue reports whether some text's bytes have the hash v: the first
// maxValueScans askers scan the hashes, later ones search them sorted,
// so that a run that asks a few times sorts nothing, and one that asks
// many times sorts once.
func (x containerIndex) hasValue(v uint64) bool {
	if x.asked.Add(1) <= maxValueScans {
		for _, hs := range x.hashes {
			if slices.Contains(hs, v) {
				return true
			}
		}
		return false
	}
	return has(x.values(), v)
}

// newContainerIndex returns the index of the texts of fw's CSV downloads
// among texts, the uniqueTexts of fw's documents.
func newContainerIndex(fw *framework.Framework, texts []framework.Text) containerIndex {
	x := containerIndex{spans: map[*framework.File][]framework.Span{}, hashes: map[*framework.File][]uint64{},
		tables: map[*framework.File]bool{}, asked: new(atomic.Int32), seed: maphash.MakeSeed()}
	for _, d := range fw.Documents {
		if d == nil || d.File == nil {
			continue
		}
		if info, _ := d.Format.Info(); info.Header != nil { // a CSV download
			x.tables[d.File] = true
		}
	}
	// The spans are counted first, so that each file's list and the
	// table of hashes are allocated once: a download gives tens of
	// thousands.
	counts := map[*framework.File]int{}
	total := 0
	for _, t := range texts {
		if f := t.Span.File; x.tables[f] {
			counts[f]++
			total++
		}
	}
	for f, n := range counts {
		x.spans[f] = make([]framework.Span, 0, n)
	}
	for _, t := range texts {
		if f := t.Span.File; x.tables[f] {
			x.spans[f] = append(x.spans[f], t.Span)
		}
	}
	for f, ss := range x.spans {
		// uniqueTexts gives a document's texts by start: sorting is
		// needed only for texts from elsewhere.
		if !slices.IsSortedFunc(ss, func(a, b framework.Span) int { return cmp.Compare(a.Start, b.Start) }) {
			sort.SliceStable(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start })
		}
		hs := make([]uint64, len(ss))
		for i, s := range ss {
			hs[i] = maphash.String(x.seed, f.Src[s.Start:s.End])
		}
		x.hashes[f] = hs
	}
	x.values = sync.OnceValue(func() []uint64 {
		all := make([]uint64, 0, total)
		for _, hs := range x.hashes {
			all = append(all, hs...)
		}
		return sortHashes(all)
	})
	return x
}

// sortHashes sorts hs, returning the sorted slice (hs itself, or a
// buffer of its length): a million hashes (the 100× corpus's texts) by
// radix sort, sixteen bits at a time, in half the time of a comparison
// sort; fewer by slices.Sort.
func sortHashes(hs []uint64) []uint64 {
	if len(hs) < 1<<16 {
		slices.Sort(hs)
		return hs
	}
	buf := make([]uint64, len(hs))
	count := make([]int, 1<<16)
	for shift := uint(0); shift < 64; shift += 16 {
		clear(count)
		for _, h := range hs {
			count[h>>shift&0xffff]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, h := range hs {
			k := h >> shift & 0xffff
			buf[count[k]] = h
			count[k]++
		}
		hs, buf = buf, hs
	}
	return hs
}

// has reports whether the sorted hashes hs hold h.
func has(hs []uint64, h uint64) bool {
	_, ok := slices.BinarySearch(hs, h)
	return ok
}

// anchor returns the span of the outermost text that s is about: one
// that holds s, lies inside it (an untrimmed cell around its text), or
// ends just before it (an invisible character after a trimmed text).
func (x containerIndex) anchor(s framework.Span) (span framework.Span, hash uint64, ok bool) {
	const near = 4 // bytes between a text and a finding just after it: a quote, a space
	ss := x.spans[s.File]
	i := sort.Search(len(ss), func(i int) bool { return ss[i].Start > s.End }) - 1
	// Outermost texts do not hold one another but may overlap: a few
	// steps back find the anchor, if any.
	for k := 0; k < 8 && i >= 0; k, i = k+1, i-1 {
		c := ss[i]
		if c.Start <= s.Start && s.End <= c.End || s.Start <= c.Start && c.End <= s.End ||
			c.End <= s.Start && s.Start-c.End <= near {
			return c, x.hashes[s.File][i], true
		}
	}
	return framework.Span{}, 0, false
}

// maxAnchorless is the longest finding, in bytes, grouped with its
// repeats by the bytes around it; context is how many bytes either side
// of it are compared.
const (
	maxAnchorless = 256
	context       = 48
)

// lineAround returns up to context bytes of src either side of s, within
// its lines.
func lineAround(src string, s framework.Span) (before, after string) {
	lo := max(s.Start-context, 0)
	if i := strings.LastIndexByte(src[lo:s.Start], '\n'); i >= 0 {
		lo += i + 1
	}
	hi := min(s.End+context, len(src))
	if i := strings.IndexByte(src[s.End:hi], '\n'); i >= 0 {
		hi = s.End + i
	}
	return src[lo:s.Start], src[s.End:hi]
}

// A repeatKey identifies a finding's repeats: two hashes of its rule,
// severity, file, message, suggestions and own related places, and of
// its place in the text it is about. Two keys are equal by chance with
// odds of one in 2^128.
type repeatKey [2]uint64

// repeatKey returns the key under which d groups with its repeats, and
// false when it has none: a finding outside the CSV downloads, or not
// near a text and long.
func (x containerIndex) repeatKey(d Diagnostic) (repeatKey, bool) {
	if d.Span.File == nil || d.Rule == MaxFindingsRule || !x.tables[d.Span.File] {
		return repeatKey{}, false // a text a page repeats is a copy its author made: each is edited
	}
	src := d.Span.File.Src
	var h keyHash // on the stack: a run keys each finding, up to a million of them
	h.init(x.seed)
	h.str(d.Rule)
	h.int(int(d.Severity))
	h.str(d.Span.File.Name)
	h.str(d.Message)
	h.str(src[d.Span.Start:d.Span.End])
	c, anchor, ok := x.anchor(d.Span)
	if !ok && d.Span.End-d.Span.Start <= maxAnchorless {
		// A cell the model took no text from, whose bytes are a text it
		// took from another row (a repeat of a role level's name): keyed
		// as a finding on that text is, so that the two group.
		if v := maphash.String(x.seed, src[d.Span.Start:d.Span.End]); x.hasValue(v) {
			c, anchor, ok = d.Span, v, true
		}
	}
	if ok {
		h.str("a")
		h.int(d.Span.Start - c.Start)
		h.int(d.Span.End - c.Start)
		h.int(int(anchor))
	} else {
		// Any other cell the model took no text from: the same bytes,
		// between the same bytes.
		if d.Span.End-d.Span.Start > maxAnchorless {
			return repeatKey{}, false
		}
		before, after := lineAround(src, d.Span)
		h.str("l")
		h.str(before)
		h.str(after)
		c = d.Span
	}
	rel := func(s framework.Span) {
		if s.File == d.Span.File && s.Start >= min(c.Start, d.Span.Start) && s.End <= max(c.End, d.Span.End) {
			h.str("@")
			h.int(s.Start - c.Start)
			h.int(s.End - c.Start)
			return
		}
		name := ""
		if s.File != nil {
			name = s.File.Name
		}
		h.str("#")
		h.str(name)
		h.int(s.Start)
		h.int(s.End)
	}
	for _, sg := range d.Suggestions {
		h.str("s")
		rel(sg.Span)
		h.str(sg.Message)
		h.str(sg.NewText)
	}
	for _, r := range d.Related[:len(d.Related)-d.repeatPlaces()] {
		h.str("r")
		rel(r.Span)
		h.str(r.Message)
	}
	return h.sum(), true
}

// A keyHash hashes the fields of a [repeatKey] as they are written, twice,
// the second hash seeded apart, without building the key: each string
// is written after its length and each number as a varint, so that no
// two lists of fields write the same bytes. The fields are gathered in a
// buffer and written to the hashes together, a long string directly:
// the hashes see the same bytes, in fewer writes.
type keyHash struct {
	a, b maphash.Hash
	n    int // bytes of buf in use
	buf  [256]byte
}

// init seeds h.
func (h *keyHash) init(seed maphash.Seed) {
	h.a.SetSeed(seed)
	h.b.SetSeed(seed)
	h.b.WriteByte(1)
}

func (h *keyHash) int(n int) {
	if h.n > len(h.buf)-binary.MaxVarintLen64 {
		h.flush()
	}
	h.n += binary.PutVarint(h.buf[h.n:], int64(n))
}

func (h *keyHash) str(s string) {
	h.int(len(s))
	if len(s) > len(h.buf)-h.n {
		h.flush()
		if len(s) > len(h.buf) {
			h.a.WriteString(s)
			h.b.WriteString(s)
			return
		}
	}
	h.n += copy(h.buf[h.n:], s)
}

// flush writes the buffered fields to the hashes.
func (h *keyHash) flush() {
	h.a.Write(h.buf[:h.n])
	h.b.Write(h.buf[:h.n])
	h.n = 0
}

// sum returns the key of the fields written.
func (h *keyHash) sum() repeatKey {
	h.flush()
	return repeatKey{h.a.Sum64(), h.b.Sum64()}
}

// repeatPlaces returns the number of d's Related entries that are its
// repeats (the last ones).
func (d Diagnostic) repeatPlaces() int { return min(d.Repeats, maxRepeatPlaces) }

// collapseRepeats replaces the findings of ds that repeat an earlier one
// (see [containerIndex.repeatKey]) by a count and a place in the earlier
// one's Related. ds is sorted; the result is too, and shares its array.
func collapseRepeats(ds []Diagnostic, x containerIndex) []Diagnostic {
	first := make(map[repeatKey]int, len(ds)) // sized at once: a rule of many findings collapses 20,000 at each prune
	out := ds[:0]
	for _, d := range ds {
		k, ok := x.repeatKey(d)
		if !ok {
			out = append(out, d)
			continue
		}
		i, ok := first[k]
		if !ok {
			first[k] = len(out)
			out = append(out, d)
			continue
		}
		g := &out[i]
		own := d.Related[len(d.Related)-d.repeatPlaces():]
		places := append([]Related{{Span: d.Span, Message: repeatMessage}}, own...)
		for _, r := range places {
			if g.repeatPlaces() < maxRepeatPlaces {
				g.Related = append(g.Related, r)
			}
			g.Repeats++
		}
		g.Repeats += d.Repeats - len(own)
	}
	clear(ds[len(out):])
	return out
}

// finishRepeats sorts the repeats each finding lists and says in its
// message how many there are.
func finishRepeats(ds []Diagnostic, x containerIndex) {
	for i := range ds {
		d := &ds[i]
		if d.Repeats == 0 {
			continue
		}
		rs := d.Related[len(d.Related)-d.repeatPlaces():]
		sort.SliceStable(rs, func(i, j int) bool {
			a, b := rs[i].Span, rs[j].Span
			if an, bn := fileName(a), fileName(b); an != bn {
				return an < bn
			}
			return a.Start < b.Start
		})
		d.Message += repeatSuffix(*d, x.tables[d.Span.File])
	}
}
