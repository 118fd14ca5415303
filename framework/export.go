package framework

import "errors"

// ExportOptions configure [Export].
type ExportOptions struct {
	// Positions adds to every element the file, line and column of its
	// text in the source.
	Positions bool
}

// Export encodes fw as the module's JSON export, described by the schema
// in package schema. The output is deterministic.
func Export(fw *Framework, opts ExportOptions) ([]byte, error) {
	return nil, errors.New("export: not written yet")
}
