/**
 * The live dashboard: a page on 127.0.0.1 that charts a fit as it runs. {@code Dashboard} is the Java API (a
 * {@code FitMonitor} for the estimators and a {@code Callback} for {@code Sequential}), {@code RunLog} the bounded
 * record of a run's events, {@code DashboardServer} the JDK HTTP server that serves the page, Chart.js from its
 * webjar and the events as server-sent events.
 */
package dev.jnn.plot.live;
