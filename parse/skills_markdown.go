package parse

import "github.com/ddat-tools/ddat/framework"

func looksLikeSkillsMarkdown(src []byte) bool { return false }

func parseSkillsMarkdown(f *framework.File) (*framework.Document, framework.ErrorList) {
	var errs framework.ErrorList
	errs.Add(f.Span(0, 0), nil, "the SkillsMarkdown parser is not written yet")
	return &framework.Document{}, errs
}
