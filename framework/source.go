package framework

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// File is one source as it was read: its name and its unchanged bytes, with
// a table of line starts from which positions are computed.
//
// Spans hold byte offsets into Src; nothing in the module rewrites Src
// (BOM, CRLF, NBSP and curly quotes stay as they were), so an offset always
// points at the text the author wrote. Src is a string so that the values
// parsers take from it (see [NewText]) share its bytes instead of copying
// them.
type File struct {
	Name string // as given to the parser, usually a slash-separated path
	Src  string // the unchanged source

	// Decoder maps the texts that the parser decoded from escapes back to
	// their raw bytes (see [Text.Sub]); nil for a format whose texts are
	// their bytes.
	Decoder Decoder

	// lines holds the byte offset of the first byte of each line, made
	// on first use: a file whose positions nobody asks for (the
	// published sources, which identify the embedded documents) costs no
	// scan of its megabytes.
	lines atomic.Pointer[[]int]

	// runes indexes the code points of a file with long lines (see
	// [File.column]), built on first use.
	runes   atomic.Pointer[runeIndex]
	runesMu sync.Mutex // held while runes is made

	// maps holds the maps of its long texts (see [Text.Sub]), made on
	// first use.
	maps atomic.Pointer[textMaps]
}

// Decoder maps a text decoded from a format's escapes (CSV's "", JSON's
// \", HTML's &amp;, Markdown's \*) back to its raw bytes. For raw, the
// bytes a text's span covers, and value, the text decoded from them,
// Segments calls seg with the [Segment]s of value in order, together
// covering each byte of value once, and reports whether value is raw
// decoded; when it is not, the segments already given are void. Between
// one segment's raw bytes and the next may lie raw bytes that decode to
// nothing, such as an HTML tag. A decoder gives a run of bytes written as
// they read as one plain segment or as several, as it likes: a map of a
// text costs its segments, not its bytes.
type Decoder interface {
	Segments(raw, value string, seg func(Segment)) bool
}

// A Segment maps value bytes [V, V+N) of a text to the raw bytes they
// were decoded from: to raw bytes [Raw, Raw+N), one for one, if Plain
// (the raw bytes are then the value's, and End is Raw+N); otherwise each
// of them (the bytes of a character written as an escape) to all of raw
// bytes [Raw, End).
type Segment struct {
	V, N     int
	Raw, End int
	Plain    bool
}

// NewFile returns a File for src. The line table treats "\n" as the line
// terminator, so CRLF and LF sources count lines alike.
func NewFile(name, src string) *File {
	return &File{Name: name, Src: src}
}

// lineTable returns the offsets of the starts of f's lines, making them
// the first time. Concurrent first calls may each make them; they make
// the same.
func (f *File) lineTable() []int {
	if t := f.lines.Load(); t != nil {
		return *t
	}
	src := f.Src
	t := make([]int, 1, strings.Count(src, "\n")+1)
	for i := 0; ; {
		j := strings.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		t = append(t, i)
	}
	f.lines.CompareAndSwap(nil, &t)
	return *f.lines.Load()
}

// Index makes the tables that positions in f are computed from, which
// are otherwise made on first use: the starts of its lines and, if a
// line is longer than a kilobyte, the index of its characters. A program
// that prints many positions can make them beforehand, on a processor
// that would otherwise be idle.
func (f *File) Index() {
	lines := f.lineTable()
	for i, start := range lines {
		end := len(f.Src)
		if i+1 < len(lines) {
			end = lines[i+1]
		}
		if end-start > shortLine {
			f.runeIndex()
			return
		}
	}
}

// LineCount returns the number of lines in the file; a final line without a
// terminator counts, an empty final line after "\n" does too.
func (f *File) LineCount() int { return len(f.lineTable()) }

// LineStart returns the byte offset of the start of line n (1-based).
// It returns -1 if there is no such line.
func (f *File) LineStart(n int) int {
	lines := f.lineTable()
	if n < 1 || n > len(lines) {
		return -1
	}
	return lines[n-1]
}

// Position returns the line and column of byte offset off. Offsets past the
// end of the file are clamped to it.
func (f *File) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(f.Src) {
		off = len(f.Src)
	}
	lines := f.lineTable()
	i := sort.Search(len(lines), func(i int) bool { return lines[i] > off }) - 1
	return Position{Filename: f.Name, Offset: off, Line: i + 1, Column: f.column(lines[i], off)}
}

// shortLine is the most bytes before an offset on its line whose code
// points [File.column] counts directly; beyond it, it counts them with
// the file's rune index, so that any number of positions on a line of
// megabytes costs a bounded time each.
const shortLine = 1024

// column returns the 1-based column of byte offset off on the line that
// starts at start, counted in Unicode code points (an invalid byte counts
// as one), as editors show it.
func (f *File) column(start, off int) int {
	if off-start <= shortLine {
		return utf8.RuneCountInString(f.Src[start:off]) + 1
	}
	x := f.runeIndex()
	return x.count(f.Src, off) - x.count(f.Src, start) + 1
}

// runeIndex returns the file's rune index, making it the first time.
func (f *File) runeIndex() *runeIndex {
	x := f.runes.Load()
	if x == nil {
		// Made once: findings of one file are printed by several
		// goroutines at once.
		f.runesMu.Lock()
		if x = f.runes.Load(); x == nil {
			x = newRuneIndex(f.Src)
			f.runes.Store(x)
		}
		f.runesMu.Unlock()
	}
	return x
}

// runeIndex holds, for every shortLine-th byte of a source, the first
// character boundary at or after it and the number of code points
// before that boundary.
type runeIndex struct {
	at, before []int
}

func newRuneIndex(src string) *runeIndex {
	marks := len(src)/shortLine + 1
	x := &runeIndex{at: make([]int, 0, marks), before: make([]int, 0, marks)}
	n := 0
	for i := 0; i < len(src); {
		if i >= len(x.at)*shortLine {
			x.at = append(x.at, i)
			x.before = append(x.before, n)
		}
		// ASCII up to the next mark, eight bytes at a time: a byte each.
		for end := min(len(x.at)*shortLine, len(src)); i+8 <= end && binary.LittleEndian.Uint64([]byte(src[i:i+8]))&0x8080808080808080 == 0; {
			i += 8
			n += 8
		}
		if i >= len(x.at)*shortLine || i >= len(src) {
			continue // at the next mark, or the end
		}
		if src[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(src[i:])
			i += size
		}
		n++
	}
	return x
}

// count returns the number of code points in src[:off], off being on a
// character boundary.
func (x *runeIndex) count(src string, off int) int {
	k := min(off/shortLine, len(x.at)-1)
	for k > 0 && x.at[k] > off {
		k--
	}
	if k < 0 {
		return utf8.RuneCountInString(src[:off])
	}
	return x.before[k] + utf8.RuneCountInString(src[x.at[k]:off])
}

// Span returns the span of src[start:end] in f.
func (f *File) Span(start, end int) Span { return Span{File: f, Start: start, End: end} }

// Position is a resolved place in a source, in the style of go/token:
// Line and Column are 1-based; Column counts Unicode code points (an
// invalid byte counts as one), as editors show columns.
type Position struct {
	Filename string
	Offset   int // byte offset, starting at 0
	Line     int // line number, starting at 1
	Column   int // column in code points, starting at 1
}

// IsValid reports whether the position has a line number.
func (p Position) IsValid() bool { return p.Line > 0 }

// String formats the position as "file:line:col", "file:line", "line:col"
// or "-" as much as is known.
func (p Position) String() string {
	s := p.Filename
	if p.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	if s == "" {
		s = "-"
	}
	return s
}

// Span is a half-open byte range [Start, End) of a File. The zero Span has
// no file and stands for "no position" (an element built in code, not
// parsed).
type Span struct {
	File       *File
	Start, End int // byte offsets into File.Src
}

// IsValid reports whether the span belongs to a file.
func (s Span) IsValid() bool { return s.File != nil }

// Text returns the source bytes the span covers.
func (s Span) Text() string {
	if s.File == nil || s.Start < 0 || s.End > len(s.File.Src) || s.Start > s.End {
		return ""
	}
	return s.File.Src[s.Start:s.End]
}

// Pos returns the position of the span's first byte.
func (s Span) Pos() Position {
	if s.File == nil {
		return Position{}
	}
	return s.File.Position(s.Start)
}

// EndPos returns the position just past the span's last byte.
func (s Span) EndPos() Position {
	if s.File == nil {
		return Position{}
	}
	return s.File.Position(s.End)
}

// String formats the span's start as "file:line:col".
func (s Span) String() string { return s.Pos().String() }

// Sub returns the span of bytes [i, j) relative to the start of s.
func (s Span) Sub(i, j int) Span { return Span{File: s.File, Start: s.Start + i, End: s.Start + j} }

// Sub returns the span of the raw bytes that t.Value[i:j] was decoded
// from: through the file's [Decoder] where the source wrote the text with
// escapes, so that a finding on a word after a CSV "", a JSON \", an HTML
// entity or tag lands on the word, and a fix of it replaces the word and
// nothing around it. An empty range [i, i) is the point just after the
// raw bytes of t.Value[i-1]. Where the span's bytes are not t.Value
// decoded (a text joined from several places, its lines with other lines
// between them in the source), the range is found in the line of t.Value
// that holds it, where that line stands in the span's bytes as written;
// failing that (or for a text of 2 GiB or more), it is
// t.Span.Sub(i, j).
func (t Text) Sub(i, j int) Span {
	s := t.Span
	if s.File == nil || i < 0 || j < i || j > len(t.Value) || s.Start < 0 || s.End > len(s.File.Src) || s.Start > s.End {
		return s.Sub(i, j)
	}
	if len(t.Value) >= longText {
		// A long text's map is made once and kept: made at each call,
		// the findings of one text of megabytes cost its length each.
		// So would comparing it with its bytes at each call, when they
		// are equal but not the same memory (an HTML paragraph of plain
		// words): the kept map tells it.
		return s.File.textMap(t).sub(s, i, j)
	}
	if s.End-s.Start == len(t.Value) && s.Text() == t.Value {
		return s.Sub(i, j)
	}
	return newTextMap(t).sub(s, i, j)
}

// pastLine returns where in raw the line after line starts, line being a
// line of a joined text not found as written in raw from at: past the
// next line end after the line's length (written with escapes, a line is
// no shorter), or the end of raw.
func pastLine(raw string, at int, line string) int {
	at = min(at+len(line), len(raw))
	if k := strings.IndexByte(raw[at:], '\n'); k >= 0 {
		return at + k + 1
	}
	return len(raw)
}

// longText is the length from which a text's map (see [Text.Sub]) is
// kept by its file rather than made at each call.
const longText = 4096

// A textMap maps the bytes of a text's value to the raw bytes of its span
// they were read from, as segments in value order: a plain segment maps n
// bytes one to one; any other holds the bytes of one character written as
// an escape, each mapped to all the escape's bytes. Its offsets are
// relative to the span's start, in 32 bits: 20 bytes a segment, for a
// text of megabytes with an escape every few bytes.
type textMap struct {
	same   bool // the value is the span's bytes
	joined bool // the value's lines are at places apart in the span: a range across lines is not mapped
	bad    bool // the decoder gave segments that do not cover the value in order
	next   int  // the value byte the next segment starts at
	segs   []segment
}

type segment struct {
	v, n     int32 // the value bytes [v, v+n)
	raw, end int32 // plain: raw offset of value byte v; else the escape's raw bytes [raw, end)
	plain    bool
}

// maxMapped is the longest text a textMap maps: its offsets are int32.
const maxMapped = math.MaxInt32

// newTextMap maps t (see [Text.Sub]); a map with no segments and not same
// maps every range as the span's own offsets.
func newTextMap(t Text) *textMap {
	s := t.Span
	raw := s.Text()
	if len(raw) == len(t.Value) && (len(raw) == 0 || unsafe.StringData(raw) == unsafe.StringData(t.Value) || raw == t.Value) {
		return &textMap{same: true}
	}
	m := &textMap{}
	if len(raw) > maxMapped || len(t.Value) > maxMapped {
		return m
	}
	if d := s.File.Decoder; d != nil {
		ok := d.Segments(raw, t.Value, func(g Segment) { m.add(g, len(raw)) })
		if ok && !m.bad && m.next == len(t.Value) {
			return m
		}
		m.segs, m.bad, m.next = nil, false, 0
	}
	// A text joined from lines that others separate in the source: each
	// line of the value is looked for after the one before it.
	m.joined = true
	at, v := 0, 0 // where the line is looked for in raw; where it starts in t.Value
	for line := range strings.SplitSeq(t.Value, "\n") {
		k := strings.Index(raw[at:], line)
		if k < 0 {
			// A line not written as it reads (a CSV cell's doubled
			// quote) is passed over, to the next line of the span.
			at, v = pastLine(raw, at, line), v+len(line)+1
			continue
		}
		k += at
		m.segs = append(m.segs, segment{v: int32(v), n: int32(len(line)), raw: int32(k), end: int32(k + len(line)), plain: true})
		at, v = k+len(line), v+len(line)+1
	}
	return m
}

// add appends the decoder's segment g of a text of n raw bytes, joining
// it to the last if both are plain and one follows the other; a segment
// out of order or out of the raw bytes marks the map bad.
func (m *textMap) add(g Segment, n int) {
	if m.bad || g.V != m.next || g.N <= 0 || g.Raw < 0 || g.End > n || g.End < g.Raw || g.Plain && g.End != g.Raw+g.N {
		m.bad = true
		return
	}
	m.next += g.N
	if last := len(m.segs) - 1; g.Plain && last >= 0 && m.segs[last].plain && int(m.segs[last].raw+m.segs[last].n) == g.Raw {
		m.segs[last].n += int32(g.N)
		return
	}
	m.segs = append(m.segs, segment{v: int32(g.V), n: int32(g.N), raw: int32(g.Raw), end: int32(g.End), plain: g.Plain})
}

// find returns the segment holding value byte k.
func (m *textMap) find(k int) (segment, bool) {
	i := sort.Search(len(m.segs), func(i int) bool { return int(m.segs[i].v+m.segs[i].n) > k })
	if i == len(m.segs) || int(m.segs[i].v) > k {
		return segment{}, false
	}
	return m.segs[i], true
}

// lineAt returns the line of a joined text that starts at value byte k.
func (m *textMap) lineAt(k int) (segment, bool) {
	if !m.joined {
		return segment{}, false
	}
	i := sort.Search(len(m.segs), func(i int) bool { return int(m.segs[i].v) >= k })
	if i == len(m.segs) || int(m.segs[i].v) != k {
		return segment{}, false
	}
	return m.segs[i], true
}

func (g segment) start(k int) int {
	if g.plain {
		return int(g.raw) + k - int(g.v)
	}
	return int(g.raw)
}

func (g segment) stop(k int) int {
	if g.plain {
		return int(g.raw) + k - int(g.v) + 1
	}
	return int(g.end)
}

// sub returns the span of the raw bytes of value bytes [i, j) of the text
// of span s (see [Text.Sub]).
func (m *textMap) sub(s Span, i, j int) Span {
	if m.same {
		return s.Sub(i, j)
	}
	var a, b int
	if i < j {
		ga, ok1 := m.find(i)
		gb, ok2 := m.find(j - 1)
		if !ok1 || !ok2 || m.joined && ga != gb {
			return s.Sub(i, j) // the range runs across a line end, or is not mapped
		}
		a, b = ga.start(i), gb.stop(j-1)
	} else if g, ok := m.lineAt(i); ok {
		a = int(g.raw) // the point before a line's first byte (an empty line's place)
		b = a
	} else if g, ok := m.find(i); ok && i == 0 {
		a = g.start(i) // the point before the first byte
		b = a
	} else if g, ok := m.find(i - 1); ok && i > 0 {
		a = g.stop(i - 1) // the point after byte i-1
		b = a
	} else {
		return s.Sub(i, j)
	}
	return Span{File: s.File, Start: s.Start + a, End: s.Start + b}
}

// textMap returns the map of the long text t (see [Text.Sub]), made on
// first use and kept, for the texts' findings to share.
func (f *File) textMap(t Text) *textMap {
	c := f.maps.Load()
	if c == nil {
		f.maps.CompareAndSwap(nil, &textMaps{m: map[textKey]*textMap{}})
		c = f.maps.Load()
	}
	k := textKey{t.Span.Start, t.Span.End, len(t.Value), unsafe.StringData(t.Value)}
	c.mu.Lock()
	defer c.mu.Unlock()
	m, ok := c.m[k]
	if !ok {
		m = newTextMap(t)
		c.m[k] = m
	}
	return m
}

// textMaps holds the maps of a file's long texts, by text: its span and
// its value's bytes (by address, as the texts of one parse share them).
type textMaps struct {
	mu sync.Mutex
	m  map[textKey]*textMap
}

type textKey struct {
	start, end, n int
	value         *byte
}

// Text is a piece of text as a source wrote it: Value is the text with
// surrounding space and bullet markers removed (inner bytes as written),
// Span points at Value in the source.
type Text struct {
	Value string
	Span  Span
}

// String returns t.Value.
func (t Text) String() string { return t.Value }

// Key returns the comparison key of t.Value (see [Key]).
func (t Text) Key() string { return Key(t.Value) }

// NewText returns the Text of f.Src[start:end], sharing f's bytes. It
// panics if the range is out of bounds, which is a bug in the caller,
// never a property of the input.
func NewText(f *File, start, end int) Text {
	if start < 0 || end > len(f.Src) || start > end {
		panic(fmt.Sprintf("framework.NewText: range [%d,%d) outside %s (%d bytes)", start, end, f.Name, len(f.Src)))
	}
	return Text{Value: f.Src[start:end], Span: Span{File: f, Start: start, End: end}}
}
