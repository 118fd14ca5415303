package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/ddat-tools/ddat/lint"
)

var rulesCommand = &command{
	name:    "rules",
	usage:   "[--markdown]",
	summary: "list the lint rules",
	flags:   func(fs *flag.FlagSet) { rulesFlags(fs) },
	run:     runRules,
}

var explainCommand = &command{
	name:    "explain",
	usage:   "RULE",
	summary: "print a rule's documentation",
	run:     runExplain,
}

func rulesFlags(fs *flag.FlagSet) *bool {
	return fs.Bool("markdown", false, "print the rules as the Markdown table of the README")
}

func runRules(e *env, args []string) int {
	fs := newFlags(e, "rules")
	markdown := rulesFlags(fs)
	pos, st, ok := parseFlags(fs, args)
	if !ok {
		return st
	}
	if len(pos) > 0 {
		fs.Usage()
		return exitUsage
	}
	if *markdown {
		fmt.Fprint(e.stdout, rulesMarkdown())
		return exitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tTITLE")
	for _, r := range allRules() {
		sev := r.Severity.String()
		if r.Raised != "" {
			sev += "/" + lint.Error.String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, sev, r.Title)
	}
	if err := tw.Flush(); err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	return exitOK
}

// rulesMarkdown renders lint.All as the README's rule table, the text
// between its "<!-- rules -->" markers.
func rulesMarkdown() string {
	var b strings.Builder
	b.WriteString("| rule | severity | finds |\n| --- | --- | --- |\n")
	for _, r := range allRules() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.ID, strings.ReplaceAll(severityText(r), "|", `\|`), strings.ReplaceAll(r.Title, "|", `\|`))
	}
	return b.String()
}

func runExplain(e *env, args []string) int {
	fs := newFlags(e, "explain")
	pos, st, ok := parseFlags(fs, args)
	if !ok {
		return st
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	id := pos[0]
	r := lint.Lookup(id)
	if r == nil {
		r = pseudoRule(id)
	}
	if r == nil {
		if s, ok := lint.SuggestRule(id); ok {
			e.errorf("unknown rule %q; did you mean %q?", id, s)
		} else {
			e.errorf("unknown rule %q; ddat rules lists them", id)
		}
		return exitUsage
	}
	fmt.Fprintf(e.stdout, "%s: %s\n\nDefault severity: %s.", r.ID, r.Title, severityText(r))
	if r.Since != "" {
		fmt.Fprintf(e.stdout, " Since %s.", r.Since)
	}
	fmt.Fprintf(e.stdout, "\n\n%s\n", strings.TrimSpace(r.Doc))
	return exitOK
}

// severityText is a rule's default severity and, if some of its findings
// are raised to errors, which: "warning; error for a wholesale
// difference (…)".
func severityText(r *lint.Rule) string {
	if r.Raised == "" {
		return r.Severity.String()
	}
	return fmt.Sprintf("%s; %s for %s", r.Severity, lint.Error, r.Raised)
}
