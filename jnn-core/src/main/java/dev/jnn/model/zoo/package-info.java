/**
 * The named networks of the course with their recipes ({@code ModelZoo}), which {@code jnn fit --model NAME} and
 * Java code build alike. Imports {@code model} and {@code nn}.
 */
package dev.jnn.model.zoo;
