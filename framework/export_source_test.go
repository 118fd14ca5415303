package framework

// For the external tests of Text.Sub.
const LongText = longText

// SubNew is Text.Sub through a map made for the call, kept by nobody,
// whatever the text's length.
func SubNew(t Text, i, j int) Span { return newTextMap(t).sub(t.Span, i, j) }
