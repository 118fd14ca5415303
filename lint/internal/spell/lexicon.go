package spell

// A Lexicon numbers the lookup forms of words (see [Fold]), in the order
// first met. A Lexicon with a base numbers only the forms its base lacks,
// after the base's; the base is not changed, so several lexicons can share
// it while rules run concurrently.
type Lexicon struct {
	base  *Lexicon
	ids   map[string]int32
	forms []string
}

func NewLexicon(base *Lexicon) *Lexicon {
	return &Lexicon{base: base, ids: map[string]int32{}}
}

// Size returns the number of forms numbered, the base's included.
func (x *Lexicon) Size() int {
	if x.base == nil {
		return len(x.forms)
	}
	return x.base.Size() + len(x.forms)
}

// lookup returns the number of form f, if it has one.
func (x *Lexicon) lookup(f string) (int32, bool) {
	if x.base != nil {
		if id, ok := x.base.lookup(f); ok {
			return id, true
		}
	}
	id, ok := x.ids[f]
	return id, ok
}

// Intern returns the number of form f, numbering it if it has none.
func (x *Lexicon) Intern(f string) int32 {
	if id, ok := x.lookup(f); ok {
		return id
	}
	id := int32(x.Size())
	x.ids[f] = id
	x.forms = append(x.forms, f)
	return id
}

// Form returns the form numbered id.
func (x *Lexicon) Form(id int32) string {
	if x.base != nil {
		n := int32(x.base.Size())
		if id < n {
			return x.base.Form(id)
		}
		id -= n
	}
	return x.forms[id]
}
