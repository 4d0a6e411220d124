/**
 * The convolution and pooling kernels behind the layers, each reached through one small public entry point:
 * {@code DirectConvolution} (a float32 convolution without the patch matrix: it picks {@code SampleLanesConv},
 * {@code SingleChannelConv} or {@code FilterLanesConv}, which sum alike to the bit, and an {@code InputGradientKernel} (for
 * predictions on a few rows, one without the 16-sample lanes), and runs the pooled step
 * of a relu convolution and its 2×2 max pooling), {@code ConvGeometry} (sizes, padding and the im2col packing),
 * {@code MaxPool2x2} and {@code MaxPoolKeys}. Everything else here is package-private. Imports only {@code tensor}.
 */
package dev.jnn.kernels;
