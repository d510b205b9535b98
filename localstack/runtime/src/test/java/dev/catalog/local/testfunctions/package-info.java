/**
 * Functions the local runtime's tests host. They are not loaded from the test class path: the tests package them
 * as a Lambda deployment package (these classes at the root, their dependencies in lib/) and the host loads them
 * from there, each function in its own class loader.
 */
package dev.catalog.local.testfunctions;
