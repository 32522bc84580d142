package dev.ser.models.svm;

import libsvm.svm_parameter;

/** SVM kernel, as scikit-learn's {@code SVC(kernel=...)}. */
public enum Kernel {
    /** {@code <u, v>}. */
    LINEAR("linear", svm_parameter.LINEAR),
    /** {@code (gamma <u, v> + coef0)^degree}. */
    POLY("poly", svm_parameter.POLY),
    /** {@code exp(-gamma |u - v|^2)} (default). */
    RBF("rbf", svm_parameter.RBF),
    /** {@code tanh(gamma <u, v> + coef0)}. */
    SIGMOID("sigmoid", svm_parameter.SIGMOID);

    private final String sklearnName;
    private final int libsvmType;

    Kernel(String sklearnName, int libsvmType) {
        this.sklearnName = sklearnName;
        this.libsvmType = libsvmType;
    }

    /** The scikit-learn name. */
    public String sklearnName() {
        return sklearnName;
    }

    /** LIBSVM's {@code kernel_type}. */
    int libsvmType() {
        return libsvmType;
    }

    /** The kernel of a scikit-learn name. */
    public static Kernel fromSklearnName(String name) {
        for (Kernel k : values()) {
            if (k.sklearnName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kernel: " + name);
    }
}
