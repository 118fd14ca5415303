package lint

import "github.com/ddat-tools/ddat/framework"

// isLegacy reports whether a document is a page of the older gov.uk
// guidance, which predates the catalogue.
func isLegacy(d *framework.Document) bool {
	return d != nil && d.Format.IsLegacy()
}

// currentFormat reports whether a document's role requirements can be held
// against the catalogue.
func currentFormat(d *framework.Document) bool {
	return d != nil && !isLegacy(d)
}

// complete reports whether a document gives all of a role's requirements:
// a role page or the roles CSV download. A JSON export may have been
// made from part of a role, so it is not taken as complete.
func complete(d *framework.Document) bool {
	return d != nil && (d.Format == framework.FormatRolePage || d.Format == framework.FormatRolesCSV)
}
