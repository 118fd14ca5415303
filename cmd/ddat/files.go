package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"unsafe"

	"github.com/ddat-tools/ddat/parse"
)

// Read limits. Every file ddat reads is checked against its limit before
// it is read (by its size) and while it is read (a file that grows is
// cut off one byte past the limit), so that no input costs more memory
// than its limit, whatever it is.
const (
	// maxDocumentBytes bounds a framework document: the parser's own
	// limit, so that a larger file is refused before it is read.
	maxDocumentBytes = 64 << 20
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
var errLimit = parse.ErrLimit

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

// readLimited reads the regular file at path into a string, refusing
// anything else (a folder, a named pipe, a device, a socket) without
// waiting on it, and a file of more than limit bytes without reading
// it. what names the file's role in errors ("configuration"); the
// errors name the file as shown. The file is recorded in reads.
//
// The document parsed from the string shares it (see
// [parse.ParseString]), so that the file's bytes are held once.
func readLimited(reads *readSet, path, shown string, limit int64) (string, error) {
	return readLimitedAs(reads, path, shown, limit, nil)
}

// readDocument is readLimited for a framework document: a file of the
// length of an embedded published document is compared with it as it is
// read (see [readAgainst]).
func readDocument(reads *readSet, path, shown string) (string, error) {
	var known []string
	for _, d := range parse.PublishedSources().Documents {
		known = append(known, d.File.Src)
	}
	return readLimitedAs(reads, path, shown, maxDocumentBytes, known)
}

// readLimitedAs is readLimited, the file compared as it is read with
// the string of known that has its length, if one has.
func readLimitedAs(reads *readSet, path, shown string, limit int64, known []string) (string, error) {
	// Opened without blocking: opening a named pipe for reading waits
	// for a writer, and a device may never answer.
	f, err := openNonBlocking(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", err
	}
	if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("%s: %s, not a regular file: ddat reads only regular files", shown, fileKind(fi.Mode()))
	}
	if fi.Size() > limit {
		return "", limitError(shown, fi.Size(), limit)
	}
	reads.add(fi)
	for _, k := range known {
		if int64(len(k)) == fi.Size() {
			return readAgainst(f, k, shown, limit)
		}
	}
	// Read straight into a buffer of the file's size and a little more
	// (to see the end, or a file that grew), with no copy between: the
	// published downloads are megabytes.
	b := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	n, err := b.ReadFrom(io.LimitReader(f, limit+1))
	if err != nil {
		return "", fmt.Errorf("%s: %w", shown, err)
	}
	if n > limit {
		return "", limitError(shown, n, limit)
	}
	// The buffer is not written again: it becomes the string.
	buf := b.Bytes()
	return unsafe.String(unsafe.SliceData(buf), len(buf)), nil
}

// readAgainst reads f, a file of len(k) bytes when it was opened, a
// chunk at a time, comparing each with k: a file that holds k gives k,
// with no copy of it kept (the published downloads, linted as files, are
// the embedded documents, megabytes of them). At the first byte that
// differs, or past the end of k if the file grew, it reads the rest as
// readLimited does, after the bytes that matched.
func readAgainst(f *os.File, k, shown string, limit int64) (string, error) {
	var chunk [64 << 10]byte
	off := 0
	for {
		n, err := f.Read(chunk[:min(len(chunk), max(len(k)-off, 1))])
		if n > 0 && (off+n > len(k) || string(chunk[:n]) != k[off:off+n]) {
			// Otherwise than k: the bytes read so far, then the rest.
			b := bytes.NewBuffer(make([]byte, 0, len(k)+bytes.MinRead))
			b.WriteString(k[:off])
			b.Write(chunk[:n])
			m, err := b.ReadFrom(io.LimitReader(f, limit+1-int64(off+n)))
			if err != nil {
				return "", fmt.Errorf("%s: %w", shown, err)
			}
			if total := int64(off+n) + m; total > limit {
				return "", limitError(shown, total, limit)
			}
			buf := b.Bytes()
			return unsafe.String(unsafe.SliceData(buf), len(buf)), nil
		}
		off += n
		switch {
		case err == io.EOF:
			return k[:off], nil // all of k, or the file was cut short as read
		case err != nil:
			return "", fmt.Errorf("%s: %w", shown, err)
		}
	}
}

func limitError(shown string, size, limit int64) error {
	more := "more than"
	if size == limit+1 {
		more = "it grew while read to more than" // cut off at the limit
	}
	return fmt.Errorf("%s: %w: the file has %d bytes, %s the limit of %d (%d MiB)", shown, errLimit, size, more, limit, limit>>20)
}

// fileKind names what a file that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "not a regular file"
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
		return 0, fmt.Errorf("%s %s is %s; ddat replaces only regular files", flagName, name, fileKind(fi.Mode()))
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
		return 0, fmt.Errorf("--fix: %s is %s; ddat fixes only regular files", shown, fileKind(fi.Mode()))
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
	f, err := openNonBlocking(path)
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
