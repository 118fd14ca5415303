package lint

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// ListPunctuation reports a "You can:" bullet that ends with a full stop
// in a document whose other bullets do not.
var ListPunctuation = &Rule{
	ID:    "list-punctuation",
	Title: "bullets ending with a full stop where the others have none",
	Doc: "Finds a \"You can:\" bullet (a skill level's descriptor) that ends with a full " +
		"stop in a document where most bullets end without one, as the framework writes " +
		"them and as the GOV.UK style guide asks. A document that writes its bullets with " +
		"full stops, or as many with as without, is left alone: the rule holds a bullet to " +
		"its document's own style, which the message counts. A bullet ending with an " +
		"ellipsis or an abbreviation (\"etc.\", \"e.g.\") is not reported. The fix removes " +
		"the full stop.\n\n" +
		"Before: `- improve test types and techniques through a structured process.`\n\n" +
		"After: `- improve test types and techniques through a structured process`",
	Since:    "v0.1.0",
	Category: "writing",
	Severity: Warning,
	Run:      runListPunctuation,
}

func runListPunctuation(p *Pass) {
	for _, d := range p.Framework.Documents {
		if d == nil {
			continue
		}
		// The document's bullets are counted first, those with a full
		// stop kept: the framework has a handful among thousands.
		total, stopped := 0, 0
		var stops []framework.Text
		eachBullet(d, func(t framework.Text, times int) {
			total += times
			if endsWithStop(t.Value) {
				stopped += times
				stops = append(stops, t)
			}
		})
		if 2*stopped >= total {
			continue // full stops are the document's style, or half of it
		}
		style := fmt.Sprintf("%s of the %s bullets here have none", thousands(total-stopped), thousands(total))
		for _, t := range stops {
			if t.Span.File != d.File {
				continue // built in code or from elsewhere: no place to report
			}
			v := strings.TrimRight(t.Value, " \t")
			s := t.Sub(len(v)-1, len(v))
			p.Report(Diagnostic{
				Span:        s,
				Message:     fmt.Sprintf("bullet %q ends with a full stop; %s", bulletEnd(v), style),
				Suggestions: []Suggestion{{Message: "remove the full stop", Span: s, Safe: true}},
			})
		}
	}
}

// eachBullet calls fn for each "You can:" bullet of d that has a value
// (the descriptors of the catalogue's skill levels and of the roles'
// requirements) with the number of times the source writes it there: a
// requirement's row and its exact repeats (see
// [framework.Requirement.Repeats]) are one requirement of the model.
func eachBullet(d *framework.Document, fn func(t framework.Text, times int)) {
	each := func(ts []framework.Text, times int) {
		for _, t := range ts {
			if t.Value != "" {
				fn(t, times)
			}
		}
	}
	for _, s := range d.Skills {
		for _, l := range s.Levels {
			each(l.Descriptors, 1)
		}
	}
	for _, r := range d.Roles {
		for _, q := range r.Skills {
			each(q.Descriptors, 1+q.Repeats)
		}
		for _, l := range r.Levels {
			for _, q := range l.Skills {
				each(q.Descriptors, 1+q.Repeats)
			}
		}
	}
}

// endsWithStop reports whether v ends with a full stop that closes it,
// not one of an ellipsis ("..") or of an abbreviation ("etc.", "e.g.").
func endsWithStop(v string) bool {
	v = strings.TrimRight(v, " \t")
	if !strings.HasSuffix(v, ".") || strings.HasSuffix(v, "..") {
		return false
	}
	last := v[strings.LastIndexAny(v, " \t\n(")+1:]
	return !strings.EqualFold(last, "etc.") && !isInitialism(last)
}

// isInitialism reports whether w is two or more letters each followed by
// a full stop ("e.g.", "i.e.", "U.K.").
func isInitialism(w string) bool {
	n := 0
	for w != "" {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || len(w) <= size || w[size] != '.' {
			return false
		}
		w = w[size+1:]
		n++
	}
	return n >= 2
}

// bulletEnd returns the last words of the bullet v for a message: up to
// four, after "…" if there are more.
func bulletEnd(v string) string {
	i := len(v)
	for range 4 {
		j := strings.LastIndexAny(v[:i], " \t\n")
		if j < 0 {
			return v
		}
		i = j
	}
	return "…" + v[i+1:]
}

// thousands writes n with commas between groups of three digits, as
// GOV.UK style writes numbers over 999.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
