//go:build !linux

package main

// peakMemory reports that the peak resident memory is not known: only
// Linux gives it here.
func peakMemory() (int64, bool) { return 0, false }
