//go:build unix

package input

import (
	"os"
	"syscall"
)

// OpenNonBlocking opens path for reading without waiting: a named pipe
// with no writer opens at once (and is then refused as not a regular
// file) instead of blocking.
func OpenNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
