/**
 * The function host: the template's Java functions run in this JVM as Lambda would run them, each in its own
 * execution environment (class loader over its deployment package, static state, variables), with the Java
 * runtime's handler rules and serializers, its {@code Context}, timeouts and error reports.
 * {@link dev.catalog.local.functions.FunctionHost} is the entry point.
 */
package dev.catalog.local.functions;
