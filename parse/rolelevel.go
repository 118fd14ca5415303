package parse

import "github.com/ddat-tools/ddat/framework"

func looksLikeRoleLevel(src []byte) bool { return false }

func parseRoleLevel(f *framework.File) (*framework.Document, framework.ErrorList) {
	var errs framework.ErrorList
	errs.Add(f.Span(0, 0), nil, "the RoleLevel parser is not written yet")
	return &framework.Document{}, errs
}
