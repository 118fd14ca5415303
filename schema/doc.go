// Package schema holds the JSON Schemas (draft 2020-12) of the module's
// JSON documents and validates documents against them.
//
// # Kinds
//
// Each [Kind] of document has one schema, embedded in the package and
// given by [Source]:
//
//   - [Export], the framework export that framework.Export writes
//     (export.schema.json);
//   - [Diagnostics], the findings of ddat lint --format json
//     (diagnostics.schema.json);
//   - [Config], the linter's configuration file .ddat.json
//     (config.schema.json);
//   - [Diff], the differences between two editions that ddat diff
//     --format json writes (diff.schema.json);
//   - [Form], a self-assessment form that ddat assess template --format
//     json writes (form.schema.json);
//   - [Assessment], the gaps that ddat assess gap --format json writes
//     (assessment.schema.json).
//
// A document names its schema by the schema's $id in its "$schema" key;
// [KindByID] maps that back to a Kind.
//
// # Errors
//
// [Validate] returns a [*SyntaxError] with a line and column for data that
// is not JSON, and an [*Error] whose [Problem]s locate each fault by JSON
// Pointer, sorted, so that the same document always gives the same
// message.
package schema
