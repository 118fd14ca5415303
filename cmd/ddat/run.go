package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/ddat-tools/ddat/parse"
)

// Exit statuses.
const (
	exitOK      = 0 // nothing fails
	exitFailing = 1 // failing findings, or an invalid JSON file for validate
	exitUsage   = 2 // usage, input or configuration error
)

// env is what a command sees of the world besides its arguments.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	reads          *readSet // the files read, never to be written over
	// safe escapes a line for stderr: escapeText, or commandSafe where
	// stderr is a GitHub Actions log read for workflow commands.
	safe func(string) string
	// stdinName names the document read from stdin (PATH "-").
	stdinName string
}

// errorf prints a message prefixed with "ddat: " on stderr, escaped
// (see [escapeText]): messages carry file names and text from files.
func (e *env) errorf(format string, args ...any) {
	e.println("ddat: " + fmt.Sprintf(format, args...))
}

// human writes s, a text or Markdown report, on stdout, each line
// escaped as e.safe escapes stderr's: text from files can neither
// control the terminal nor, in a GitHub Actions log, be read as a
// workflow command. (Machine formats, JSON and CSV, escape as their
// syntax does and are written as they are.)
func (e *env) human(s string) error {
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.Lines(s) {
		text, nl := strings.CutSuffix(line, "\n")
		b.WriteString(e.safe(text))
		if nl {
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(e.stdout, b.String())
	return err
}

// println prints one line on stderr, escaped (see [escapeText]).
func (e *env) println(line string) {
	fmt.Fprintln(e.stderr, e.safe(line))
}

// A command is one ddat command: its name, the synopsis and summary its
// help prints, its flags, and what it does. Each is declared beside its
// run function and listed once in commands, which the dispatcher, ddat
// help and the suggestion for an unknown command all read.
type command struct {
	name    string
	usage   string // the argument synopsis
	summary string // lower case, no final period
	// flags registers the command's flags on fs, for its run function and
	// its help; nil when it has none (or prints its own help, as assess).
	flags func(fs *flag.FlagSet)
	run   func(e *env, args []string) int
}

// commands are ddat's commands, in the order its help lists them.
var commands []*command

func init() {
	// Set here rather than in the declaration: help refers to commands.
	commands = []*command{
		lintCommand,
		exportCommand,
		showCommand,
		compareCommand,
		diffCommand,
		assessCommand,
		reportCommand,
		validateCommand,
		rulesCommand,
		explainCommand,
		versionCommand,
		helpCommand,
	}
}

var helpCommand = &command{
	name:    "help",
	usage:   "[COMMAND]",
	summary: "print help on ddat or a command",
	run:     runHelp,
}

var versionCommand = &command{
	name:    "version",
	summary: "print the version",
	run:     runVersion,
}

// run is the whole command: it parses args, does the work and returns the
// exit status (0 success, 1 failing findings, 2 usage or input error).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, reads: &readSet{}, safe: escapeText}
	if os.Getenv("GITHUB_ACTIONS") == "true" {
		// Actions reads workflow commands from every line of stdout
		// and stderr: no line that came from a file may be one.
		e.safe = commandSafe
	}
	if len(args) == 0 {
		usage(e.stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		usage(e.stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(e, args[1:])
		}
	}
	unknownCommand(e, name)
	usage(e.stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "ddat lints, exports and validates the Digital and Data Profession Capability Framework.\n\nUsage:\n\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  ddat %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun \"ddat help COMMAND\" for a command's flags.\n")
}

// newFlags returns the flag set of command c, printing usage on e.stderr.
func newFlags(e *env, c string) *flag.FlagSet {
	fs := flag.NewFlagSet("ddat "+c, flag.ContinueOnError)
	fs.SetOutput(&flagOutput{stdout: e.stdout, stderr: e.stderr})
	fs.Usage = func() {
		cmd := lookupCommand(c)
		fmt.Fprintf(fs.Output(), "usage: ddat %s %s\n\n%s.\n", c, cmd.usage, upperFirst(cmd.summary))
		var hasFlags bool
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintf(fs.Output(), "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args with fs, allowing flags after arguments ("ddat
// lint content/ --format json"); "--" ends the flags. It returns the
// arguments that are not flags; ok is false with the exit status when the
// command should stop (bad flag, or -h).
//
// Help asked for (-h, --help) is printed on stdout; a bad flag is
// reported on stderr in two lines, with the closest flag the command
// has.
func parseFlags(fs *flag.FlagSet, args []string) (pos []string, status int, ok bool) {
	out, _ := fs.Output().(*flagOutput)
	if helpAsked(args) {
		if out != nil {
			fs.SetOutput(out.stdout)
			defer fs.SetOutput(out)
		}
		fs.Usage()
		return nil, exitOK, false
	}
	for {
		// The flag package's own report (the error and every flag) is
		// replaced by flagError's.
		fs.SetOutput(io.Discard)
		err := fs.Parse(args)
		if out != nil {
			fs.SetOutput(out)
		}
		if err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			var w io.Writer = fs.Output()
			if out != nil {
				w = out.stderr
			}
			flagError(fs, w, err)
			return nil, exitUsage, false
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), 0, true
		}
		if len(rest) == 0 {
			return pos, 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func lookupCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func runHelp(e *env, args []string) int {
	switch len(args) {
	case 0:
		usage(e.stdout)
		return exitOK
	case 1:
		c := lookupCommand(args[0])
		if c == nil {
			unknownCommand(e, args[0])
			usage(e.stderr)
			return exitUsage
		}
		fs := newFlags(e, c.name)
		fs.SetOutput(e.stdout)
		defer fs.SetOutput(&flagOutput{stdout: e.stdout, stderr: e.stderr})
		if c.flags != nil {
			c.flags(fs)
		}
		fs.Usage()
		return exitOK
	}
	e.errorf("help takes at most one command")
	return exitUsage
}

// version returns the module version the binary was built from, or
// "(devel)".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func runVersion(e *env, args []string) int {
	fs := newFlags(e, "version")
	pos, st, ok := parseFlags(fs, args)
	if !ok {
		return st
	}
	if len(pos) > 0 {
		fs.Usage()
		return exitUsage
	}
	fmt.Fprintf(e.stdout, "ddat %s\n", version())
	ed := parse.PublishedEdition()
	fmt.Fprintf(e.stdout, "published framework: %s, sha256 %s\n", ed.Date, ed.SHA256)
	return exitOK
}
