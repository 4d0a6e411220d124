/**
 * The {@code jnn} command line (picocli): {@code fit}, {@code search}, {@code datasets} and {@code bench}, their
 * options (the MLP's made from its parameter table), progress bars, one-line errors and the reports they write.
 * Sits on top of jnn-core; nothing in the core imports it.
 */
package dev.jnn.cli;
