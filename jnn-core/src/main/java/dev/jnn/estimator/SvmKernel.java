package dev.jnn.estimator;

import dev.jnn.util.PythonNamed;

/** The kernels of {@link SVC} (scikit-learn's {@code kernel}), each with LIBSVM's kernel type. */
public enum SvmKernel implements PythonNamed {
    /** ⟨x, x'⟩. */
    LINEAR("linear", libsvm.svm_parameter.LINEAR),
    /** (γ⟨x, x'⟩ + coef0)^degree. */
    POLY("poly", libsvm.svm_parameter.POLY),
    /** exp(−γ‖x − x'‖²). */
    RBF("rbf", libsvm.svm_parameter.RBF),
    /** tanh(γ⟨x, x'⟩ + coef0). */
    SIGMOID("sigmoid", libsvm.svm_parameter.SIGMOID);

    private final String pythonName;
    final int libsvmType;

    SvmKernel(String pythonName, int libsvmType) {
        this.pythonName = pythonName;
        this.libsvmType = libsvmType;
    }

    @Override
    public String pythonName() {
        return pythonName;
    }
}
