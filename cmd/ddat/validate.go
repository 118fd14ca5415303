package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"

	"github.com/ddat-tools/ddat/cmd/internal/input"
	"github.com/ddat-tools/ddat/schema"
)

var validateCommand = &command{
	name:    "validate",
	usage:   "[--kind export|diagnostics|config|diff|form|assessment] FILE...",
	summary: "check JSON files against the module's schemas",
	flags:   func(fs *flag.FlagSet) { validateFlags(fs) },
	run:     runValidate,
}

func validateFlags(fs *flag.FlagSet) *string {
	return fs.String("kind", "", "document `kind`: export, diagnostics, config, diff, form or assessment (default: from the file's $schema, else its keys)")
}

// runValidate checks JSON files against the module's schemas: exit 1 when
// one is invalid, 2 when one cannot be read or its kind cannot be told.
func runValidate(e *env, args []string) int {
	fs := newFlags(e, "validate")
	kindFlag := validateFlags(fs)
	files, st, ok := parseFlags(fs, args)
	if !ok {
		return st
	}
	if len(files) == 0 {
		fs.Usage()
		return exitUsage
	}
	var fixed schema.Kind
	if *kindFlag != "" {
		k, ok := schema.KindByName(*kindFlag)
		if !ok {
			e.errorf("unknown --kind %q: want export, diagnostics, config, diff, form or assessment", *kindFlag)
			return exitUsage
		}
		fixed = k
	}
	status := exitOK
	for _, name := range files {
		shown := input.DisplayName(cwd(), name)
		src, err := readLimited(e.reads, name, shown, maxJSONBytes)
		if err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		data := []byte(src)
		k := fixed
		if k == 0 {
			if k = detectKind(data); k == 0 && !json.Valid(data) {
				k = schema.Config // any kind reports the syntax error
			} else if k == 0 {
				e.errorf("%s: cannot tell the kind of document: give --kind export, diagnostics, config, diff, form or assessment", shown)
				return exitUsage
			}
		}
		if err := schema.Validate(k, data); err != nil {
			var se *schema.Error
			var syn *schema.SyntaxError
			switch {
			case errors.As(err, &se):
				for _, p := range se.Problems {
					e.println(fmt.Sprintf("%s: %s", shown, p))
				}
			case errors.As(err, &syn):
				e.println(fmt.Sprintf("%s:%s", shown, syn))
			default:
				e.println(fmt.Sprintf("%s: %v", shown, err))
			}
			status = exitFailing
			continue
		}
		fmt.Fprintf(e.stdout, "%s: valid %s document\n", escapeText(shown), k)
	}
	return status
}

// detectKind tells the kind of a JSON document from the schema its
// "$schema" names, else from its keys; 0 if it cannot.
func detectKind(data []byte) schema.Kind {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		// Not a JSON object: let the schema of the file name decide.
		return 0
	}
	if raw, ok := top["$schema"]; ok {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			if k, ok := schema.KindByID(s); ok {
				return k
			}
		}
	}
	has := func(key string) bool { _, ok := top[key]; return ok }
	switch {
	case has("differences"):
		return schema.Diff
	case has("diagnostics"):
		return schema.Diagnostics
	case has("skills") || has("roles") || has("documents"):
		return schema.Export
	case has("rules") || has("words") || has("ignore"):
		return schema.Config
	}
	return 0
}
