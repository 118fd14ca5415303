package parse

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"time"

	"github.com/ddat-tools/ddat/framework"
)

// The embedded snapshot's documents, parsed at build time: published.bin
// holds what parsing the embedded documents gives (their documents and
// errors), so that the first [Published] decodes it instead of parsing
// 2.7 MB. Run go generate after changing a parser or the model:
// TestPublishedSnapshot fails while the file is stale.
//
//go:generate go test -run ^TestPublishedSnapshot$ -update
//go:embed published.bin
var publishedSnapshot string

// published.bin holds one snapshot for each embedded document, in the
// order of the sources, each its length (an unsigned varint) then its
// bytes, so that one document can be decoded alone (see
// snapshotDocument). A snapshot's layout, for its documents and the errors
// met parsing them; numbers are unsigned varints (signed ones
// zig-zag encoded, as encoding/binary writes them):
//
//	magic, version
//	the sources: their number, then each one's name and SHA-256 (strings)
//	the string table: its number of strings, then each one's length and bytes
//	the sizes of the pools of values and slices (see snapReader.sizes)
//	the documents: their number, then each document
//	the errors: their number, then each error
//
// A string is 0 for "", 1 and an index into the table, or 2+k, an
// offset and a length: a substring of source k's text (the parsers'
// texts share their source's bytes, and so do the decoded ones). A
// pointer is 0 for nil, 1 followed by the value, or 2+id for the id-th
// value of its type met before; a slice is 0 for nil, 1 followed by its
// length and elements, or 2+id for the id-th non-empty slice of its type
// met before. So the decoded documents share what the parsed ones share;
// the values of each type are allocated at once, as are the elements of
// the slices of each type.
const (
	snapshotMagic   = "ddat-snapshot\n"
	snapshotVersion = 3
)

// snapshotSentinels are the sentinel errors an error of the snapshot can
// wrap, by index+1 (0: none).
var snapshotSentinels = []error{framework.ErrUnknownLevel, ErrNotFramework, ErrLimit}

// errSnapshot is why a snapshot cannot be decoded.
var errSnapshot = errors.New("parse: the embedded snapshot does not match its sources; run go generate ./parse")

// decodePublished decodes the snapshots of blob, made from sources one
// each (see published.bin's layout), into the documents and errors that
// parsing the sources gives. It fails if the snapshots were made from
// other sources, or are damaged.
func decodePublished(blob string, sources []publishedDoc) (docs []*framework.Document, errs framework.ErrorList, err error) {
	parts, err := snapshotParts(blob, len(sources))
	if err != nil {
		return nil, nil, err
	}
	for k, part := range parts {
		d, e, err := decodeSnapshot(part, sources[k:k+1])
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, d...)
		errs = append(errs, e...)
	}
	errs.Sort() // as parsing them one after another sorts them
	return docs, errs, nil
}

// snapshotParts cuts blob into its n snapshots.
func snapshotParts(blob string, n int) ([]string, error) {
	parts := make([]string, n)
	for k := range parts {
		size, m := binary.Uvarint([]byte(blob[:min(len(blob), binary.MaxVarintLen64)]))
		if m <= 0 || size > uint64(len(blob)-m) {
			return nil, errSnapshot
		}
		parts[k] = blob[m : m+int(size)]
		blob = blob[m+int(size):]
	}
	if blob != "" {
		return nil, errSnapshot
	}
	return parts, nil
}

// decodeSnapshot decodes the documents and errors of a snapshot made
// from sources. It fails if the snapshot was made from other sources, or
// is damaged.
func decodeSnapshot(blob string, sources []publishedDoc) (docs []*framework.Document, errs framework.ErrorList, err error) {
	return decodeSnapshotAs(blob, sources, nil)
}

// decodeSnapshotAs is decodeSnapshot naming the file of source k
// names[k] instead of its own name where names[k] is not "". The
// documents' texts are cut from the sources' src, as their parsers cut
// them; the errors keep the sources' names.
func decodeSnapshotAs(blob string, sources []publishedDoc, names []string) (docs []*framework.Document, errs framework.ErrorList, err error) {
	defer func() {
		if recover() != nil {
			docs, errs, err = nil, nil, errSnapshot
		}
	}()
	r := &snapReader{s: blob, sources: sources, names: names}
	if len(blob) < len(snapshotMagic) || blob[:len(snapshotMagic)] != snapshotMagic {
		return nil, nil, errSnapshot
	}
	r.i = len(snapshotMagic)
	if r.uint() != snapshotVersion {
		return nil, nil, errSnapshot
	}
	// The sources are named first, as raw strings: the table follows.
	if r.len() != len(sources) {
		return nil, nil, errSnapshot
	}
	for _, p := range sources {
		if r.raw() != p.name || r.raw() != p.sha256 {
			return nil, nil, errSnapshot
		}
	}
	r.strs = make([]string, r.len())
	for i := range r.strs {
		r.strs[i] = r.raw()
	}
	r.sizes()
	docs = make([]*framework.Document, r.len())
	for i := range docs {
		docs[i] = r.document()
	}
	if n := r.len(); n > 0 {
		errs = make(framework.ErrorList, n)
		for i := range errs {
			errs[i] = r.error()
		}
	}
	if r.i != len(r.s) {
		return nil, nil, errSnapshot
	}
	return docs, errs, nil
}

// snapReader reads a snapshot. It panics on damaged input, which
// [decodeSnapshot] recovers.
type snapReader struct {
	s       string
	i       int
	sources []publishedDoc
	names   []string          // the files' names by source where not "" (see decodeSnapshotAs)
	files   []*framework.File // by source
	strs    []string

	skills       ptrPool[framework.Skill]
	skillLevels  ptrPool[framework.SkillLevel]
	roles        ptrPool[framework.Role]
	levels       ptrPool[framework.RoleLevel]
	requirements ptrPool[framework.Requirement]
	cells        ptrPool[framework.Cell]
	changes      ptrPool[framework.Change]

	textSlices   slicePool[framework.Text]
	skillSlices  slicePool[*framework.Skill]
	skillLevelss slicePool[*framework.SkillLevel]
	roleSlices   slicePool[*framework.Role]
	levelSlices  slicePool[*framework.RoleLevel]
	reqSlices    slicePool[*framework.Requirement]
	cellSlices   slicePool[*framework.Cell]
	refSlices    slicePool[framework.RoleRef]
	sharedSlices slicePool[framework.SharedSkills]
	partSlices   slicePool[framework.CellPart]
	noteSlices   slicePool[framework.Note]
	changeSlices slicePool[*framework.Change]
}

// sizes reads the pools' sizes, in the order the writer gives them.
func (r *snapReader) sizes() {
	r.skills.make(r)
	r.skillLevels.make(r)
	r.roles.make(r)
	r.levels.make(r)
	r.requirements.make(r)
	r.cells.make(r)
	r.changes.make(r)
	r.textSlices.make(r)
	r.skillSlices.make(r)
	r.skillLevelss.make(r)
	r.roleSlices.make(r)
	r.levelSlices.make(r)
	r.reqSlices.make(r)
	r.cellSlices.make(r)
	r.refSlices.make(r)
	r.sharedSlices.make(r)
	r.partSlices.make(r)
	r.noteSlices.make(r)
	r.changeSlices.make(r)
}

// ptrPool holds the values of one type that a snapshot's pointers point
// to, allocated at once: the n-th value met is slab[n].
type ptrPool[T any] struct {
	slab []T
	n    int
}

func (p *ptrPool[T]) make(r *snapReader) { p.slab = make([]T, r.len()) }

// slicePool holds the slices of one element type of a snapshot, cut
// from one array: elems holds the elements of each slice in the order
// met, refs the non-empty slices met.
type slicePool[T any] struct {
	elems []T
	refs  [][]T
}

func (p *slicePool[T]) make(r *snapReader) {
	p.elems = make([]T, r.len())
	p.refs = make([][]T, 0, r.len())
}

func (r *snapReader) uint() uint64 {
	var x uint64
	for shift := uint(0); ; shift += 7 {
		b := r.s[r.i] // panics past the end
		r.i++
		if shift == 63 && b > 1 {
			panic(errSnapshot)
		}
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x
		}
	}
}

func (r *snapReader) int() int {
	u := r.uint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return int(x)
}

// len reads a length, at most the bytes left.
func (r *snapReader) len() int {
	n := r.uint()
	if n > uint64(len(r.s)-r.i) {
		panic(errSnapshot)
	}
	return int(n)
}

func (r *snapReader) bool() bool { return r.uint() != 0 }

// raw reads a length and that many bytes.
func (r *snapReader) raw() string {
	n := r.len()
	s := r.s[r.i : r.i+n]
	r.i += n
	return s
}

func (r *snapReader) str() string {
	switch tag := r.uint(); tag {
	case 0:
		return ""
	case 1:
		return r.strs[r.uint()]
	default:
		src := r.sources[tag-2].src
		off := r.uint()
		n := r.uint()
		return src[off : off+n]
	}
}

func (r *snapReader) file() *framework.File {
	k := r.uint()
	if k == 0 {
		return nil
	}
	return r.files[k-1]
}

func (r *snapReader) span() framework.Span {
	f := r.file()
	if f == nil {
		return framework.Span{}
	}
	start := r.int()
	return framework.Span{File: f, Start: start, End: start + r.int()}
}

func (r *snapReader) text() framework.Text {
	v := r.str()
	return framework.Text{Value: v, Span: r.span()}
}

func (r *snapReader) date() framework.Date {
	d := framework.Date{Text: r.text()}
	if r.bool() {
		d.Time = time.Unix(int64(r.int()), 0).UTC()
	}
	return d
}

// readPtr reads a pointer to a T of pool.
func readPtr[T any](r *snapReader, pool *ptrPool[T], read func(*T)) *T {
	switch tag := r.uint(); tag {
	case 0:
		return nil
	case 1:
		p := &pool.slab[pool.n]
		pool.n++
		read(p)
		return p
	default:
		return &pool.slab[tag-2]
	}
}

// readSlice reads a slice of T of pool.
func readSlice[T any](r *snapReader, pool *slicePool[T], read func(*T)) []T {
	switch tag := r.uint(); tag {
	case 0:
		return nil
	case 1:
		n := r.len()
		if n == 0 {
			return []T{}
		}
		s := pool.elems[:n:n]
		pool.elems = pool.elems[n:]
		pool.refs = append(pool.refs, s)
		for i := range s {
			read(&s[i])
		}
		return s
	default:
		return pool.refs[tag-2]
	}
}

func (r *snapReader) texts() []framework.Text {
	return readSlice(r, &r.textSlices, func(t *framework.Text) { *t = r.text() })
}

func (r *snapReader) cellList() []*framework.Cell {
	return readSlice(r, &r.cellSlices, func(p **framework.Cell) {
		*p = readPtr(r, &r.cells, func(c *framework.Cell) {
			c.Column = r.str()
			c.Raw = r.str()
			c.Parts = readSlice(r, &r.partSlices, func(p *framework.CellPart) {
				p.Kind = framework.PartKind(r.str())
				p.Start = r.int()
				p.End = r.int()
			})
		})
	})
}

func (r *snapReader) document() *framework.Document {
	d := &framework.Document{}
	// The document's file: its source, and its decoder.
	k := r.uint()
	p := r.sources[k]
	name := p.name
	if int(k) < len(r.names) && r.names[k] != "" {
		name = r.names[k]
	}
	f := framework.NewFile(name, p.src)
	switch r.uint() {
	case 0:
	case 1:
		f.Decoder = csvDecoder{}
	case 2:
		f.Decoder = markdownDecoder{}
	case 3:
		f.Decoder = htmlDecoder{}
	default:
		panic(errSnapshot)
	}
	if len(r.files) != int(k) {
		panic(errSnapshot)
	}
	r.files = append(r.files, f)
	d.File = f
	d.Format = framework.Format(r.str())
	d.Title = r.text()
	d.Published = r.date()
	d.Updated = r.date()
	d.Edition = framework.Edition{Date: r.str(), SHA256: r.str()}
	d.Skills = readSlice(r, &r.skillSlices, func(p **framework.Skill) { *p = readPtr(r, &r.skills, r.skill) })
	d.Roles = readSlice(r, &r.roleSlices, func(p **framework.Role) { *p = readPtr(r, &r.roles, r.role) })
	d.Notes = readSlice(r, &r.noteSlices, func(n *framework.Note) {
		n.Code = r.str()
		n.Message = r.str()
		n.Span = r.span()
		n.Fix = r.str()
	})
	d.Changes = readSlice(r, &r.changeSlices, func(p **framework.Change) {
		*p = readPtr(r, &r.changes, func(c *framework.Change) {
			c.Date = r.date()
			c.Page = r.text()
			c.Note = r.text()
			c.Span = r.span()
		})
	})
	return d
}

func (r *snapReader) skill(s *framework.Skill) {
	s.Name = r.text()
	s.Slug = r.str()
	s.Description = r.text()
	s.Levels = readSlice(r, &r.skillLevelss, func(p **framework.SkillLevel) {
		*p = readPtr(r, &r.skillLevels, func(l *framework.SkillLevel) {
			l.Level = framework.Level(r.int())
			l.Heading = r.text()
			l.Status = framework.LevelStatus(r.int())
			l.Placeholder = r.text()
			l.Descriptors = r.texts()
			l.Span = r.span()
		})
	})
	s.SeniorCivilService = r.bool()
	s.Requirements = r.texts()
	s.LeadershipExamples = r.texts()
	s.Legacy = r.bool()
	s.Roles = readSlice(r, &r.refSlices, func(x *framework.RoleRef) {
		x.Name = r.text()
		x.Slug = r.str()
	})
	s.Span = r.span()
	s.Cells = r.cellList()
}

func (r *snapReader) role(x *framework.Role) {
	x.Name = r.text()
	x.Slug = r.str()
	x.Family = r.text()
	x.Description = r.texts()
	x.SeniorCivilService = r.bool()
	x.Legacy = r.bool()
	x.LevelCount = framework.Count{Count: r.int(), Text: r.text()}
	x.Levels = readSlice(r, &r.levelSlices, func(p **framework.RoleLevel) {
		*p = readPtr(r, &r.levels, func(l *framework.RoleLevel) {
			l.Number = r.int()
			l.Name = r.text()
			l.Description = r.texts()
			l.Responsibilities = r.texts()
			l.Grades = r.texts()
			l.InferredOrder = r.str()
			l.Skills = r.requirementList()
			l.Span = r.span()
			l.Cells = r.cellList()
		})
	})
	x.Responsibilities = r.texts()
	x.Skills = r.requirementList()
	x.SharedSkills = readSlice(r, &r.sharedSlices, func(s *framework.SharedSkills) {
		s.Role = r.text()
		s.Skills = r.texts()
	})
	x.Span = r.span()
	x.Cells = r.cellList()
}

func (r *snapReader) requirementList() []*framework.Requirement {
	return readSlice(r, &r.reqSlices, func(p **framework.Requirement) {
		*p = readPtr(r, &r.requirements, func(q *framework.Requirement) {
			q.Skill = r.text()
			q.Level = framework.Level(r.int())
			q.LevelText = r.text()
			q.Scale = r.text()
			q.Description = r.text()
			q.Descriptors = r.texts()
			q.LeadershipExamples = r.texts()
			q.Repeats = r.int()
			q.Span = r.span()
			q.Cells = r.cellList()
		})
	})
}

func (r *snapReader) error() *framework.Error {
	e := &framework.Error{}
	e.Pos = framework.Position{Filename: r.str(), Offset: r.int(), Line: r.int(), Column: r.int()}
	e.Msg = r.str()
	if k := r.uint(); k > 0 {
		e.Err = snapshotSentinels[k-1]
	}
	return e
}
