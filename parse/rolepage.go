package parse

import "github.com/ddat-tools/ddat/framework"

func looksLikeRolePage(src []byte) bool { return false }

func parseRolePage(f *framework.File) (*framework.Document, framework.ErrorList) {
	var errs framework.ErrorList
	errs.Add(f.Span(0, 0), nil, "the RolePage parser is not written yet")
	return &framework.Document{}, errs
}
