package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/lint"
)

// flagOutput is where a command's flag set writes: stderr for usage
// errors, with stdout at hand for help asked for (see parseFlags).
type flagOutput struct {
	stdout, stderr io.Writer
}

func (o *flagOutput) Write(p []byte) (int, error) { return o.stderr.Write(p) }

// helpAsked reports whether args ask for help before any "--".
func helpAsked(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// flagError reports a bad flag on stderr: the flag package's message,
// the closest flag the command has when there is one ("did you mean
// --format?"), the command's synopsis and how to get its help.
func flagError(fs *flag.FlagSet, w io.Writer, err error) {
	msg := err.Error()
	const undefined = "flag provided but not defined: "
	if name, ok := strings.CutPrefix(msg, undefined); ok {
		name = strings.TrimLeft(name, "-")
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if s, ok := closestName(name, names); ok {
			msg += fmt.Sprintf("; did you mean --%s?", s)
		}
	}
	cmd := strings.TrimPrefix(fs.Name(), "ddat ")
	fmt.Fprintf(w, "%s\n", escapeText(fs.Name()+": "+msg))
	if c := lookupCommand(cmd); c != nil {
		fmt.Fprintf(w, "usage: ddat %s %s\n", cmd, c.usage)
	}
	fmt.Fprintf(w, "Run \"ddat help %s\" for its flags.\n", cmd)
}

// closestName returns the name nearest to s by edit distance, if it is
// close enough to be what was meant: within a third of its length (at
// least 1, at most 3 edits), or s is a prefix of it.
func closestName(s string, names []string) (string, bool) {
	best, bestD := "", 1<<30
	for _, n := range names {
		d := levenshtein(strings.ToLower(s), strings.ToLower(n))
		if d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" {
		return "", false
	}
	if bestD <= min(max(len(s)/3, 1), 3) {
		return best, true
	}
	for _, n := range names {
		if len(s) >= 3 && strings.HasPrefix(n, s) {
			return n, true
		}
	}
	return "", false
}

// levenshtein returns the edit distance between a and b in bytes,
// counting a transposition of two adjacent bytes as one edit (optimal
// string alignment); both are short names (of commands, flags, rules).
func levenshtein(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		if a == b {
			return 0
		}
		return max(len(a), len(b))
	}
	rows := [3][]int{make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)}
	prev2, prev, cur := rows[0], rows[1], rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// unknownCommand reports a command that is not one, with the closest
// command name.
func unknownCommand(e *env, name string) {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	if s, ok := closestName(name, names); ok {
		e.errorf("unknown command %q; did you mean %q?", name, s)
	} else {
		e.errorf("unknown command %q", name)
	}
}

// allRules returns every rule that can report: the rules of lint.All,
// and the max-findings pseudo-rule.
func allRules() []*lint.Rule {
	return append(lint.All[:len(lint.All):len(lint.All)], maxFindingsRuleDoc)
}

// ruleList is a flag naming rules, repeated or separated by commas.
type ruleList []string

func (l *ruleList) String() string { return strings.Join(*l, ",") }

func (l *ruleList) Set(s string) error {
	for _, id := range strings.Split(s, ",") {
		if id = strings.TrimSpace(id); id != "" {
			*l = append(*l, id)
		}
	}
	return nil
}

// checkRuleFlags returns a non-zero exit status after saying so if a rule
// of --enable or --disable is unknown, or is max-findings.
func checkRuleFlags(e *env, enable, disable []string) int {
	var ids []string
	for _, r := range allRules() {
		ids = append(ids, r.ID)
	}
	check := func(flagName, id string) bool {
		if id == lint.MaxFindingsRule {
			e.errorf("%s %s: the max-findings finding cannot be switched off; --max-findings 0 reports every finding instead", flagName, id)
			return false
		}
		if slices.Contains(ids, id) {
			return true
		}
		if s, ok := closestName(id, ids); ok {
			e.errorf("%s: unknown rule %q; did you mean %q?", flagName, id, s)
		} else {
			e.errorf("%s: unknown rule %q; ddat rules lists them", flagName, id)
		}
		return false
	}
	for _, id := range enable {
		if !check("--enable", id) {
			return exitUsage
		}
	}
	for _, id := range disable {
		if !check("--disable", id) {
			return exitUsage
		}
	}
	return 0
}
