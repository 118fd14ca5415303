package parse

import "github.com/ddat-tools/ddat/framework"

func looksLikeLegacyGuidance(src []byte) bool { return false }

func parseLegacyGuidance(f *framework.File) (*framework.Document, framework.ErrorList) {
	var errs framework.ErrorList
	errs.Add(f.Span(0, 0), nil, "the LegacyGuidance parser is not written yet")
	return &framework.Document{}, errs
}
