package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// temps are the temporary files being written, removed if the process is
// interrupted (SIGINT), terminated (SIGTERM) or hung up on (SIGHUP) while
// they exist. The signals are caught only while a temporary file exists;
// otherwise they have their default effect.
var temps struct {
	sync.Mutex
	names map[string]bool
	sig   chan os.Signal
}

// trackTemp records the temporary file name and returns the function
// that forgets it once it is renamed or removed.
func trackTemp(name string) (done func()) {
	temps.Lock()
	defer temps.Unlock()
	if len(temps.names) == 0 {
		temps.names = map[string]bool{}
		temps.sig = make(chan os.Signal, 1)
		signal.Notify(temps.sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		go removeTempsOnSignal(temps.sig)
	}
	temps.names[name] = true
	return func() {
		temps.Lock()
		defer temps.Unlock()
		delete(temps.names, name)
		if len(temps.names) == 0 {
			signal.Stop(temps.sig)
			close(temps.sig)
		}
	}
}

// removeTempsOnSignal waits for a signal on sig; on one it removes the
// temporary files and exits with the shell's status for that signal
// (128 + its number: 130 for SIGINT, 143 for SIGTERM).
func removeTempsOnSignal(sig chan os.Signal) {
	s, ok := <-sig
	if !ok {
		return
	}
	temps.Lock() // held until exit: no write goes on
	for name := range temps.names {
		os.Remove(name)
	}
	status := 128 + 2
	if n, ok := s.(syscall.Signal); ok {
		status = 128 + int(n)
	}
	os.Exit(status)
}
