package lint

// All is the list of rules, in the order ddat rules lists them. A test
// validates it with [Validate].
var All = []*Rule{}
