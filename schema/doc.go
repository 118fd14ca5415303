// Package schema holds the JSON Schemas of the module's JSON outputs and
// validates documents against them.
package schema
