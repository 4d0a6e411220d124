/**
 * Dense row-major tensors ({@code Tensor}, {@code DType}), the matrix product ({@code Gemm}, register-tiled, its
 * micro-kernel chosen per CPU, split so that the thread count never changes the bits), element-wise and reduction
 * kernels ({@code Kernels}, {@code TallKernels} for the tall matrices of convolutions), reusable batch buffers,
 * numpy's random stream ({@code Rng}) and the thread pool ({@code Parallel}). Imports only {@code util} and the JDK
 * (the Vector API incubator module included).
 */
package dev.jnn.tensor;
