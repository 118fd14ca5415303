// Command ddat lints, exports and validates the UK Government Digital and
// Data Profession Capability Framework.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
