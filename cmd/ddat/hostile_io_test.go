package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestEscapedOutput checks that a file name or a file's text cannot forge
// a finding, a workflow command or a terminal sequence: a name holding a
// line end, an escape sequence and a bidi control, and a baseline whose
// stale entry holds a workflow command.
func TestEscapedOutput(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "role-page-digital-portfolio-manager-2024.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	name := "a\n\x1b]0;title\x07x.txt:1:1: error: forged (parse)\u202e.txt"
	if err := os.WriteFile(name, src, 0o644); err != nil {
		t.Fatal(err)
	}
	// A stale baseline entry whose file and message hold a workflow
	// command after a line end.
	base := `{"version": 1, "findings": [{"rule": "spelling", "file": "::error file=forged.txt::FORGED", ` +
		`"message": "x\n::error file=forged.txt::FORGED", "fingerprint": "00000000000000000000000000000000"}]}`
	if err := os.WriteFile("base.json", []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "github", "text-in-actions"} {
		args := []string{"lint", "--format", format, "--fail-on", "none", "--baseline", "base.json", name}
		if format == "text-in-actions" {
			t.Setenv("GITHUB_ACTIONS", "true")
			args[2] = "text"
		}
		var stdout, stderr bytes.Buffer
		run(args, strings.NewReader(""), &stdout, &stderr)
		if !strings.Contains(stderr.String(), "stale") {
			t.Fatalf("%s: the stale baseline entry is not reported:\n%s", format, stderr.String())
		}
		for stream, out := range map[string]string{"stdout": stdout.String(), "stderr": stderr.String()} {
			if strings.ContainsAny(out, "\x1b\x07\u202e") {
				t.Errorf("%s: %s holds a control character from a file name: %q", format, stream, out)
			}
			for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if strings.HasPrefix(line, "x.txt") || strings.Contains(line, "forged (parse)") && !strings.Contains(line, `a\n\x1b]0;title\x07x.txt`) {
					t.Errorf("%s: %s has a forged line: %q", format, stream, line)
				}
				trimmed := strings.TrimLeft(line, " \t")
				// Where the output is an Actions log, no line from a file
				// may be a workflow command; on a terminal, none may
				// start a line.
				if strings.Contains(line, "FORGED") && (format != "text" && strings.HasPrefix(trimmed, "::") || strings.HasPrefix(line, "::")) {
					t.Errorf("%s: %s has a forged workflow command: %q", format, stream, line)
				}
			}
		}
		if format != "github" && !strings.Contains(stdout.String(), `a\n\x1b]0;title\x07x.txt:1:1: error: forged (parse)\u202e.txt:17:94: warning: "portolio"`) {
			t.Errorf("text: the finding is not shown at the escaped name:\n%s", stdout.String())
		}
	}
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		"plain: café, “quotes”": "plain: café, “quotes”",
		"a\nb\tc\rd":            `a\nb\tc\rd`,
		"\x1b[31mred\x7f":       `\x1b[31mred\x7f`,
		"\u0085\u2028\u202e":    `\u0085\u2028\u202e`,
		"bad \xff byte":         `bad \xff byte`,
	} {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"::error::x":      "%3A:error::x",
		"  ::warning::x":  "  %3A:warning::x",
		"a ##[error]b":    "a ##%5Berror]b",
		"file.txt: a::b":  "file.txt: a::b",
		"x\n::error::bad": `x\n::error::bad`,
	} {
		if got := commandSafe(in); got != want {
			t.Errorf("commandSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestInterruptedWrite checks that a write interrupted by SIGINT or
// SIGTERM leaves no temporary file and no target, and exits with the
// shell's status for the signal. The command runs as a child process
// (this test binary, as ddat) that pauses once its temporary file is
// complete, until the signal comes.
func TestInterruptedWrite(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			ready := filepath.Join(dir, "ready")
			out := filepath.Join(dir, "out.json")
			cmd := exec.Command(os.Args[0], "export", "--out", out, filepath.Join(repoRoot(t), "testdata", "skills-a-to-z.md"))
			cmd.Env = append(os.Environ(), "DDAT_TEST_MAIN=1", "DDAT_TEST_PAUSE_BEFORE_RENAME="+ready)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(30 * time.Second)
			for {
				if _, err := os.Stat(ready); err == nil {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("the write did not start: %s", stderr.String())
				}
				time.Sleep(10 * time.Millisecond)
			}
			tmps, _ := filepath.Glob(filepath.Join(dir, ".out.json.*.tmp"))
			if len(tmps) != 1 {
				t.Fatalf("while writing, temporary files %v, want one", tmps)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != 128+int(sig) {
				t.Errorf("exit status %d (%v), want %d", code, err, 128+int(sig))
			}
			if tmps, _ := filepath.Glob(filepath.Join(dir, ".out.json.*.tmp")); len(tmps) != 0 {
				t.Errorf("temporary files left: %v", tmps)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("the target was written though the write was interrupted")
			}
		})
	}
}

// TestHumanOutputEscaped checks the human formats of the commands other
// than lint (show, compare, diff): a role name holding terminal escape
// sequences and, at the start of a line, a workflow command reaches
// neither the terminal nor, with GITHUB_ACTIONS set, the Actions runner.
func TestHumanOutputEscaped(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "roles-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	hostile := strings.ReplaceAll(string(src), "Chief technology officer", "::error title=pwn::x\x1b]0;T\x07 ##[error]\u202e officer")
	if err := os.WriteFile("roles.csv", []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("old.csv", src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, actions := range []bool{false, true} {
		if actions {
			t.Setenv("GITHUB_ACTIONS", "true")
		}
		for _, args := range [][]string{
			{"show", "Chief digital and data", "roles.csv"},
			{"show", "--format", "markdown", "Chief digital and data", "roles.csv"},
			{"diff", "--exit-zero", "old.csv", "roles.csv"},
			{"diff", "--exit-zero", "--format", "markdown", "old.csv", "roles.csv"},
		} {
			var stdout, stderr bytes.Buffer
			if st := run(args, strings.NewReader(""), &stdout, &stderr); st != exitOK {
				t.Fatalf("%q: exit %d\n%s", args, st, stderr.String())
			}
			out := stdout.String()
			if !strings.Contains(out, "pwn") {
				t.Fatalf("%q: the hostile name is not shown:\n%s", args, out)
			}
			if strings.ContainsAny(out, "\x1b\x07\u202e") {
				t.Errorf("%q: a control character reaches the output: %q", args, out)
			}
			for _, line := range strings.Split(out, "\n") {
				if actions && (strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") || strings.Contains(line, "##[")) {
					t.Errorf("%q with GITHUB_ACTIONS: a line the runner reads as a command: %q", args, line)
				}
			}
		}
	}
}
