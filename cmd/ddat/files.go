package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/ddat-tools/ddat/cmd/internal/input"
)

// Read limits. Every file ddat reads is checked against its limit before
// it is read (by its size) and while it is read (a file that grows is
// cut off one byte past the limit), so that no input costs more memory
// than its limit, whatever it is.
const (
	// maxDocumentBytes bounds a framework document: the parser's own
	// limit, so that a larger file is refused before it is read.
	maxDocumentBytes = input.MaxDocumentBytes
	// maxConfigBytes bounds a configuration file (.ddat.json); a real
	// one is a few kilobytes.
	maxConfigBytes = 1 << 20
	// maxBaselineBytes bounds a baseline: about 100,000 findings.
	maxBaselineBytes = 32 << 20
	// maxJSONBytes bounds a file given to validate: an export of 20
	// times the whole framework.
	maxJSONBytes = 64 << 20
)

// errLimit is wrapped by the error for a file over its read limit.
var errLimit = input.ErrLimit

// readSet records the files a command has read, so that it never
// writes over one of them (compared by identity, with [os.SameFile],
// not by name). It is safe for concurrent use.
type readSet struct {
	mu    sync.Mutex
	files []os.FileInfo
}

func (s *readSet) add(fi os.FileInfo) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.files = append(s.files, fi)
	s.mu.Unlock()
}

// count returns how many of the files read are fi.
func (s *readSet) count(fi os.FileInfo) int {
	if s == nil {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.files {
		if os.SameFile(r, fi) {
			n++
		}
	}
	return n
}

// holds reports whether fi is one of the files read.
func (s *readSet) holds(fi os.FileInfo) bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.files {
		if os.SameFile(r, fi) {
			return true
		}
	}
	return false
}

// readLimited reads the regular file at path with [input.Read], and
// records it in reads.
func readLimited(reads *readSet, path, shown string, limit int64) (string, error) {
	return reads.took(input.Read(path, shown, limit))
}

// readDocument reads the framework document at path with
// [input.ReadDocument], and records it in reads.
func readDocument(reads *readSet, path, shown string) (string, error) {
	return reads.took(input.ReadDocument(path, shown))
}

// took records fi, a file read (in part, if err is not nil), if it was
// opened, and returns what was read of it.
func (s *readSet) took(fi os.FileInfo, src string, err error) (string, error) {
	if fi != nil {
		s.add(fi)
	}
	return src, err
}

// writeOutput writes data to the file name, for a command's --out or
// --write-baseline flag (named by flagName in errors), so that nothing is
// ever written but what was asked for:
//
//   - name must be a new name or an existing regular file; a symbolic
//     link, a folder, a device or a named pipe is refused, never replaced;
//   - name must not be a file the command read (compared by identity, so
//     a hard link or a path through a symbolic link to a folder is seen
//     through);
//   - the data goes to a temporary file in the same folder, with the
//     mode of the file it replaces (0644 for a new one), renamed over
//     name when complete, so that name is never partial; the temporary
//     file is removed on an error and when the process is interrupted
//     or terminated while writing.
func writeOutput(reads *readSet, flagName, name string, data []byte) (err error) {
	return writeAtomic(name, data, func() (fs.FileMode, error) { return checkOutput(reads, flagName, name) })
}

// writeAtomic writes data to name through a temporary file in the same
// folder, renamed over name when complete (see [writeOutput]). check
// says whether name may be written and the mode it is to have; it is
// called before writing and again just before the rename.
func writeAtomic(name string, data []byte, check func() (fs.FileMode, error)) (err error) {
	mode, err := check()
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	done := trackTemp(f.Name())
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
		done()
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if testHookBeforeRename != nil {
		testHookBeforeRename(f.Name())
	}
	// Checked again just before the rename: the target may have changed
	// while the data was written.
	if _, err = check(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}

// testHookBeforeRename, when not nil, is called with the temporary
// file's name once it is complete (tests of interrupted writes).
var testHookBeforeRename func(tmp string)

// checkOutput checks that name may be written by writeOutput, and
// returns the mode the new file is to have.
func checkOutput(reads *readSet, flagName, name string) (fs.FileMode, error) {
	fi, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return 0o644, nil
	}
	if err != nil {
		return 0, err
	}
	if !fi.Mode().IsRegular() {
		return 0, fmt.Errorf("%s %s is %s; ddat replaces only regular files", flagName, name, input.FileKind(fi.Mode()))
	}
	if reads.holds(fi) {
		return 0, fmt.Errorf("%s %s is one of the inputs; ddat never writes over its inputs", flagName, name)
	}
	return fi.Mode().Perm(), nil
}

// writeFixed writes data over the input file at path (shown as shown),
// which held old when it was read: the one file ddat writes that it has
// read, for lint --fix. As [writeOutput], through a temporary file
// renamed over it, and only if it is still what was read: a regular
// file, not a symbolic link, read once as this input and as nothing
// else (a configuration, a baseline, another input through a hard
// link), holding old.
func writeFixed(reads *readSet, path, shown, old string, data []byte) error {
	return writeAtomic(path, data, func() (fs.FileMode, error) { return checkFixable(reads, path, shown, old) })
}

// checkFixable checks that the input file at path, shown as shown, may
// be written over with its fixes: it is still a regular file, the one
// file read there (not also as a hard link, the configuration or the
// baseline), and holds what was read, old. It returns the file's mode.
// `lint --fix` checks every file before it writes any, and each again
// just before writing it.
func checkFixable(reads *readSet, path, shown, old string) (fs.FileMode, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return 0, err
	}
	if !fi.Mode().IsRegular() {
		return 0, fmt.Errorf("--fix: %s is %s; ddat fixes only regular files", shown, input.FileKind(fi.Mode()))
	}
	switch reads.count(fi) {
	case 0:
		return 0, fmt.Errorf("--fix: %s is not the file that was read; it is left alone", shown)
	case 1:
	default:
		return 0, fmt.Errorf("--fix: %s was also read as another file (a hard link, the configuration or the baseline); it is left alone", shown)
	}
	if fi.Size() != int64(len(old)) {
		return 0, fmt.Errorf("--fix: %s changed since it was read; it is left alone", shown)
	}
	f, err := input.OpenNonBlocking(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	now, err := io.ReadAll(io.LimitReader(f, int64(len(old))+1)) // bounded: never more than was read
	if err != nil {
		return 0, err
	}
	if string(now) != old {
		return 0, fmt.Errorf("--fix: %s changed since it was read; it is left alone", shown)
	}
	return fi.Mode().Perm(), nil
}
