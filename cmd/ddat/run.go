package main

import (
	"fmt"
	"io"
)

// run is the whole command: it parses args, does the work and returns the
// exit status (0 success, 1 failing findings, 2 usage or input error).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "ddat: no commands yet")
	return 2
}
