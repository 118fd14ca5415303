package config_test

import (
	"errors"
	"fmt"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/config"
)

// Configuration errors come back at their line and column.
func ExampleParse() {
	src := []byte(`{
  "rules": {"speling": "off", "encoding": "fatal"},
  "ignore": [{"rule": "spelling", "text": "mangers"}]
}`)
	_, err := config.Parse(".ddat.json", src)
	var list framework.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e)
		}
	}
	// Output:
	// .ddat.json:2:13: unknown rule "speling"; did you mean "spelling"?
	// .ddat.json:2:43: unknown setting "fatal" for rule "encoding": want "off", "info", "warning" or "error"
	// .ddat.json:3:14: ignore entry without a "reason": say why the findings are acceptable
}
