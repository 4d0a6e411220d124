/**
 * Figures of jnn's results: {@code Figures} draws every kind of the course (loss curves, decision boundaries,
 * confusion and grid-search heatmaps, ROC curves, image grids of samples, weights, feature maps and filters, PCA,
 * reconstructions, activation functions, data scatters) as PNG-ready {@code Figure}s with JFreeChart and
 * {@code BufferedImage}, headless; {@code HtmlReport} puts a run's figures and numbers on one offline page.
 * Depends on jnn-core, which never imports it.
 */
package dev.jnn.plot;
