package main

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
)

// peakMemory returns the process's peak resident memory in bytes (VmHWM
// in /proc/self/status), and whether it is known.
func peakMemory() (int64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		rest, ok := bytes.CutPrefix(sc.Bytes(), []byte("VmHWM:"))
		if !ok {
			continue
		}
		kb, ok := bytes.CutSuffix(bytes.TrimSpace(rest), []byte(" kB"))
		n, err := strconv.ParseInt(string(kb), 10, 64)
		if !ok || err != nil {
			return 0, false
		}
		return n << 10, true
	}
	return 0, false
}
