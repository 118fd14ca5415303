package spell

// A Lexicon numbers the lookup forms of words (see [Fold]), in the order
// first met. A Lexicon with a base numbers only the forms its base lacks,
// after the base's; the base is not changed, so several lexicons can share
// it while rules run concurrently.
type Lexicon struct {
	base  *Lexicon
	ids   map[string]int32
	forms []string
	// listed holds, for forms read from tokens written when the program
	// was built (see [Tokens]), whether the word list holds each (see
	// [listed]): 1 if it does, 2 if not, 0 if not known.
	listed []int8
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

// lookupBytes is lookup for a form in bytes, which it does not copy.
func (x *Lexicon) lookupBytes(f []byte) (int32, bool) {
	if x.base != nil {
		if id, ok := x.base.lookupBytes(f); ok {
			return id, true
		}
	}
	id, ok := x.ids[string(f)]
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

// knownListed returns what x knows of whether the form numbered id is
// listed (see [Lexicon.listed]): 1, 2, or 0 if it does not know.
func (x *Lexicon) knownListed(id int32) int8 {
	if x.base != nil {
		n := int32(x.base.Size())
		if id < n {
			return x.base.knownListed(id)
		}
		id -= n
	}
	if int(id) < len(x.listed) {
		return x.listed[id]
	}
	return 0
}

// SameLexicon reports whether a and b number the same forms alike, what
// they know of the word list aside. It is for tests, of this package and
// its callers.
func SameLexicon(a, b *Lexicon) bool {
	if a.Size() != b.Size() {
		return false
	}
	for id := range int32(a.Size()) {
		if a.Form(id) != b.Form(id) {
			return false
		}
		if got, ok := b.lookup(a.Form(id)); !ok || got != id {
			return false
		}
	}
	return true
}

// ListedKnownRight returns the first form of x whose listing x knows
// wrongly (see [Lexicon.listed]), and false if there is none; and how
// many forms it knows. It is for tests.
func ListedKnownRight(x *Lexicon) (wrong string, bad bool, known int) {
	for id := range int32(x.Size()) {
		switch x.knownListed(id) {
		case 0:
			continue
		case 1:
			if !listed(x.Form(id)) {
				return x.Form(id), true, known
			}
		default:
			if listed(x.Form(id)) {
				return x.Form(id), true, known
			}
		}
		known++
	}
	return "", false, known
}
