/**
 * What every other package may use and nothing else provides: atomic file writes ({@code AtomicFiles}), Python's
 * number formatting ({@code PyFormat}) and the one lookup from Python names to Java constants
 * ({@code PythonNamed}). Imports nothing of jnn.
 */
package dev.jnn.util;
