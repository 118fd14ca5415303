package framework

// For the external tests of Text.Sub.
const LongText = longText

func SubDirect(t Text, i, j int) Span { return t.subDirect(i, j) }
