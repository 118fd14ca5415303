package framework_test

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/ddat-tools/ddat"

// allowed lists, for each package of the module, the packages of the
// module and the third-party modules its non-test code may import. It is
// the layering of the design: framework and framework/jsonpos (the
// positioned JSON reader, which imports nothing of the module) at the bottom, parse, lint and
// schema on it and not on each other, cmd/ddat on top.
var allowed = map[string][]string{
	"framework/jsonpos": {},
	"framework":         {"golang.org/x/text"},
	"parse":             {"framework", "framework/jsonpos", "golang.org/x/text", "golang.org/x/net"},
	"lint":              {"framework", "framework/jsonpos", "golang.org/x/text"},
	// lint's configuration, baseline and driver sit on the checks, apart
	// from them, as staticcheck keeps lintcmd apart from its checks.
	"lint/config":   {"framework", "lint"},
	"lint/baseline": {"framework", "lint"},
	"lint/check":    {"framework", "lint", "lint/config", "lint/baseline"},
	"schema":        {"framework", "github.com/santhosh-tekuri/jsonschema/v5"},
	"cmd/ddat":      {"framework", "parse", "lint", "lint/config", "lint/baseline", "lint/check", "schema", "cmd/internal/report", "cmd/internal/start", "cmd/internal/input", "golang.org/x/text"},
	// cmd/internal/...: packages of the command (the report page, the
	// process's start, the reading of its input files).
	"cmd": {"framework", "parse", "lint", "lint/config", "lint/check", "schema"},
}

// TestLayers fails on an import that breaks the layering, in the style of
// go/build's deps_test.go.
func TestLayers(t *testing.T) {
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports", module+"/...")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := 0
	for {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		top := rel
		if i := strings.Index(rel, "/internal"); i >= 0 {
			top = rel[:i] // a package's internal helpers share its layer
		}
		allow, ok := allowed[top]
		if !ok {
			t.Errorf("package %s is not in the layering table; add it to allowed", p.ImportPath)
			continue
		}
		seen++
		for _, imp := range p.Imports {
			if !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
				continue // standard library
			}
			if !permitted(imp, rel, allow) {
				t.Errorf("%s imports %s, which the layering forbids (allowed: %v)", p.ImportPath, imp, allow)
			}
		}
	}
	if seen < 5 {
		t.Errorf("go list showed %d packages of the module, want at least 5", seen)
	}
}

func permitted(imp, self string, allow []string) bool {
	if rest, ok := strings.CutPrefix(imp, module+"/"); ok {
		// A package and its internal packages may import the internal
		// packages of their layer (lint/internal/spell imports
		// lint/internal/nearword).
		layer := self
		if i := strings.Index(self, "/internal"); i >= 0 {
			layer = self[:i]
		}
		if strings.HasPrefix(rest, layer+"/internal/") {
			return true
		}
		for _, a := range allow {
			if rest == a || strings.HasPrefix(rest, a+"/internal") && strings.HasPrefix(self, a) {
				return true
			}
		}
		return false
	}
	for _, a := range allow {
		if imp == a || strings.HasPrefix(imp, a+"/") {
			return true
		}
	}
	return false
}
