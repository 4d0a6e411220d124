/**
 * JMH benchmarks of the kernels (run with the commands in the README); the scripts beside this module run the
 * reference implementations next to jnn. Imports jnn-core only.
 */
package dev.jnn.bench;
