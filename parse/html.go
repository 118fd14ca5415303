package parse

import (
	"cmp"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/ddat-tools/ddat/framework"
)

// The older gov.uk guidance pages as served in HTML hold the role in
// div.govspeak: an h2 per section ("Introduction to the role of …", then
// one per role level, then "Read more"), "At this role level, you will:"
// lists, and h3 "Skills needed …" lists of
//
//	<li><strong>Skill</strong>. You can … (Skill level: practitioner)</li>
//
// golang.org/x/net/html's tree keeps no positions, so the page is read
// with its tokenizer, counting the raw bytes of every token.

// maxHTMLDepth bounds element nesting inside the content.
const maxHTMLDepth = 512

// looksLikeLegacyHTML reports whether src is an HTML page with a govspeak
// content block that uses the guidance's skill-level sentences.
func looksLikeLegacyHTML(src string) bool {
	head := src[bomLen(src):]
	head = strings.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	return strings.Contains(src, `class="govspeak"`) &&
		(strings.Contains(src, "(Skill level:") || strings.Contains(src, "(Relevant skill level:"))
}

// piece is a run of text of an HTML text token: its decoded value and
// where its bytes came from in the raw bytes.
type piece struct {
	value string
	start int   // the raw offset of the token
	segs  []seg // nil when value is the raw text at start itself
}

// seg maps the decoded bytes from dec up to the next seg's dec to raw
// bytes: those of a plain run each to the raw byte at raw plus its
// distance from dec, those of a character reference each to all of
// [raw, rawEnd).
type seg struct {
	dec, raw, rawEnd int
	ref              bool
}

// appendSeg appends s to segs, merging a plain run into the plain run
// before it that it continues. A seg that maps no byte is not appended.
func appendSeg(segs []seg, s seg, decEnd int) []seg {
	if s.dec == decEnd {
		return segs
	}
	if n := len(segs); n > 0 && !s.ref && !segs[n-1].ref && segs[n-1].raw+s.dec-segs[n-1].dec == s.raw {
		return segs
	}
	return append(segs, s)
}

// decodeText unescapes the raw text at src[start:end], mapping each
// decoded byte to its raw bytes (all bytes of a character reference map
// to the whole reference). A text without a reference is returned as
// it is, with no segments.
func decodeText(src string, start, end int) piece {
	if strings.IndexByte(src[start:end], '&') < 0 {
		return piece{value: src[start:end], start: start}
	}
	var b strings.Builder
	b.Grow(end - start)
	p := piece{start: start}
	for i := start; i < end; {
		if src[i] != '&' {
			// A run of plain bytes up to the next reference.
			j := strings.IndexByte(src[i:end], '&')
			if j < 0 {
				j = end - i
			}
			p.segs = appendSeg(p.segs, seg{dec: b.Len(), raw: i}, b.Len()+j)
			b.WriteString(src[i : i+j])
			i += j
			continue
		}
		j := i + 1
		for j < end && j-i <= 32 && src[j] != ';' && src[j] != '&' && src[j] != '<' && !isASCIISpace(src[j]) {
			j++
		}
		if j < end && src[j] == ';' {
			j++
		}
		ref := src[i:j]
		dec := html.UnescapeString(ref)
		// A reference may decode only its start ("&ampx" reads "&x"), or
		// nothing: the bytes after it are plain.
		plain := 0
		for plain < len(dec)-1 && dec[len(dec)-1-plain] == ref[len(ref)-1-plain] {
			plain++
		}
		if dec == ref {
			plain = len(ref)
		}
		d := b.Len()
		p.segs = appendSeg(p.segs, seg{dec: d, raw: i, rawEnd: j - plain, ref: true}, d+len(dec)-plain)
		p.segs = appendSeg(p.segs, seg{dec: d + len(dec) - plain, raw: j - plain}, d+len(dec))
		b.WriteString(dec)
		i = j
	}
	p.value = b.String()
	return p
}

func isASCIISpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// runs is the text of an element as a sequence of pieces, with helpers to
// cut it into positioned Texts.
type runs struct {
	f      *framework.File
	value  strings.Builder
	segs   []seg  // where the bytes of value came from, as in piece
	strong [2]int // decoded range of the first <strong>, if any
	hasStr bool
}

func (r *runs) add(p piece) {
	base := r.value.Len()
	if p.segs == nil {
		r.segs = appendSeg(r.segs, seg{dec: base, raw: p.start}, base+len(p.value))
	}
	for _, s := range p.segs {
		s.dec += base
		r.segs = appendSeg(r.segs, s, -1) // each of p's segs maps bytes
	}
	r.value.WriteString(p.value)
}

// at returns the raw bytes [start, end) that the decoded byte i came from.
func (r *runs) at(i int) (start, end int) {
	k, _ := slices.BinarySearchFunc(r.segs, i, func(s seg, i int) int { return cmp.Compare(s.dec, i+1) })
	s := r.segs[k-1]
	if s.ref {
		return s.raw, s.rawEnd
	}
	start = s.raw + i - s.dec
	return start, start + 1
}

// text returns the trimmed Text of the decoded range [a, b), with spaces
// inside collapsed as a browser shows them. Its span runs from the raw
// bytes of its first character to the end of those of its last, and
// [htmlDecoder] maps its value back to them.
func (r *runs) text(a, b int) framework.Text {
	v := r.value.String()
	for a < b && isSpaceByte(v[a]) {
		a++
	}
	for b > a && isSpaceByte(v[b-1]) {
		b--
	}
	if a == b {
		return framework.Text{}
	}
	start, _ := r.at(a)
	_, end := r.at(b - 1)
	return framework.Text{Value: collapse(v[a:b]), Span: r.f.Span(start, end)}
}

func isSpaceByte(c byte) bool { return isASCIISpace(c) }

func (r *runs) all() framework.Text { return r.text(0, r.value.Len()) }

// block is a heading, paragraph or list item of the content.
type block struct {
	tag  atom.Atom
	text *runs
}

func parseLegacyHTML(f *framework.File) (*framework.Document, errorList) {
	f.Decoder = htmlDecoder{}
	var errs errorList
	doc := &framework.Document{}
	blocks, title, published, updated := htmlBlocks(f, &errs)
	doc.Title = title
	if d, ok := parseDate(published); ok {
		doc.Published = d
	}
	if d, ok := parseDate(updated); ok {
		doc.Updated = d
	}
	g := &guidance{f: f, doc: doc}
	for _, b := range blocks {
		g.block(b)
	}
	doc.Notes = g.notes.done()
	switch {
	case g.role == nil:
		errs.Add(f.Span(0, 0), nil, "no role found: expected an h2 %q in div.govspeak", legacyIntro+"…")
	case len(g.role.Levels) == 0:
		errs.Add(g.role.Name.Span, nil, "role %q has no role levels: expected an h2 per level followed by an h3 %q", g.role.Name.Value, "Skills needed for this role level")
	}
	return doc, errs
}

// htmlBlocks tokenizes the page, returning the blocks of div.govspeak,
// the h1 title and the "Published" and "Last updated" metadata.
func htmlBlocks(f *framework.File, errs *errorList) (blocks []block, title, published, updated framework.Text) {
	z := html.NewTokenizer(strings.NewReader(f.Src))
	off := 0
	var (
		inContent  int // depth inside div.govspeak; 0 outside
		cur        *runs
		curTag     atom.Atom
		inStrong   bool
		inH1       bool
		h1         = &runs{f: f}
		term       string // the last metadata term ("Published")
		inDD       bool
		dd         *runs
		depthError bool
	)
	flush := func() {
		if cur != nil && cur.value.Len() > 0 {
			blocks = append(blocks, block{tag: curTag, text: cur})
		}
		cur = nil
	}
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				errs.Add(f.Span(start, start), z.Err(), "HTML: %v", z.Err())
			}
			flush()
			if inH1 || h1.value.Len() > 0 {
				title = h1.all()
			}
			return blocks, title, published, updated
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			var class string
			// Only a div's class outside the content is read.
			for hasAttr && a == atom.Div && inContent == 0 {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) == "class" {
					class = string(v)
				}
			}
			if tt == html.SelfClosingTagToken {
				continue
			}
			if inContent > 0 {
				if voidElement(a) {
					continue
				}
				inContent++
				if inContent > maxHTMLDepth && !depthError {
					depthError = true
					errs.Add(f.Span(start, start+len(raw)), nil, "HTML nested more than %d elements deep inside div.govspeak; the content below is not read", maxHTMLDepth)
				}
				switch a {
				case atom.H2, atom.H3, atom.P, atom.Li:
					flush()
					cur, curTag = &runs{f: f}, a
				case atom.Strong, atom.B:
					if cur != nil && !cur.hasStr {
						inStrong = true
						cur.strong[0] = cur.value.Len()
					}
				}
				continue
			}
			switch {
			case a == atom.Div && hasClass(class, "govspeak"):
				inContent = 1
			case a == atom.H1:
				inH1 = true
			case a == atom.Dt:
				term = ""
			case a == atom.Dd:
				inDD, dd = true, &runs{f: f}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if inContent > 0 {
				if voidElement(a) {
					continue
				}
				inContent--
				switch a {
				case atom.Strong, atom.B:
					if inStrong {
						inStrong = false
						cur.strong[1] = cur.value.Len()
						cur.hasStr = true
					}
				case atom.H2, atom.H3, atom.P, atom.Li:
					flush()
				}
				if inContent == 0 {
					flush()
				}
				continue
			}
			switch a {
			case atom.H1:
				inH1 = false
			case atom.Dd:
				if inDD {
					v := dd.all()
					// "30 August 2022 — see all updates": keep the date.
					if i := strings.Index(v.Value, " —"); i > 0 {
						v = sub(v, 0, i)
					}
					switch term {
					case "Published":
						published = v
					case "Last updated":
						updated = v
					}
				}
				inDD = false
			}
		case html.TextToken:
			p := decodeText(f.Src, start, start+len(raw))
			switch {
			case inContent > 0 && inContent <= maxHTMLDepth:
				if cur == nil {
					if strings.TrimSpace(p.value) == "" {
						continue
					}
					cur, curTag = &runs{f: f}, atom.P
				}
				cur.add(p)
			case inH1:
				h1.add(p)
			case inDD:
				dd.add(p)
			default:
				if v := strings.TrimSpace(p.value); v != "" {
					term = v
				}
			}
		}
	}
}

func hasClass(class, want string) bool {
	for _, c := range strings.Fields(class) {
		if c == want {
			return true
		}
	}
	return false
}

// voidElement reports elements that have no end tag.
func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Br, atom.Img, atom.Hr, atom.Input, atom.Meta, atom.Link, atom.Wbr, atom.Source, atom.Area, atom.Base, atom.Col, atom.Embed, atom.Param, atom.Track:
		return true
	}
	return false
}

type guidanceMode int

const (
	gTop guidanceMode = iota
	gRole
	gRoleSkills
	gLevel
	gLevelSkills
	gAfter
)

// guidance reads the content blocks of a guidance page.
type guidance struct {
	f     *framework.File
	doc   *framework.Document
	mode  guidanceMode
	role  *framework.Role
	level *framework.RoleLevel
	notes notes // the document's
}

func (g *guidance) note(code string, sp framework.Span, format string, args ...any) {
	g.notes.add(code, sp, format, args...)
}

func (g *guidance) block(b block) {
	t := b.text.all()
	if t.Value == "" || g.mode == gAfter {
		return
	}
	switch b.tag {
	case atom.H2:
		switch {
		case strings.HasPrefix(t.Value, legacyIntro):
			name := g.doc.Title
			if name.Value == "" {
				name = sub(t, len(legacyIntro), len(t.Value))
			}
			g.role = &framework.Role{Name: name, Slug: framework.Slug(name.Value), Legacy: true, Span: t.Span}
			g.doc.Roles = append(g.doc.Roles, g.role)
			g.mode = gRole
		case legacyEnd[t.Value]:
			g.mode = gAfter
		case g.role == nil:
			g.note("unexpected-text", t.Span, "heading %q before %q; kept out of the framework", t.Value, legacyIntro+"…")
		default:
			g.level = &framework.RoleLevel{Number: len(g.role.Levels) + 1, Name: t, Span: t.Span}
			g.role.Levels = append(g.role.Levels, g.level)
			g.mode = gLevel
		}
		return
	case atom.H3:
		switch {
		case g.role == nil:
		case strings.HasPrefix(t.Value, "Skills needed to be ") || strings.HasPrefix(t.Value, legacyRoleSkills):
			g.mode = gRoleSkills
		case strings.HasPrefix(t.Value, "Skills needed for this role"):
			if g.level == nil {
				g.mode = gRoleSkills
				return
			}
			g.mode = gLevelSkills
		default:
			g.note("unexpected-text", t.Span, "heading %q; kept out of the framework", t.Value)
		}
		g.grow(t)
		return
	}
	if g.role == nil {
		return // the preamble: "This describes the role of …"
	}
	g.grow(t)
	switch g.mode {
	case gRole:
		if b.tag == atom.Li {
			g.role.Responsibilities = append(g.role.Responsibilities, t)
		} else if t.Value != framework.PhraseRoleWill {
			g.role.Description = append(g.role.Description, t)
		}
	case gLevel:
		if b.tag == atom.Li {
			g.level.Responsibilities = append(g.level.Responsibilities, t)
		} else if t.Value != framework.PhraseLevelWill {
			g.level.Description = append(g.level.Description, t)
		}
	case gRoleSkills, gLevelSkills:
		if b.tag != atom.Li {
			return // "You will need the following skills …"
		}
		r := g.skillItem(b.text)
		if r == nil {
			g.note("unexpected-text", t.Span, "list item %q is not \"<strong>Skill</strong>. Description\"; kept out of the framework", clip(t.Value))
			return
		}
		if g.mode == gRoleSkills {
			g.role.Skills = append(g.role.Skills, r)
			return
		}
		if r.LevelText.Value == "" {
			g.note("no-skill-level", t.Span, "skill %q states no level: expected \"(Skill level: …)\" at the end of its item", r.Skill.Value)
		}
		g.level.Skills = append(g.level.Skills, r)
	}
}

func (g *guidance) grow(t framework.Text) {
	if g.role != nil {
		g.role.Span = spanOf(g.f, g.role.Span, t.Span)
	}
	if g.level != nil {
		g.level.Span = spanOf(g.f, g.level.Span, t.Span)
	}
}

// skillItem reads "<strong>Skill</strong>. Description (Skill level: x)".
func (g *guidance) skillItem(r *runs) *framework.Requirement {
	if !r.hasStr {
		return nil
	}
	name := r.text(r.strong[0], r.strong[1])
	if name.Value == "" {
		return nil
	}
	v := r.value.String()
	a, b := r.strong[1], len(v)
	for a < b && (v[a] == '.' || isSpaceByte(v[a])) {
		a++
	}
	for b > a && isSpaceByte(v[b-1]) {
		b--
	}
	req := &framework.Requirement{Skill: name, Span: r.all().Span}
	if b > a && v[b-1] == ')' {
		if open := strings.LastIndex(v[a:b], "("); open >= 0 {
			inner := v[a+open+1 : b-1]
			if label, lv, ok := strings.Cut(inner, ":"); ok && strings.HasSuffix(strings.ToLower(strings.TrimSpace(label)), "skill level") {
				ls := b - 1 - len(lv)
				req.LevelText = r.text(ls, b-1)
				requirementLevel(req)
				b = a + open
			}
		}
	}
	req.Description = r.text(a, b)
	return req
}

// htmlDecoder maps a text of a page back to its raw bytes: the text of
// its text tokens, character references decoded, with each run of white
// space shown as one space (as [runs.text] reads it), and its tags and
// comments decoding to nothing.
type htmlDecoder struct{}

// textRuns returns the decoded text tokens of raw HTML, each with its
// place in raw.
func textRuns(raw string) *runs {
	r := &runs{}
	z := html.NewTokenizer(strings.NewReader(raw))
	for off := 0; ; {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		n := len(z.Raw())
		if tt == html.TextToken {
			r.add(decodeText(raw, off, off+n))
		}
		off += n
	}
	return r
}

func (htmlDecoder) Segments(raw, value string, seg func(framework.Segment)) bool {
	r := textRuns(raw)
	if !r.segments(raw, value, nil) {
		// The text of an element whose content is text whatever it
		// holds (<xmp>, <textarea>), which tokenised out of its element
		// may read as tags: one text token, as the parser read it.
		r = &runs{}
		r.add(decodeText(raw, 0, len(raw)))
		if !r.segments(raw, value, nil) {
			return false
		}
	}
	return r.segments(raw, value, seg)
}

// segments is [htmlDecoder.Segments] for the text tokens r of raw; with
// seg nil, it only reports whether value is them decoded.
func (r *runs) segments(raw, value string, seg func(framework.Segment)) bool {
	d := r.value.String()
	spaces := func(i int) int { // the end of the run of white space at d[i:]
		for i < len(d) {
			c, n := utf8.DecodeRuneInString(d[i:])
			if !unicode.IsSpace(c) {
				break
			}
			i += n
		}
		return i
	}
	add := func(k, a, b int) {
		if seg != nil {
			seg(framework.Segment{V: k, N: 1, Raw: a, End: b, Plain: b == a+1 && raw[a] == value[k]})
		}
	}
	i := spaces(0)
	for k := 0; k < len(value); k++ {
		if value[k] == ' ' {
			j := spaces(i)
			if j == i {
				return false
			}
			a, _ := r.at(i)
			_, b := r.at(j - 1)
			add(k, a, b)
			i = j
			continue
		}
		if i >= len(d) || d[i] != value[k] {
			return false
		}
		a, b := r.at(i)
		add(k, a, b)
		i++
	}
	return spaces(i) == len(d)
}
