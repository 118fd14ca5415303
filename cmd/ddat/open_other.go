//go:build !unix

package main

import "os"

// openNonBlocking opens path for reading. (Named pipes and devices of
// other systems do not block on opening the way Unix FIFOs do.)
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
