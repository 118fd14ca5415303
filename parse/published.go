package parse

import (
	"embed"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/ddat-tools/ddat/framework"
)

// publishedFS holds the published framework documents, byte for byte as
// published (Crown copyright, Open Government Licence v3.0; see
// published/LICENCE).
//
//go:embed published/*.txt published/*.md published/LICENCE
var publishedFS embed.FS

// publishedDoc is an embedded document's name and bytes.
type publishedDoc struct {
	name string
	src  string
}

// published are the embedded documents, read once.
var published = sync.OnceValues(func() ([]publishedDoc, error) {
	names, err := fs.Glob(publishedFS, "published/*.*")
	if err != nil {
		return nil, err
	}
	var docs []publishedDoc
	for _, name := range names {
		src, err := readEmbedded(name)
		if err != nil {
			return nil, err
		}
		docs = append(docs, publishedDoc{path.Join("published", path.Base(name)), src})
	}
	return docs, nil
})

// readEmbedded reads an embedded file straight into a string: the
// documents' texts share it.
func readEmbedded(name string) (string, error) {
	f, err := publishedFS.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(int(fi.Size()))
	if _, err := io.Copy(&b, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

// publishedDocs parses the embedded documents once.
var publishedDocs = sync.OnceValues(func() ([]*framework.Document, error) {
	pub, err := published()
	if err != nil {
		return nil, err
	}
	var docs []*framework.Document
	var errs framework.ErrorList
	for _, p := range pub {
		doc, err := ParseString(p.name, p.src)
		if doc != nil {
			docs = append(docs, doc)
		}
		if l, ok := err.(framework.ErrorList); ok {
			errs = append(errs, l...)
		} else if err != nil {
			return nil, err
		}
	}
	errs.Sort()
	return docs, errs.Err()
})

// PublishedSources returns the text of the embedded published documents,
// unparsed, so that a caller can tell whether its inputs already hold
// them without paying for parsing them. The strings are those the Files
// of [PublishedDocuments] hold. (Reading the embedded files cannot fail;
// if it did, [PublishedDocuments] would say so, and this list would be
// empty.)
func PublishedSources() []string {
	pub, _ := published()
	out := make([]string, 0, len(pub))
	for _, p := range pub {
		out = append(out, p.src)
	}
	return out
}

// PublishedDocuments returns the documents of the embedded snapshot of the
// published framework, parsed, with the errors their parsers met (the
// published documents have real defects; the documents come back all the
// same). The documents are shared: do not modify them.
func PublishedDocuments() ([]*framework.Document, error) {
	return publishedDocs()
}

// Published returns the embedded snapshot of the published framework,
// merged: the Skills A to Z catalogue and the role pages the module ships.
// It reads no files. The result is shared: do not modify it.
func Published() (*framework.Framework, error) {
	docs, err := publishedDocs()
	return framework.Merge(docs...), err
}
