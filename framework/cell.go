package framework

import "strings"

// Cell is a table cell as its source wrote it, kept so that a writer gives
// the source's bytes back: Raw is the decoded cell, with its space, line
// breaks, markers, bullet signs and invisible characters, and Parts say
// where in Raw the texts the model took from the cell are, in the order
// written. What lies outside the parts is the cell's layout.
//
// [ExportCSV] writes a cell from Raw, each part replaced by the model's
// text of that kind and rank, as long as the model still holds exactly
// one text for each part; otherwise (the model was changed, or merged from
// another source) it writes the cell in its normal layout. Parsers of
// tables fill in the cells; code that builds a model leaves them nil.
type Cell struct {
	Column string     // the header of the cell's column ("Role Description")
	Raw    string     // the decoded cell, untrimmed
	Parts  []CellPart // in Raw order, not overlapping
}

// CellPart is where one of the model's texts stands in [Cell.Raw].
type CellPart struct {
	Kind       PartKind
	Start, End int // byte offsets into Raw
}

// PartKind says which of an element's lists a [CellPart] belongs to.
type PartKind string

// The kinds of cell parts. The n-th part of a kind is the n-th text of
// that list of the element: [PartParagraph] a description paragraph,
// [PartBullet] a responsibility, descriptor or requirement,
// [PartExample] a leadership example, [PartRole] a role named in a list.
// [PartText] is the one text of a cell; a cell with several PartText
// parts holds one text whose lines they are, joined by "\n".
const (
	PartText      PartKind = "text"
	PartParagraph PartKind = "paragraph"
	PartBullet    PartKind = "bullet"
	PartExample   PartKind = "example"
	PartRole      PartKind = "role"
)

// Valid reports whether k is one of the part kinds.
func (k PartKind) Valid() bool {
	switch k {
	case PartText, PartParagraph, PartBullet, PartExample, PartRole:
		return true
	}
	return false
}

// CellOf returns the cell of cs in the given column, or nil.
func CellOf(cs []*Cell, column string) *Cell {
	for _, c := range cs {
		if c != nil && c.Column == column {
			return c
		}
	}
	return nil
}

// cellValues are the model's current texts for the parts of a cell,
// held as the model holds them (no copies).
type cellValues struct {
	text                          string // "" for none
	paragraphs, bullets, examples []Text
	roles                         []RoleRef
}

// count returns how many texts of kind k v holds.
func (v cellValues) count(k PartKind) int {
	switch k {
	case PartParagraph:
		return len(v.paragraphs)
	case PartBullet:
		return len(v.bullets)
	case PartExample:
		return len(v.examples)
	case PartRole:
		return len(v.roles)
	}
	return 0
}

// at returns the i-th text of kind k.
func (v cellValues) at(k PartKind, i int) string {
	switch k {
	case PartParagraph:
		return v.paragraphs[i].Value
	case PartBullet:
		return v.bullets[i].Value
	case PartExample:
		return v.examples[i].Value
	case PartRole:
		return v.roles[i].Name.Value
	}
	return ""
}

// write returns the cell as written with the model's texts v in its parts,
// and false if the cell does not fit v: a list of v has more or fewer
// texts than the cell has parts of its kind, or the parts are out of
// bounds.
func (c *Cell) write(v cellValues) (string, bool) {
	if c == nil {
		return "", false
	}
	count := map[PartKind]int{}
	var lines []string // of the PartText parts
	prev := 0
	for _, p := range c.Parts {
		if p.Start < prev || p.End < p.Start || p.End > len(c.Raw) || !p.Kind.Valid() {
			return "", false
		}
		prev = p.End
		if p.Kind == PartText {
			lines = append(lines, c.Raw[p.Start:p.End])
		}
		count[p.Kind]++
	}
	for _, k := range []PartKind{PartParagraph, PartBullet, PartExample, PartRole} {
		if count[k] != v.count(k) {
			return "", false
		}
	}
	if (v.text == "") != (len(lines) == 0) {
		return "", false
	}
	joined := strings.Join(lines, "\n")
	if len(lines) > 1 && joined != v.text {
		return "", false // several lines are one text: kept only as they were
	}
	if c.holds(v, len(lines) == 1) {
		return c.Raw, true // the texts as read: no need to copy
	}
	var b strings.Builder
	b.Grow(len(c.Raw))
	at, rank := 0, map[PartKind]int{}
	for _, p := range c.Parts {
		b.WriteString(c.Raw[at:p.Start])
		if p.Kind == PartText {
			if len(lines) == 1 {
				b.WriteString(v.text)
			} else {
				b.WriteString(c.Raw[p.Start:p.End])
			}
		} else {
			b.WriteString(v.at(p.Kind, rank[p.Kind]))
			rank[p.Kind]++
		}
		at = p.End
	}
	b.WriteString(c.Raw[at:])
	return b.String(), true
}

// holds reports whether each part of c holds the text of v it stands for
// (oneText: the cell's one text is one line, not several), so that c
// written with v is c.Raw. write checks first that c fits v.
func (c *Cell) holds(v cellValues, oneText bool) bool {
	rank := map[PartKind]int{}
	for _, p := range c.Parts {
		var want string
		switch {
		case p.Kind != PartText:
			want = v.at(p.Kind, rank[p.Kind])
			rank[p.Kind]++
		case oneText:
			want = v.text
		default:
			continue // several lines are written as they were
		}
		if c.Raw[p.Start:p.End] != want {
			return false
		}
	}
	return true
}
