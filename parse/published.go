package parse

import (
	_ "embed"
	"fmt"
	"slices"
	"sync"

	"github.com/ddat-tools/ddat/framework"
)

// The published framework documents, byte for byte as published (Crown
// copyright, Open Government Licence v3.0; see published/LICENCE and
// published/README.md), embedded as strings: the documents' texts share
// them, and reading them copies nothing.
var (
	//go:embed published/skills-a-to-z-2025-09.md
	publishedSkills string
	//go:embed published/roles-2025-09.csv
	publishedRoles string
)

// publishedNames are the embedded documents: the Skills A to Z as
// Markdown and the "Role content" download, both of September 2025 (see
// published/README.md). They are listed in the order [framework.Merge] takes them (the
// catalogue first), which is the order of the snapshot's edition. Their
// SHA-256 sums are known here, so that loading them does not hash
// 2.7 MB; a test checks them against the embedded bytes.
var publishedNames = []struct {
	name, sha256 string
	src          *string
	format       framework.Format
}{
	{"published/skills-a-to-z-2025-09.md", "d804e54afad45e9f1c4ce07c67d70293b8dbceac046e6a9effd50ad9497953c8", &publishedSkills, framework.FormatSkillsMarkdown},
	{"published/roles-2025-09.csv", "a143d69f8e6f31902df1ac94df21740ba89e417f629f4bd5716d15b594ca7268", &publishedRoles, framework.FormatRolesCSV},
}

// PublishedDate is when the embedded snapshot was downloaded: September
// 2025. It is the date of the snapshot's edition and of each of its
// documents'.
const PublishedDate = "2025-09"

// publishedDoc is an embedded document's name, bytes and SHA-256 sum.
type publishedDoc struct {
	name, src, sha256 string
}

// snapshot is the embedded snapshot, read, parsed and merged once each,
// on first use.
type snapshot struct {
	sources func() ([]publishedDoc, error)
	docs    func() ([]*framework.Document, error)
	fw      func() (*framework.Framework, error)
}

// published is the snapshot; [resetPublished] replaces it (benchmarks
// only).
var published = newSnapshot()

func resetPublished() { published = newSnapshot() }

func newSnapshot() *snapshot {
	s := &snapshot{}
	s.sources = sync.OnceValues(readPublished)
	s.docs = sync.OnceValues(func() ([]*framework.Document, error) { return loadPublished(s.sources) })
	s.fw = sync.OnceValues(func() (*framework.Framework, error) {
		docs, err := s.docs()
		return framework.Merge(docs...), err
	})
	return s
}

// readPublished reads the embedded documents.
func readPublished() ([]publishedDoc, error) {
	docs := make([]publishedDoc, 0, len(publishedNames))
	for _, p := range publishedNames {
		docs = append(docs, publishedDoc{p.name, *p.src, p.sha256})
	}
	return docs, nil
}

// loadPublished returns the embedded documents as parsing them gives
// them: decoded from the snapshot made at build time (see
// publishedSnapshot), or, should it not match the documents, parsed.
func loadPublished(sources func() ([]publishedDoc, error)) ([]*framework.Document, error) {
	pub, err := sources()
	if err != nil {
		return nil, err
	}
	if docs, errs, err := decodePublished(publishedSnapshot, pub); err == nil {
		return docs, errs.Err()
	}
	return parsePublished(sources)
}

// parsePublished parses the embedded documents.
func parsePublished(sources func() ([]publishedDoc, error)) ([]*framework.Document, error) {
	pub, err := sources()
	if err != nil {
		return nil, err
	}
	var docs []*framework.Document
	var errs framework.ErrorList
	for _, p := range pub {
		f, ok := detect(p.src)
		if !ok {
			return nil, fmt.Errorf("parse: embedded %s: %w", p.name, ErrNotFramework)
		}
		doc, err := run(f, p.name, p.src, p.sha256, true)
		if doc != nil {
			doc.Edition.Date = PublishedDate
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
}

// snapshotDocument returns what parsing src as the document name gives
// ([ParseString]) when src is, byte for byte, one of the embedded
// documents: that document decoded from the snapshot made at build time
// (see publishedSnapshot), its file named name, its texts cut from src,
// with its parse errors. Positions are the same, since the bytes are; the
// edition's SHA-256 is the embedded document's, known without hashing.
// ok is false when src is none of the embedded documents, or the snapshot
// does not match them. Each call decodes a document of its own, which the
// caller may modify.
func snapshotDocument(name, src string) (doc *framework.Document, ok bool, err error) {
	pub, _ := published.sources() // reading the embedded files cannot fail
	return snapshotDocumentOf(publishedSnapshot, pub, name, src)
}

// snapshotDocumentOf is snapshotDocument for the snapshot blob of the
// documents pub.
func snapshotDocumentOf(blob string, pub []publishedDoc, name, src string) (doc *framework.Document, ok bool, err error) {
	k := slices.IndexFunc(pub, func(p publishedDoc) bool { return p.src == src })
	if k < 0 {
		return nil, false, nil
	}
	parts, perr := snapshotParts(blob, len(pub))
	if perr != nil {
		return nil, false, nil
	}
	// Only this document's snapshot is decoded, its texts cut from src.
	source := []publishedDoc{{pub[k].name, src, pub[k].sha256}}
	docs, errs, derr := decodeSnapshotAs(parts[k], source, []string{name})
	if derr != nil || len(docs) != 1 {
		return nil, false, nil
	}
	doc = docs[0]
	doc.Edition = framework.SumEdition(pub[k].sha256, doc.Published, doc.Updated)
	for _, e := range errs {
		if e.Pos.Filename != pub[k].name {
			return nil, false, nil
		}
		e.Pos.Filename = name
	}
	return doc, true, errs.Err()
}

// PublishedEdition returns the edition of the embedded snapshot, the
// [framework.Framework.Edition] of [Published], without parsing it.
func PublishedEdition() framework.Edition {
	fw := &framework.Framework{}
	for _, p := range publishedNames {
		fw.Documents = append(fw.Documents, &framework.Document{Edition: framework.Edition{Date: PublishedDate, SHA256: p.sha256}})
	}
	return fw.Edition()
}

// PublishedSources returns the documents of the embedded snapshot as
// they are identified, without reading them: each document's file, its
// format and its edition's SHA-256, and no content (TestPublishedSources
// compares them with [PublishedDocuments]). A caller that needs only to
// know the published documents, as the spelling rule does to take their
// words from the summary written when the program was built, need not
// decode them (see lint.Options.LoadVocabulary).
//
// The framework is made once, and shared: do not modify it.
func PublishedSources() *framework.Framework { return publishedSources() }

var publishedSources = sync.OnceValue(func() *framework.Framework {
	fw := &framework.Framework{}
	for _, p := range publishedNames {
		fw.Documents = append(fw.Documents, &framework.Document{
			File:    framework.NewFile(p.name, *p.src),
			Format:  p.format,
			Edition: framework.Edition{Date: PublishedDate, SHA256: p.sha256},
		})
	}
	return fw
})

// IsPublished reports whether docs include every document of the
// embedded snapshot, byte for byte: the published framework read from
// files rather than embedded. Such inputs are their own spelling
// vocabulary, so a caller need not load [Published] for it. It parses
// nothing, and compares each document's text with the snapshot's at most
// once.
func IsPublished(docs []*framework.Document) bool {
	pub, _ := published.sources() // reading the embedded files cannot fail
	for _, p := range pub {
		found := false
		for _, d := range docs {
			if d.File != nil && d.File.Src == p.src {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// PublishedDocuments returns the documents of the embedded snapshot of the
// published framework, parsed, with the errors their parsers met (the
// published documents have real defects; the documents come back all the
// same). The documents are shared: do not modify them.
func PublishedDocuments() ([]*framework.Document, error) {
	return published.docs()
}

// Published returns the embedded snapshot of the published framework,
// merged: the whole framework as downloaded in September 2025 (the "Role
// content" download and the Skills A to Z; see published/README.md), with
// the indicative grades and seniority order of the embedded table of
// role levels. It reads no files.
//
// The snapshot is read on the first call, from the form parsed at build
// time (see BenchmarkPublishedFirst for its cost), and cached; every call returns the same framework, and
// concurrent first calls are safe. Callers share it: treat it as
// read-only. The error lists what the parsers met in the downloads (they
// have real defects); the framework comes back all the same.
func Published() (*framework.Framework, error) {
	return published.fw()
}
