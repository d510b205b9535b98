/**
 * The local console: a small web application the local runtime serves on its own port, for people who would rather
 * look than read. Search calls the HTTP API (forwarded unchanged, with a token the console signs for the chosen
 * tenant), Pipeline shows the stack's status and the lag from commit to read model, Rebuilds drives and follows the
 * rebuild state machine through the AWS endpoint with the AWS SDK. Its pages are static files on the class path
 * (plain JavaScript, and uPlot from its webjar): nothing to download at build or run time.
 */
package dev.catalog.local.console;
