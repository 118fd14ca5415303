package lint

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/nearword"
	"github.com/ddat-tools/ddat/parse"
)

// TestSkillIndexCandidates checks the index against measuring every
// catalogue name: every name that could score for an unknown skill (a
// shared or near content word, or a spelling within nearword.SkillNameEdits) is
// among the candidates.
func TestSkillIndexCandidates(t *testing.T) {
	src, err := os.ReadFile("../testdata/skills-a-to-z.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse("skills-a-to-z.md", src)
	if doc == nil {
		t.Fatal(err)
	}
	x := newSkillIndex(framework.Merge(doc))
	unknown := []string{
		"DDaT perspective", "Life-cycle perspective", "Problem ownership", "Product ownership",
		"Experience of working within constraints", "Stakeholder relationshp management",
		"Usre research", "Data opz", "Lifecycle management", "Tehcnical understanding", "Agile workign",
	}
	for _, n := range x.names { // every catalogue name with slips of each kind
		if r := []rune(n.key); len(r) > 8 {
			swapped := append([]rune(nil), r...)
			swapped[1], swapped[2] = swapped[2], swapped[1]
			unknown = append(unknown,
				string(swapped),                          // a transposition
				string(r[:1])+string(r[3:]),              // two runes dropped
				string(r[:2])+"xq"+string(r[2:]),         // two runes added
				string(r[:len(r)-2])+"zz",                // two substitutions
				string(r[:3])+string(r[4:len(r)-1])+"ab", // mixed
			)
		}
	}
	for _, u := range unknown {
		k := framework.Key(u)
		ws, _ := nameWords(u)
		got := map[int]int{}
		for _, cd := range x.candidates(k, ws) {
			got[cd.idx] = cd.shared
		}
		for i, c := range x.names {
			n := max(len([]rune(k)), len(c.runes))
			maxD := nearword.SkillNameEdits(n)
			could := nearword.Distance(k, c.key, maxD) <= maxD
			shared := 0 // the words of u that c has, or has one edit away
			for _, w := range ws {
				for _, cw := range c.words {
					if w == cw || len(w) > 4 && len(cw) > 4 && nearword.Distance(w, cw, nearword.Slip) <= nearword.Slip {
						shared++
						break
					}
				}
			}
			could = could || shared > 0
			g, ok := got[i]
			if could && !ok {
				t.Errorf("%q: candidates leave out %q", u, c.skill.Name.Value)
			}
			if ok && g != shared {
				t.Errorf("%q: candidate %q shares %d words, counted %d", u, c.skill.Name.Value, shared, g)
			}
		}
	}
}

// TestSkillNameBoundsCoverTheCatalogue checks the margin of the bounds of
// the skill suggestions (see maxSkillNameLen): the published catalogue's
// names and words are well within them, so only hostile names are left
// uncompared.
func TestSkillNameBoundsCoverTheCatalogue(t *testing.T) {
	pub, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	longest, longestWord := 0, 0
	for _, s := range pub.Skills {
		longest = max(longest, len([]rune(s.Name.Key())))
		ws, _ := nameWords(s.Name.Value)
		for _, w := range ws {
			longestWord = max(longestWord, len(w))
		}
		if tooLongToCompare(s.Name.Value) {
			t.Errorf("%q is too long to compare", s.Name.Value)
		}
	}
	if longest != 85 || longestWord != 15 {
		t.Errorf("the longest name has %d runes and the longest word %d bytes; the comment of maxSkillNameLen says 85 and 15", longest, longestWord)
	}
	if 2*longest > maxSkillNameLen || 2*longestWord > maxNameWordLen {
		t.Errorf("the bounds %d and %d leave less than twice the longest name (%d) and word (%d)", maxSkillNameLen, maxNameWordLen, longest, longestWord)
	}
}

// TestNearWordsScanAsIndexed holds the two ways nearWords finds the long
// content words one slip from a word, measuring each and looking up its
// deletions, to each other: on the catalogues of the real inputs, for
// every content word, every word one random edit from it, and random
// words.
func TestNearWordsScanAsIndexed(t *testing.T) {
	set := func(ws []string) []string {
		out := slices.Clone(ws)
		slices.Sort(out)
		return slices.Compact(out)
	}
	r := rand.New(rand.NewPCG(9, 10))
	letters := []rune("abcdeiou\u00e9\u2019-")
	edit := func(w string) string {
		rs := []rune(w)
		i := r.IntN(len(rs))
		switch r.IntN(4) {
		case 0:
			rs[i] = letters[r.IntN(len(letters))]
		case 1:
			rs = slices.Delete(rs, i, i+1)
		case 2:
			rs = slices.Insert(rs, i, letters[r.IntN(len(letters))])
		default:
			if i+1 < len(rs) {
				rs[i], rs[i+1] = rs[i+1], rs[i]
			}
		}
		return string(rs)
	}
	checked, found := 0, 0
	for name, docs := range realInputs(t) {
		cat := framework.Merge(docs...)
		if len(cat.Skills) == 0 {
			continue
		}
		x := newSkillIndex(cat)
		if len(x.long) < 50 {
			t.Fatalf("%s: %d long content words", name, len(x.long))
		}
		var queries []string
		for _, w := range x.long {
			queries = append(queries, w, edit(w), edit(edit(w)))
		}
		for range 500 {
			rs := make([]rune, 4+r.IntN(6))
			for i := range rs {
				rs[i] = letters[r.IntN(len(letters))]
			}
			queries = append(queries, string(rs))
		}
		for _, w := range queries {
			scan := set(x.nearScan(w))
			if got := set(x.nearIndexed(w)); !slices.Equal(got, scan) {
				t.Fatalf("%s: near words of %q: indexed %q, scanned %q", name, w, got, scan)
			}
			checked++
			found += len(scan)
		}
	}
	if checked == 0 || found < checked/8 { // the edited words find their originals
		t.Fatalf("%d words looked up, %d near words found", checked, found)
	}
}

// nameWordsPlain is [nameWords] as first written.
func nameWordsPlain(name string) (ws []string, qualified bool) {
	k := framework.Key(name)
	if i := strings.LastIndex(k, " ("); i > 0 && strings.HasSuffix(k, ")") {
		k, qualified = k[:i], true
	}
	for _, w := range strings.FieldsFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !skillStopWords[w] {
			ws = append(ws, w)
		}
	}
	return ws, qualified
}

// TestNameWordsAsPlain holds nameWords, which splits ASCII keys byte by
// byte, to nameWordsPlain: on every text of the real inputs (skill and
// role names among them), edge cases, and random names.
func TestNameWordsAsPlain(t *testing.T) {
	check := func(s string) {
		t.Helper()
		ws, q := nameWords(s)
		pws, pq := nameWordsPlain(s)
		if !slices.Equal(ws, pws) || q != pq || (ws == nil) != (pws == nil) {
			t.Fatalf("nameWords(%q) = %q %v, want %q %v", s, ws, q, pws, pq)
		}
	}
	if n := eachRealText(t, check); n < 10000 {
		t.Fatalf("%d real texts", n)
	}
	for _, s := range []string{"", " ", "(a)", "a (b)", "of the", "The and (x)", "Life-cycle perspective", "DDaT  perspective",
		"caf\u00e9 (x)", "a\u2019s", "\xff", "x2y", "__a__", "a (b) c", "a ()"} {
		check(s)
	}
	pieces := []string{"a", "Z", "of", "the", "and", "0", " ", "-", "(", ")", " (", "'", "_", ".", "\u00e9", "\u2019", "\u00a0", "\xff", "\u0663"}
	randomTexts(13, 200000, 10, pieces, check)
}

// TestMeasuresKeptAsMade holds the unknown-skill rule's measures of a
// name, kept from one role's use of it to the next (see
// [skillIndex.measures]), to measures made at every use: the findings on
// the published roles download with two skills misspelt in every role
// that requires them, and with a third of its skills misspelt each in
// its own way, are the same with the measures kept, with none kept, and
// with only the first few kept (the bound on what is kept reached).
func TestMeasuresKeptAsMade(t *testing.T) {
	docs, _ := parse.PublishedDocuments()
	var roles *framework.Document
	for _, d := range docs {
		if len(d.Roles) > 0 {
			roles = d
		}
	}
	cat := framework.Merge(docs...)
	src := roles.File.Src
	src = strings.ReplaceAll(src, "Stakeholder relationship management", "Stakeholder relationshp management")
	src = strings.ReplaceAll(src, "User research", "Usre research")
	many := roles.File.Src
	for i, s := range cat.Skills {
		if i%3 == 0 && len(s.Name.Value) > 6 {
			n := s.Name.Value
			many = strings.ReplaceAll(many, ","+n+",", ","+n[:3]+n[4:]+",")
		}
	}
	for _, text := range []string{src, many} {
		doc, err := parse.ParseString("roles.csv", text)
		if doc == nil {
			t.Fatal(err)
		}
		fw := framework.Merge(doc)
		run := func(keep int) []string {
			saved := maxMeasured
			defer func() { maxMeasured = saved }()
			maxMeasured = keep
			var out []string
			for _, d := range Run(fw, Options{Rules: []*Rule{UnknownSkill}, Catalogue: cat}) {
				out = append(out, d.String()+fmt.Sprint(d.Suggestions))
			}
			return out
		}
		kept := run(1 << 16)
		t.Logf("%d findings", len(kept))
		if len(kept) < 10 {
			t.Fatalf("%d findings: too few to compare", len(kept))
		}
		for _, keep := range []int{0, 40} {
			if got := run(keep); !slices.Equal(got, kept) {
				t.Errorf("with at most %d candidates kept, %d findings differ from those with all kept (%d)", keep, len(got), len(kept))
			}
		}
	}
}

// plainCandidates is skillIndex.candidates with maps: the version the
// tallies by name replaced.
func plainCandidates(x *skillIndex, k string, ws []string) []skillCandidate {
	shared := map[int]int{}
	var order []int
	for _, w := range ws {
		counted := map[int]bool{}
		add := func(ids []int) {
			for _, i := range ids {
				if counted[i] {
					continue
				}
				counted[i] = true
				if _, ok := shared[i]; !ok {
					order = append(order, i)
				}
				shared[i]++
			}
		}
		add(x.byWord[w])
		if len(w) <= 4 || len(w) > maxNameWordLen+1 {
			continue
		}
		for _, c := range x.nearWords(w) {
			add(x.byWord[c])
		}
	}
	lk := len([]rune(k))
	lc := letterCounts(k)
	if lk > maxSkillNameLen {
		lk = 0
	}
	for n := (3*lk + 3) / 4; n <= min(lk*4/3, maxSkillNameLen); n++ {
		for _, i := range x.byLen[n] {
			maxD := nearword.SkillNameEdits(max(lk, n))
			if _, ok := shared[i]; !ok && letterBound(lc, x.names[i].letters, lk, n) <= maxD {
				shared[i] = 0
				order = append(order, i)
			}
		}
	}
	slices.Sort(order)
	out := make([]skillCandidate, len(order))
	for j, i := range order {
		out[j] = skillCandidate{i, shared[i]}
	}
	return out
}

// TestCandidatesAsPlain checks the candidates tallied by name against
// tallying them in maps, call after call on one index (the tallies are
// not cleared between calls), across the round of the calls' and words'
// numbers, on a catalogue of five renamed copies of the seeds' skills:
// names that share words, repeat a word, or are misspelt.
func TestCandidatesAsPlain(t *testing.T) {
	src, err := os.ReadFile("../testdata/skills-a-to-z.md")
	if err != nil {
		t.Fatal(err)
	}
	var docs []*framework.Document
	for c := 1; c <= 5; c++ {
		text := string(src)
		if c > 1 {
			text = strings.ReplaceAll(text, "\n## ", fmt.Sprintf("\n## Copy %d ", c))
		}
		doc, err := parse.ParseString(fmt.Sprintf("skills-%d.md", c), text)
		if doc == nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	x := newSkillIndex(framework.Merge(docs...))
	if len(x.names) < 500 {
		t.Fatalf("%d names in the catalogue of five copies", len(x.names))
	}
	var unknown []string
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range x.names {
		w := []rune(n.key)
		i := r.IntN(len(w))
		unknown = append(unknown, string(w[:i])+string(w[min(i+1, len(w)):]), n.key+" "+n.key, "data "+n.key)
	}
	unknown = append(unknown, "", "data data data", "copy 3", strings.Repeat("x", maxSkillNameLen+1))
	for round, start := range []uint32{0, ^uint32(0) - 40, ^uint32(0)} {
		x.call, x.word = start, start
		if round == 2 {
			// Marks left with the numbers the next call and word take
			// once the numbering comes round.
			for i := range x.names {
				x.callOf[i], x.wordOf[i] = 1, 1
			}
		}
		for _, u := range unknown {
			k := framework.Key(u)
			ws, _ := nameWords(u)
			want := plainCandidates(x, k, ws)
			if got := x.candidates(k, ws); !slices.Equal(got, want) {
				t.Fatalf("round %d, %q: %d candidates, want %d as tallied in maps", round, u, len(got), len(want))
			}
		}
	}
}

// TestSuggestMeasuresFew checks that a suggestion measures in full (the
// unbounded edit distance that orders candidates of one score) only the
// candidates of the scores that could be suggested, and that those it
// suggests are the ones measuring every candidate would: on a catalogue
// of 400 names that share a word with the unknown ones, "Data" (an
// unknown name shares half its words with each, a score on the
// threshold), for misspelt names (a strong candidate, and two that share
// two words of three, ordered by their full distances: the 400 others
// are not suggested) and for a name no catalogue name is close to (the
// 400 tie, and the nearest three are suggested).
func TestSuggestMeasuresFew(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	src, err := os.ReadFile("../testdata/skills-a-to-z.md")
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(src), "\n## ") // the page's title and introduction
	var b strings.Builder
	const levels = "1. Awareness\n\n  - do things\n\n2. Working\n\n  - do things\n\n"
	b.WriteString(head + "\n")
	for _, n := range []string{"Data analysis", "Data anlysys tools", "Data anlysys and modelling"} {
		fmt.Fprintf(&b, "## %s\n\nIt involves things.\n\n%s", n, levels)
	}
	for range 400 {
		w := make([]byte, 6+r.IntN(6))
		for i := range w {
			w[i] = byte('a' + r.IntN(26))
		}
		fmt.Fprintf(&b, "## Data %s\n\nIt involves things.\n\n%s", w, levels)
	}
	doc, err := parse.ParseString("skills-a-to-z.md", b.String())
	if doc == nil {
		t.Fatal(err)
	}
	x := newSkillIndex(framework.Merge(doc))
	if len(x.names) < 390 {
		t.Fatalf("%d names", len(x.names))
	}
	role := &framework.Role{Name: framework.Text{Value: "Tester"}}
	misspelt := []string{"Data analysis", "Data anlysys tools", "Data anlysys and modelling"}
	for _, tc := range []struct {
		name        string
		maxMeasured int
		fixes       []string
	}{{"Data analysys", 2, misspelt}, {"Data anlysys", 2, misspelt}, {"Data anlsis", 0, misspelt[:1]}, {"Data zqzqzqzqz", len(x.names), nil}} {
		fixes, near, _ := suggestSkills(nil, x, skillUse{role: role, name: framework.Text{Value: tc.name}})
		m := x.measured[tc.name]
		measured := 0
		for _, f := range m.full {
			if f >= 0 {
				measured++
			}
		}
		if measured > tc.maxMeasured {
			t.Errorf("%q: %d of %d candidates measured in full, want at most %d", tc.name, measured, len(m.cands), tc.maxMeasured)
		}
		if tc.fixes != nil {
			if !slices.Equal(fixes, tc.fixes) || near != nil {
				t.Errorf("%q: fixes %q, near %q, want fixes %q", tc.name, fixes, near, tc.fixes)
			}
			continue
		}
		// The nearest three of the names that tie, measured one by one.
		k := []rune(framework.Key(tc.name))
		type named struct{ d, i int }
		var all []named
		for i, n := range x.names {
			if len(n.words) == 2 {
				all = append(all, named{nearword.OSA(k, n.runes, len(k)+len(n.runes), true, &x.dist), i})
			}
		}
		slices.SortFunc(all, func(a, b named) int { return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.i, b.i)) })
		var want []string
		for _, n := range all[:maxSkillFixes] {
			want = append(want, x.names[n.i].skill.Name.Value)
		}
		if fixes != nil || !slices.Equal(near, want) {
			t.Errorf("%q: fixes %q, near %q, want near %q", tc.name, fixes, near, want)
		}
	}
}

// TestUnknownSkillWorkBounded checks that the lookups of a run's unknown
// skills go through at most the names their bound allows (maxSkillWork
// and one for every skillWorkPerByte bytes of the documents), one
// lookup's worth aside: a catalogue of 400 names "Data <word>" and a roles
// download requiring 300 unknown "Data <word>", every unknown name
// sharing a word with every catalogue name. Under a small bound the
// first unknown skills the rule meets are looked up and the rest are
// reported without suggestions, saying so; under the default bound all
// are looked up.
func TestUnknownSkillWorkBounded(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	word := func() string {
		w := make([]byte, 6+r.IntN(6))
		for i := range w {
			w[i] = byte('a' + r.IntN(26))
		}
		return string(w)
	}
	var skills, roles strings.Builder
	skills.WriteString("Skill Name,Skill Description,Awareness,Working,Practitioner,Expert,Roles that require Skill\n")
	for range 400 {
		fmt.Fprintf(&skills, "Data %s,It involves things.,\"You can:\n- do\",\"You can:\n- do\",\"You can:\n- do\",\"You can:\n- do\",Tester\n", word())
	}
	roles.WriteString("Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n")
	for i := range 300 {
		fmt.Fprintf(&roles, "Testing,Tester,A tester tests.,Tester level %d,A level.,Data %s,A skill.,Working,\"You can:\n- do\",\n", i, word())
	}
	var docs []*framework.Document
	for name, src := range map[string]string{"skills.csv": skills.String(), "roles.csv": roles.String()} {
		doc, err := parse.ParseString(name, src)
		if doc == nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	fw := framework.Merge(docs...)
	x := newSkillIndex(fw)
	perLookup := 3 * len(x.names) // postings, names of about its length, candidates
	lookups := func() (looked, notLooked int) {
		for _, d := range Run(fw, Options{Rules: []*Rule{UnknownSkill}}) {
			if strings.Contains(d.Message, "not compared with the catalogue's names") {
				notLooked++
				if len(d.Suggestions) > 0 {
					t.Errorf("%s: suggestions for a skill not looked up", d.Message)
				}
			} else {
				looked++
			}
		}
		return looked, notLooked
	}
	if looked, notLooked := lookups(); looked != 300 || notLooked != 0 {
		t.Fatalf("default bound: %d unknown skills looked up, %d not, want 300 and 0", looked, notLooked)
	}
	defer func(base, perByte int) { maxSkillWork, skillWorkPerByte = base, perByte }(maxSkillWork, skillWorkPerByte)
	maxSkillWork, skillWorkPerByte = 20*perLookup, 1<<40 // the base alone
	looked, notLooked := lookups()
	if looked == 0 || notLooked == 0 || looked+notLooked != 300 {
		t.Fatalf("bound of %d names: %d looked up, %d not, want some of each", maxSkillWork, looked, notLooked)
	}
	if looked > maxSkillWork/(perLookup/3)+1 {
		t.Errorf("%d unknown skills looked up under a bound of %d names, each going through about %d", looked, maxSkillWork, perLookup)
	}
	// The bound grows with the documents: with no base, one name for
	// every byte of them (about 100 kB) allows more lookups.
	size := len(skills.String()) + len(roles.String())
	maxSkillWork, skillWorkPerByte = 0, 1
	more, _ := lookups()
	if more <= looked || more > size/(perLookup/3)+1 {
		t.Errorf("a bound of %d names, one a byte: %d unknown skills looked up, want more than the %d of a bound of %d and at most %d", size, more, looked, 20*perLookup, size/(perLookup/3)+1)
	}
}
