// Command ddat lints, exports and validates the UK Government Digital and
// Data Profession Capability Framework.
package main

import (
	"os"

	// Before the other packages are initialised: the collector's
	// settings, and the published framework decoded meanwhile.
	_ "github.com/ddat-tools/ddat/cmd/internal/start"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
