package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// TestSARIFSchema validates ddat lint --format sarif output on the seed
// documents against the official SARIF 2.1.0 schema
// (testdata/sarif-schema-2.1.0.json, from oasis-tcs/sarif-spec).
func TestSARIFSchema(t *testing.T) {
	schemaFile, err := filepath.Abs(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	// The schema as published puts the "anyOf" of "region" inside its
	// "properties", which the 2020-12 meta-schema it names rejects; move
	// it to where it was meant to be before compiling.
	var doc map[string]any
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	region := doc["definitions"].(map[string]any)["region"].(map[string]any)
	if props := region["properties"].(map[string]any); props["anyOf"] != nil {
		region["anyOf"] = props["anyOf"]
		delete(props, "anyOf")
	}
	fixed, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	if err := c.AddResource("sarif-schema-2.1.0.json", bytes.NewReader(fixed)); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}

	t.Chdir(repoRoot(t))
	for _, args := range [][]string{
		{"lint", "--format", "sarif", "testdata"},
		{"lint", "--format", "sarif"}, // the embedded snapshot
	} {
		var stdout, stderr bytes.Buffer
		if st := run(args, strings.NewReader(""), &stdout, &stderr); st == exitUsage {
			t.Fatalf("ddat %s: exit %d\n%s", strings.Join(args, " "), st, stderr.String())
		}
		var v any
		if err := json.Unmarshal(stdout.Bytes(), &v); err != nil {
			t.Fatalf("ddat %s: %v", strings.Join(args, " "), err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("ddat %s: output breaks the SARIF schema: %#v", strings.Join(args, " "), err)
		}
		// The schema does catch a broken log.
		bad := v.(map[string]any)["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
		level := bad["level"]
		bad["level"] = "info"
		if err := sch.Validate(v); err == nil {
			t.Errorf("the SARIF schema accepts a result with level \"info\"")
		}
		bad["level"] = level

		var log sarifLog
		if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if len(run.Results) == 0 {
			t.Errorf("ddat %s: no results", strings.Join(args, " "))
		}
		for _, r := range run.Results {
			if got := run.Tool.Driver.Rules[r.RuleIndex].ID; got != r.RuleID {
				t.Errorf("result of %s has ruleIndex %d, the index of %s", r.RuleID, r.RuleIndex, got)
			}
			if r.PartialFingerprints[fingerprintKey] == "" {
				t.Errorf("result of %s has no fingerprint", r.RuleID)
			}
		}
	}
}
