// Package input reads the files the ddat command is given, as
// documents, configuration, baselines or forms: each a regular file
// (anything else is refused without waiting on it), bounded before it is
// read and while it is read, and named in errors as the command shows
// it. Package start reads with it the documents that a command line
// names, while the command's other packages initialise (see
// start.Early), and the command itself reads with it all the rest, so
// that the two read alike.
package input

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"github.com/ddat-tools/ddat/parse"
)

// MaxDocumentBytes bounds a framework document: the parser's own limit,
// so that a larger file is refused before it is read.
const MaxDocumentBytes = 64 << 20

// ErrLimit is wrapped by the error for a file over its read limit.
var ErrLimit = parse.ErrLimit

// ReadDocument is Read for a framework document: a file of the length of
// an embedded published document is compared with it as it is read (see
// [readAgainst]).
func ReadDocument(path, shown string) (os.FileInfo, string, error) {
	var known []string
	for _, d := range parse.PublishedSources().Documents {
		known = append(known, d.File.Src)
	}
	return read(path, shown, MaxDocumentBytes, known)
}

// Read reads the regular file at path into a string, refusing anything
// else (a folder, a named pipe, a device, a socket) without waiting on
// it, and a file of more than limit bytes without reading it; the errors
// name the file as shown. It returns the file's information when it
// could open the file, even with an error reading it: the file may have
// been read in part.
//
// The document parsed from the string shares it (see
// [parse.ParseString]), so that the file's bytes are held once.
func Read(path, shown string, limit int64) (os.FileInfo, string, error) {
	return read(path, shown, limit, nil)
}

// read is Read, the file compared as it is read with the string of known
// that has its length, if one has.
func read(path, shown string, limit int64, known []string) (os.FileInfo, string, error) {
	// Opened without blocking: opening a named pipe for reading waits
	// for a writer, and a device may never answer.
	f, err := OpenNonBlocking(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, "", err
	}
	if !fi.Mode().IsRegular() {
		return nil, "", fmt.Errorf("%s: %s, not a regular file: ddat reads only regular files", shown, FileKind(fi.Mode()))
	}
	if fi.Size() > limit {
		return nil, "", LimitError(shown, fi.Size(), limit)
	}
	for _, k := range known {
		if int64(len(k)) == fi.Size() {
			src, err := readAgainst(f, k, shown, limit)
			return fi, src, err
		}
	}
	src, err := readRest(f, "", nil, int(fi.Size()), shown, limit)
	return fi, src, err
}

// readRest returns the bytes of f read so far, head then tail, followed
// by the rest of f, read straight into a buffer of size bytes and a
// little more (to see the end, or a file that grew), with no copy
// between: the published downloads are megabytes. It refuses a file of
// more than limit bytes in all.
func readRest(f *os.File, head string, tail []byte, size int, shown string, limit int64) (string, error) {
	b := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	b.WriteString(head)
	b.Write(tail)
	read := int64(len(head) + len(tail))
	n, err := b.ReadFrom(io.LimitReader(f, limit+1-read))
	if err != nil {
		return "", fmt.Errorf("%s: %w", shown, err)
	}
	if total := read + n; total > limit {
		return "", LimitError(shown, total, limit)
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
// Read does, after the bytes that matched.
func readAgainst(f *os.File, k, shown string, limit int64) (string, error) {
	var chunk [64 << 10]byte
	off := 0
	for {
		n, err := f.Read(chunk[:min(len(chunk), max(len(k)-off, 1))])
		if n > 0 && (off+n > len(k) || string(chunk[:n]) != k[off:off+n]) {
			// Otherwise than k: the bytes read so far, then the rest.
			return readRest(f, k[:off], chunk[:n], len(k), shown, limit)
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

// LimitError is the error for the file shown, of size bytes, over limit.
func LimitError(shown string, size, limit int64) error {
	more := "more than"
	if size == limit+1 {
		more = "it grew while read to more than" // cut off at the limit
	}
	return fmt.Errorf("%s: %w: the file has %d bytes, %s the limit of %d (%d MiB)", shown, ErrLimit, size, more, limit, limit>>20)
}

// FileKind names what a file that is not a regular file is.
func FileKind(m fs.FileMode) string {
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

// DisplayName returns p relative to cwd when it is below it, else as
// given, with forward slashes: how the command names a file.
func DisplayName(cwd, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	rel, err := filepath.Rel(cwd, abs)
	if err != nil || filepath.IsAbs(p) && strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(filepath.Clean(p))
	}
	return filepath.ToSlash(rel)
}

// Walk calls fn, in lexical order, for each file in the folder root and
// the folders below it, with whether it is a regular file (the others,
// named pipes, devices, symbolic links, are not read), leaving out the
// files and folders whose names start with "." (.git, .ddat.json). It
// returns the first error met listing a folder.
func Walk(root string, fn func(path string, regular bool)) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			fn(path, d.Type().IsRegular())
		}
		return nil
	})
}
