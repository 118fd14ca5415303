package parse

import (
	"encoding/csv"
	"errors"
	"hash/maphash"
	"io"
	"iter"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// This file reads the official CSV downloads into positioned cells. Each
// cell keeps the byte span of its raw text; each line inside a quoted,
// multi-line cell keeps its own.

// The header rows of the official downloads, from the registry of
// formats, compared case-insensitively after trimming each name.
var (
	rolesHeader   = header(framework.FormatRolesCSV)
	skillsHeader  = header(framework.FormatSkillsCSV)
	changesHeader = header(framework.FormatChangesCSV)
)

func header(f framework.Format) []string {
	info, _ := f.Info()
	return info.Header
}

// maxCSVFields bounds the fields of one record: the widest official
// layout has 10 columns.
const maxCSVFields = 64

// cell is one field of a CSV record.
type cell struct {
	value string // decoded, untrimmed
	start int    // byte offset of the field's first raw byte (a quote if quoted)
	f     *framework.File
}

// offsets maps each byte of c.value to the offset of the first raw byte
// it was decoded from (of "" for a quote, of CRLF for a line end). Most
// cells are their raw bytes, maybe quoted: the map is then a shift, and
// nothing is allocated.
type offsets struct {
	base int   // the shift, when m is nil
	m    []int // len(value)+1 offsets; the last is the end of the content
}

func (o offsets) at(k int) int {
	if o.m == nil {
		return o.base + k
	}
	return o.m[k]
}

// end returns the raw end of the decoded byte range ending at k: where
// the raw bytes of byte k start, a cell's raw bytes having no gaps.
func (o offsets) end(k int) int { return o.at(k) }

func (c cell) rawOffsets() offsets {
	src := c.f.Src
	i := c.start
	quoted := i < len(src) && src[i] == '"'
	if quoted {
		i++
	}
	// A quoted cell writes each quote of its value as "": its raw bytes
	// may start as the value does ("" for a value of one quote) without
	// being it.
	if i+len(c.value) <= len(src) && src[i:i+len(c.value)] == c.value && !(quoted && strings.IndexByte(c.value, '"') >= 0) {
		return offsets{base: i}
	}
	m := make([]int, len(c.value)+1)
	for k := 0; k < len(c.value); k++ {
		m[k] = min(i, len(src))
		if quoted && c.value[k] == '"' && i+1 < len(src) && src[i] == '"' && src[i+1] == '"' {
			i++ // "" is one quote
		}
		if c.value[k] == '\n' && i < len(src) && src[i] == '\r' {
			i++ // a quoted CRLF reads as "\n"
		}
		i++
	}
	m[len(c.value)] = min(i, len(src))
	return offsets{m: m}
}

// piece returns the trimmed Text of c.value[a:b], its span covering the
// raw bytes it came from.
func (c cell) piece(m offsets, a, b int) framework.Text {
	t, _ := c.pieceAt(m, a, b)
	return t
}

// pieceAt is piece that also returns where the text starts in c.value.
func (c cell) pieceAt(m offsets, a, b int) (framework.Text, int) {
	a, b = trim(c.value, a, b)
	v := c.value[a:b]
	if a == b {
		return framework.Text{Span: c.f.Span(m.at(a), m.at(a))}, a
	}
	return framework.Text{Value: v, Span: c.f.Span(m.at(a), m.end(b))}, a
}

// text returns the whole cell, trimmed.
func (c cell) text() framework.Text {
	return c.piece(c.rawOffsets(), 0, len(c.value))
}

// written returns the cell as written, in the given column, with parts.
func (c cell) written(column string, parts ...framework.CellPart) *framework.Cell {
	return &framework.Cell{Column: column, Raw: c.value, Parts: parts}
}

// textCell returns the whole cell, trimmed, and the cell as written with
// that text as its one part.
func (c cell) textCell(column string) (framework.Text, *framework.Cell) {
	t, a := c.pieceAt(c.rawOffsets(), 0, len(c.value))
	if t.Value == "" {
		return t, c.written(column)
	}
	return t, c.written(column, framework.CellPart{Kind: framework.PartText, Start: a, End: a + len(t.Value)})
}

// cellLine is a trimmed line of a cell and where it starts in the cell's
// value.
type cellLine struct {
	framework.Text
	at int
}

// lines returns the cell's non-blank lines, trimmed.
func (c cell) lines() []cellLine { return c.linesWith(c.rawOffsets()) }

// linesWith is lines for the cell's offsets m.
func (c cell) linesWith(m offsets) []cellLine {
	var out []cellLine
	for start := 0; start <= len(c.value); {
		i := strings.IndexByte(c.value[start:], '\n')
		if i < 0 {
			i = len(c.value)
		} else {
			i += start
		}
		if t, a := c.pieceAt(m, start, i); t.Value != "" {
			if out == nil {
				out = make([]cellLine, 0, strings.Count(c.value[i:], "\n")+1)
			}
			out = append(out, cellLine{t, a})
		}
		start = i + 1
	}
	return out
}

// untrimmed reports whether the cell has space around its value.
func (c cell) untrimmed() bool {
	return strings.TrimFunc(c.value, isSpace) != c.value && !strings.Contains(c.value, "\n")
}

// record is one CSV record with the span of its raw text.
type record struct {
	cells []cell
	span  framework.Span
}

// bomLen returns 3 if src starts with a UTF-8 byte order mark.
func bomLen(src string) int {
	if strings.HasPrefix(src, "\ufeff") {
		return 3
	}
	return 0
}

// readCSV yields the records of f in order, one at a time, so that a
// large download is never held as records. A syntax error ends the
// reading with an error at its position. A record's cells are valid
// until yield returns: a caller that keeps them keeps a copy (see
// readRows).
func readCSV(f *framework.File, errs *errorList) iter.Seq[record] {
	return func(yield func(record) bool) {
		bom := bomLen(f.Src)
		if off, n := widestRecord(f.Src[bom:]); n > maxCSVFields {
			// Refuse before encoding/csv builds a string per field.
			errs.Add(f.Span(bom+off, bom+off), nil, "CSV record has %d fields, more than the limit of %d; the file is not read", n, maxCSVFields)
			return
		}
		readRecords(f, bom, errs, yield)
	}
}

// readRecords yields the records of f from offset from, the end of its
// byte order mark. Records written plainly, the bulk of any download, are
// cut from the source directly (plainRecords); at the first record that
// is not, encoding/csv reads the rest (csvRecords), so that every syntax
// error is reported as encoding/csv reports it.
func readRecords(f *framework.File, from int, errs *errorList, yield func(record) bool) {
	off, done := plainRecords(f, from, yield)
	if !done {
		csvRecords(f, off, errs, yield)
	}
}

// plainRecords yields the records of f from offset off as encoding/csv
// (comma-separated, no comments, strict quotes) reads them, while they
// are well formed and no wider than maxCSVFields. Fields are the source's
// own bytes, but for quoted fields with "" or CRLF, which are decoded as
// encoding/csv decodes them. It returns where it stopped and whether it
// is done: at the end of the source or because yield said stop. Where it
// is not, the record at off is the first it could not read.
func plainRecords(f *framework.File, off int, yield func(record) bool) (int, bool) {
	src := f.Src
	var cells []cell // reused from record to record
	for off < len(src) {
		// encoding/csv skips empty lines, and drops a "\r" before the end.
		switch {
		case src[off] == '\n':
			off++
			continue
		case src[off] == '\r' && (off+1 == len(src) || src[off+1] == '\n'):
			off = min(off+2, len(src))
			continue
		}
		rec, next, ok := plainRecord(f, off, cells[:0])
		if !ok {
			return off, false
		}
		cells = rec.cells
		if !yield(rec) {
			return next, true
		}
		off = next
	}
	return off, true
}

// plainRecord reads the record at src[start:], which is not an empty
// line, and returns it and the offset after its line end; ok is false
// where encoding/csv would report an error, or the record is wider than
// maxCSVFields. The cells are appended to cells.
func plainRecord(f *framework.File, start int, cells []cell) (rec record, next int, ok bool) {
	src := f.Src
	i := start
	rec.cells = cells
	for {
		if len(rec.cells) == maxCSVFields {
			return record{}, 0, false
		}
		c := cell{start: i, f: f}
		if i < len(src) && src[i] == '"' {
			j, escaped := i+1, false
			for {
				k := strings.IndexByte(src[j:], '"')
				if k < 0 {
					return record{}, 0, false // no closing quote
				}
				j += k + 1
				if j < len(src) && src[j] == '"' {
					escaped = true
					j++
					continue
				}
				break
			}
			c.value = src[i+1 : j-1]
			if escaped {
				c.value = strings.ReplaceAll(c.value, `""`, `"`)
			}
			if strings.Contains(c.value, "\r\n") {
				c.value = strings.ReplaceAll(c.value, "\r\n", "\n")
			}
			i = j
			// After the closing quote: a comma, the line's end or the
			// source's, or encoding/csv reports an extraneous quote.
			switch {
			case i < len(src) && src[i] == ',':
				rec.cells = append(rec.cells, c)
				i++
				continue
			case i == len(src), src[i] == '\n', src[i] == '\r' && (i+1 == len(src) || src[i+1] == '\n'):
				rec.cells = append(rec.cells, c)
			default:
				return record{}, 0, false
			}
		} else {
			k := strings.IndexAny(src[i:], ",\n\"")
			switch {
			case k >= 0 && src[i+k] == '"':
				return record{}, 0, false // a bare quote
			case k >= 0 && src[i+k] == ',':
				c.value = src[i : i+k]
				rec.cells = append(rec.cells, c)
				i += k + 1
				continue
			case k >= 0: // the line's end
				c.value = strings.TrimSuffix(src[i:i+k], "\r")
				i += k
			default: // the source's end
				c.value = strings.TrimSuffix(src[i:], "\r")
				i = len(src)
			}
			rec.cells = append(rec.cells, c)
		}
		break
	}
	// i is at the line's end: "\n", "\r\n", a final "\r" or the source's end.
	next = i
	if k := strings.IndexByte(src[i:], '\n'); k >= 0 {
		next = i + k + 1
	} else {
		next = len(src)
	}
	end := next
	for end > start && (src[end-1] == '\n' || src[end-1] == '\r') {
		end--
	}
	rec.span = f.Span(start, end)
	return rec, next, true
}

// csvRecords yields the records of f from offset from, a line's start, as
// encoding/csv reads them, and reports the first syntax error.
func csvRecords(f *framework.File, from int, errs *errorList, yield func(record) bool) {
	// encoding/csv counts lines from from: its line n starts where f's
	// line base+n-1 does, but for the first (after a byte order mark).
	base := f.Position(from).Line
	lineStart := func(n int) int {
		if n <= 1 {
			return from
		}
		return f.LineStart(base + n - 1)
	}
	r := csv.NewReader(strings.NewReader(f.Src[from:]))
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	for {
		fields, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				off := lineStart(pe.Line) + pe.Column - 1
				if pe.Column == 0 {
					off = lineStart(pe.Line)
				}
				off = min(max(off, 0), len(f.Src))
				errs.Add(f.Span(off, off), pe.Err, "CSV syntax: %v; the rest of the file is not read", pe.Err)
			} else {
				errs.Add(f.Span(0, 0), err, "CSV: %v", err)
			}
			return
		}
		rec := record{cells: make([]cell, len(fields))}
		for i, v := range fields {
			line, col := r.FieldPos(i)
			off := lineStart(line) + col - 1
			rec.cells[i] = cell{value: verbatim(f.Src, off, v), start: off, f: f}
		}
		start := rec.cells[0].start
		end := int(r.InputOffset()) + from
		for end > start && (f.Src[end-1] == '\n' || f.Src[end-1] == '\r') {
			end--
		}
		rec.span = f.Span(start, end)
		if len(fields) > maxCSVFields {
			errs.Add(rec.span, nil, "CSV record has %d fields, more than the limit of %d; the rest of the file is not read", len(fields), maxCSVFields)
			return
		}
		if !yield(rec) {
			return
		}
	}
}

// verbatim returns the field v that starts at src[off] as src's own bytes
// when it is written there as it reads (quoted or not), so that the cells,
// and the texts taken from them, share the file's bytes and the reader's
// copy of the record is dropped. A field with "" or a quoted CRLF stays
// the reader's.
func verbatim(src string, off int, v string) string {
	if off < len(src) && src[off] == '"' {
		off++
	}
	if off >= 0 && off+len(v) <= len(src) && src[off:off+len(v)] == v {
		return src[off : off+len(v)]
	}
	return v
}

// widestRecord returns the start offset and field count of the first
// record of src with more than maxCSVFields fields, or of the widest
// record; quoted commas and line breaks are inside fields.
func widestRecord(src string) (off, n int) {
	fields, start := 1, 0
	best, bestOff := 0, 0
	for i := 0; i < len(src); {
		// Jump to the next byte that matters: outside quotes a quote, a
		// comma or a line feed.
		j := strings.IndexAny(src[i:], "\",\n")
		if j < 0 {
			break
		}
		i += j
		switch src[i] {
		case '"':
			// Inside quotes only the closing quote matters ("" reopens).
			k := strings.IndexByte(src[i+1:], '"')
			if k < 0 {
				i = len(src)
				continue
			}
			i += k + 2
			continue
		case ',':
			fields++
		case '\n':
			if fields > best {
				best, bestOff = fields, start
				if best > maxCSVFields {
					return bestOff, best
				}
			}
			fields, start = 1, i+1
		}
		i++
	}
	if fields > best {
		best, bestOff = fields, start
	}
	return bestOff, best
}

// csvHeader reads the first record of src and reports whether it is the
// given header.
func csvHeader(src string, want []string) bool {
	src = src[bomLen(src):]
	if len(src) == 0 || src[0] == '{' || src[0] == '<' {
		return false
	}
	// The header is on the first line; reading only it keeps detection
	// cheap on large downloads.
	if i := strings.IndexByte(src, '\n'); i >= 0 {
		src = src[:i]
	}
	r := csv.NewReader(strings.NewReader(src))
	r.FieldsPerRecord = -1
	fields, err := r.Read()
	if err != nil || len(fields) != len(want) {
		return false
	}
	for i, f := range fields {
		if !strings.EqualFold(strings.TrimSpace(f), want[i]) {
			return false
		}
	}
	return true
}

// table is a CSV download being read: its records after the header, and
// the document notes and errors.
type table struct {
	f          *framework.File
	doc        *framework.Document
	errs       errorList
	notes      notes // the document's, which done puts in it
	header     []string
	headerText string // the header as a CSV line, for messages
}

// readTable starts reading f as a CSV download with the given header.
func readTable(f *framework.File, header []string) *table {
	f.Decoder = csvDecoder{}
	return &table{f: f, doc: &framework.Document{}, header: header, headerText: strings.Join(header, ",")}
}

// rows yields the records after the header, each with cells of its own;
// a record whose width is not the header's is an error and is skipped.
func (t *table) rows() iter.Seq[record] { return t.readRows(&t.errs) }

// readRows is rows with its errors added to errs.
func (t *table) readRows(errs *errorList) iter.Seq[record] {
	return func(yield func(record) bool) {
		first := true
		for r := range readCSV(t.f, errs) {
			if first {
				first = false
				continue
			}
			if len(r.cells) != len(t.header) {
				errs.Add(r.span, nil, "record has %d fields, expected %d (%s); record skipped", len(r.cells), len(t.header), t.headerText)
				continue
			}
			r.cells = slices.Clone(r.cells)
			if !yield(r) {
				return
			}
		}
		if first && errs.len() == 0 {
			errs.Add(t.f.Span(0, 0), nil, "empty CSV: expected the header %q", t.headerText)
		}
	}
}

func (t *table) note(code string, sp framework.Span, format string, args ...any) {
	t.notes.add(code, sp, format, args...)
}

// done puts the notes in the document and returns it with the errors.
func (t *table) done() (*framework.Document, errorList) {
	t.doc.Notes = t.notes.done()
	return t.doc, t.errs
}

// duplicate reports whether r repeats an earlier record exactly, and
// notes it.
func (t *table) duplicate(seen *rowSet, r record) bool {
	_, dup := t.duplicateHashed(seen, r, seen.hash(r))
	return dup
}

// hash returns the hash under which seen files r.
func (seen *rowSet) hash(r record) uint64 {
	h := maphash.Hash{}
	h.SetSeed(seen.seed)
	for _, c := range r.cells {
		h.WriteString(c.value)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// duplicateHashed is duplicate for a record whose hash k is known.
// It returns the record r repeats.
func (t *table) duplicateHashed(seen *rowSet, r record, k uint64) (record, bool) {
	for _, first := range seen.rows[k] {
		if sameCells(first.cells, r.cells) {
			t.note("duplicate-row", r.span, "row repeats the row at line %d exactly; the repeat is left out", first.span.Pos().Line)
			return first, true
		}
	}
	seen.rows[k] = append(seen.rows[k], r)
	return record{}, false
}

// rowSet holds the rows read so far, filed by a hash of their cells, so
// that finding a repeat neither copies a row nor compares it with every
// other.
type rowSet struct {
	seed maphash.Seed
	rows map[uint64][]record
}

func newRowSet() *rowSet { return &rowSet{seed: maphash.MakeSeed(), rows: map[uint64][]record{}} }

func sameCells(a, b []cell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].value != b[i].value {
			return false
		}
	}
	return true
}

// untrimmed notes cells with space around their value.
func (n *notes) untrimmed(what string, cs ...cell) {
	for _, c := range cs {
		if c.untrimmed() {
			n.add("untrimmed-cell", c.text().Span, "%s %q has space around it in the CSV", what, strings.TrimSpace(c.value))
		}
	}
}

// Markers inside descriptor cells.
const (
	youCanBare       = "You can"
	missingCell      = "MISSING"
	rolesListDivider = ","
)

// prose is a multi-line cell split into its parts.
type prose struct {
	c          cell
	paragraphs []framework.Text // lines that are not bullets or markers
	bullets    []framework.Text // "- " bullets before any examples heading
	examples   []framework.Text // bullets after "Examples of leadership using this skill:"
	youCan     bool             // a "You can:" line was seen
	parts      []framework.CellPart
}

// cell returns the cell as written, in the given column, with the parts
// the model keeps: paragraphs as parts of kind para (the first max of
// them; none if para is ""), bullets and examples if asked.
func (p prose) cell(column string, para framework.PartKind, max int, bullets, examples bool) *framework.Cell {
	var parts []framework.CellPart
	n := 0
	for _, q := range p.parts {
		switch q.Kind {
		case framework.PartParagraph:
			if para == "" || n == max {
				continue
			}
			n++
			q.Kind = para
		case framework.PartBullet:
			if !bullets {
				continue
			}
		case framework.PartExample:
			if !examples {
				continue
			}
		}
		parts = append(parts, q)
	}
	return p.c.written(column, parts...)
}

// proseLine is what a line of a prose cell is.
type proseLine int

const (
	proseParagraph proseLine = iota
	proseYouCan
	proseYouCanBare // "You can" without its colon
	proseExamples   // the leadership examples heading
	proseMarker     // "At this role level, you will:" and the like
	proseBullet
)

func proseLineOf(v string) proseLine {
	switch {
	case v == framework.PhraseYouCan:
		return proseYouCan
	case v == youCanBare:
		return proseYouCanBare
	case v == framework.PhraseLeadershipExamples:
		return proseExamples
	case v == framework.PhraseRoleWill || v == framework.PhraseLevelWill:
		return proseMarker
	case strings.HasPrefix(v, "- ") || strings.HasPrefix(v, "• ") || strings.HasPrefix(v, "* "):
		return proseBullet
	}
	return proseParagraph
}

// splitProse reads a descriptor or description cell: paragraphs, "You
// can:" and "At this role level, you will:" markers, "- " bullets. A
// "You can" without its colon is noted.
func (n *notes) splitProse(c cell) prose {
	p := prose{c: c}
	m := c.rawOffsets()
	lines := c.linesWith(m)
	// Count the lines of each kind first, so that each list is made once
	// at its size.
	var paragraphs, bullets, examples int
	inExamples := false
	for _, l := range lines {
		switch proseLineOf(l.Value) {
		case proseExamples:
			inExamples = true
		case proseBullet:
			if inExamples {
				examples++
			} else {
				bullets++
			}
		case proseParagraph:
			paragraphs++
		}
	}
	if paragraphs > 0 {
		p.paragraphs = make([]framework.Text, 0, paragraphs)
	}
	if bullets > 0 {
		p.bullets = make([]framework.Text, 0, bullets)
	}
	if examples > 0 {
		p.examples = make([]framework.Text, 0, examples)
	}
	if n := paragraphs + bullets + examples; n > 0 {
		p.parts = make([]framework.CellPart, 0, n)
	}
	inExamples = false
	for _, l := range lines {
		v := l.Value
		switch proseLineOf(v) {
		case proseYouCan:
			p.youCan = true
		case proseYouCanBare:
			p.youCan = true
			n.addFix("you-can-colon", l.Span, framework.PhraseYouCan, "%q has no colon: expected %q", v, framework.PhraseYouCan)
		case proseExamples:
			inExamples = true
		case proseMarker:
		case proseBullet:
			_, size := utf8.DecodeRuneInString(v)
			b, at := c.pieceAt(m, l.at+size, l.at+len(v))
			kind := framework.PartBullet
			if inExamples {
				p.examples = append(p.examples, b)
				kind = framework.PartExample
			} else {
				p.bullets = append(p.bullets, b)
			}
			p.parts = append(p.parts, framework.CellPart{Kind: kind, Start: at, End: at + len(b.Value)})
		default:
			p.paragraphs = append(p.paragraphs, l.Text)
			p.parts = append(p.parts, framework.CellPart{Kind: framework.PartParagraph, Start: l.at, End: l.at + len(v)})
		}
	}
	return p
}
