/**
 * template.yaml as the local runtime reads it: {@link dev.catalog.local.template.CloudFormationYaml} turns the YAML,
 * short-form tags included, into plain values and {@link dev.catalog.local.template.Intrinsic} records;
 * {@link dev.catalog.local.template.SamTemplate#load} builds the model of what is hosted locally (functions with
 * Globals merged, their HttpApi and MSK events, HTTP APIs and their authorizers, state machines) and resolves its
 * values through the {@link dev.catalog.local.template.IntrinsicResolver} the runtime supplies. Everything it cannot
 * resolve is reported at once, each with its place in the template.
 */
package dev.catalog.local.template;
