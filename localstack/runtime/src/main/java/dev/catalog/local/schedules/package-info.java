/**
 * Schedules for the local runtime: the template's {@code Type: Schedule} and {@code ScheduleV2} events run as timers
 * that invoke their function with the event EventBridge would send. {@link dev.catalog.local.schedules.Schedules} is
 * the entry point.
 */
package dev.catalog.local.schedules;
