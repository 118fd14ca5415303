package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCapture(args []string, stdin string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	st := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return st, stdout.String(), stderr.String()
}

// TestHelpAndUsageErrors checks that help asked for goes to stdout with
// exit 0, however asked, and that usage errors go to stderr with exit 2
// and the closest command or flag.
func TestHelpAndUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"lint", "--help"}, {"lint", "-h"}, {"help", "lint"}, {"lint", "content", "-help"}, {"export", "--help"}, {"rules", "-h"}} {
		st, out, errOut := runCapture(args, "")
		if st != exitOK || !strings.HasPrefix(out, "usage: ddat "+args[0]) && !strings.HasPrefix(out, "usage: ddat "+args[1]) || errOut != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, st, out, errOut)
		}
		if args[0] == "lint" && !strings.Contains(out, "-fix") {
			t.Errorf("%v: help lacks --fix:\n%s", args, out)
		}
	}
	for _, args := range [][]string{{"--help"}, {"help"}, {"-h"}} {
		if st, out, errOut := runCapture(args, ""); st != exitOK || !strings.Contains(out, "Usage:") || errOut != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, st, out, errOut)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"lnit"}, `ddat: unknown command "lnit"; did you mean "lint"?`},
		{[]string{"expot", "x"}, `did you mean "export"?`},
		{[]string{"help", "valdate"}, `did you mean "validate"?`},
		{[]string{"lint", "--formt", "json"}, "ddat lint: flag provided but not defined: -formt; did you mean --format?\nusage: ddat lint ["},
		{[]string{"lint", "--fail-om", "none"}, "did you mean --fail-on?"},
		{[]string{"lint", "--disable", "spelng"}, `--disable: unknown rule "spelng"; did you mean "spelling"?`},
		{[]string{"lint", "--enable", "nonsense-rule-name"}, `--enable: unknown rule "nonsense-rule-name"; ddat rules lists them`},
		{[]string{"lint", "--disable", "max-findings"}, "cannot be switched off"},
		{[]string{"lint", "--stdin-filename", "x.txt"}, "read only with the PATH \"-\""},
		{[]string{"lint", "--fix", "-"}, "use --fix --diff"},
	} {
		st, out, errOut := runCapture(c.args, "")
		if st != exitUsage || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q on stderr", c.args, st, out, errOut, c.want)
		}
	}
	// A flag far from every flag gets no guess.
	if _, _, errOut := runCapture([]string{"lint", "--zzzzzzzz"}, ""); strings.Contains(errOut, "did you mean") {
		t.Errorf("a guess for --zzzzzzzz: %s", errOut)
	}
}

// TestRulesListsEveryRule checks that ddat rules lists every rule that
// can report, the pseudo-rules included.
func TestRulesListsEveryRule(t *testing.T) {
	_, out, _ := runCapture([]string{"rules"}, "")
	for _, r := range allRules() {
		if !strings.Contains(out, "\n"+r.ID+" ") {
			t.Errorf("ddat rules lacks %s", r.ID)
		}
	}
	for _, id := range []string{"parse", "max-findings", "spelling"} {
		if !strings.Contains(out, "\n"+id+" ") {
			t.Errorf("ddat rules lacks %s:\n%s", id, out)
		}
	}
}

// TestEnableDisable checks --disable and --enable against a
// configuration that switches a rule off.
func TestEnableDisable(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(repoRoot(t), "testdata", "role-page-digital-portfolio-manager-2024.txt")
	cfg := filepath.Join(dir, "config.json")
	if err := os.WriteFile(cfg, []byte(`{"rules": {"spelling": "off"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	count := func(args ...string) (spelling, punctuation int) {
		t.Helper()
		st, out, errOut := runCapture(append([]string{"lint", "--fail-on", "none"}, append(args, page)...), "")
		if st != exitOK {
			t.Fatalf("%v: exit %d: %s", args, st, errOut)
		}
		return strings.Count(out, "(spelling)"), strings.Count(out, "(punctuation)")
	}
	if s, p := count(); s == 0 || p == 0 {
		t.Fatalf("the page has %d spelling and %d punctuation findings; want some of each", s, p)
	}
	if s, p := count("--disable", "spelling,punctuation"); s != 0 || p != 0 {
		t.Errorf("--disable spelling,punctuation: %d spelling, %d punctuation findings", s, p)
	}
	if s, p := count("--disable", "spelling", "--disable", "punctuation"); s != 0 || p != 0 {
		t.Errorf("--disable twice: %d spelling, %d punctuation findings", s, p)
	}
	if s, p := count("--config", cfg); s != 0 || p == 0 {
		t.Errorf("configuration with spelling off: %d spelling, %d punctuation findings", s, p)
	}
	if s, _ := count("--config", cfg, "--enable", "spelling"); s == 0 {
		t.Error("--enable spelling over a configuration that switches it off: no spelling finding")
	}
}

// TestLintStdin checks that "-" lints standard input, named by
// --stdin-filename in findings, as the same document in a file is
// linted; and that --fix --diff works on it.
func TestLintStdin(t *testing.T) {
	t.Chdir(repoRoot(t))
	name := "testdata/role-page-digital-portfolio-manager-2024.txt"
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	_, fromFile, _ := runCapture([]string{"lint", "--fail-on", "none", name}, "")
	st, fromStdin, errOut := runCapture([]string{"lint", "--fail-on", "none", "--stdin-filename", name, "-"}, string(src))
	if st != exitOK || fromStdin != fromFile || fromFile == "" {
		t.Errorf("stdin: exit %d, stderr %s\n%s\nwant\n%s", st, errOut, fromStdin, fromFile)
	}
	if _, out, _ := runCapture([]string{"lint", "--fail-on", "none", "-"}, string(src)); !strings.HasPrefix(out, "stdin:13:61: ") {
		t.Errorf("stdin with no name: %q", out[:min(len(out), 80)])
	}
	st, out, errOut := runCapture([]string{"lint", "--fix", "--diff", "--fail-on", "none", "--stdin-filename", "page.txt", "-"}, string(src))
	if st != exitOK || !strings.HasPrefix(out, "--- a/page.txt\n+++ b/page.txt\n") || !strings.Contains(errOut, "would apply") {
		t.Errorf("--fix --diff on stdin: exit %d, stdout %q, stderr %q", st, out, errOut)
	}
	if st, _, errOut := runCapture([]string{"lint", "-"}, "shopping list\n"); st != exitUsage || !strings.Contains(errOut, "stdin: not a framework document") {
		t.Errorf("stdin not a document: exit %d, stderr %q", st, errOut)
	}
}

// TestHelpOfEveryCommand: "ddat help X" prints what "ddat X --help" does,
// flags included, for every command of the table.
func TestHelpOfEveryCommand(t *testing.T) {
	for _, c := range commands {
		if c == helpCommand {
			continue // "help --help" is ddat's own help
		}
		var help, flagHelp strings.Builder
		if st := run([]string{"help", c.name}, nil, &help, io.Discard); st != exitOK {
			t.Errorf("help %s: exit %d", c.name, st)
		}
		if st := run([]string{c.name, "--help"}, nil, &flagHelp, io.Discard); st != exitOK {
			t.Errorf("%s --help: exit %d", c.name, st)
		}
		if help.String() != flagHelp.String() {
			t.Errorf("help %s prints\n%s\nbut %s --help\n%s", c.name, help.String(), c.name, flagHelp.String())
		}
		if c.flags != nil && !strings.Contains(help.String(), "\nFlags:\n") {
			t.Errorf("help %s lists no flags:\n%s", c.name, help.String())
		}
	}
}
