//go:build !unix

package input

import "os"

// OpenNonBlocking opens path for reading. (Named pipes and devices of
// other systems do not block on opening the way Unix FIFOs do.)
func OpenNonBlocking(path string) (*os.File, error) { return os.Open(path) }
