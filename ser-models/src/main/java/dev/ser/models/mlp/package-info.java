/**
 * A native multi-layer perceptron with scikit-learn {@code MLPClassifier} semantics (adam and sgd
 * solvers), trained with cache-blocked, auto-vectorised kernels; bit-for-bit reproducible for a seed
 * whatever the thread count.
 */
package dev.ser.models.mlp;
