package dev.ser.models.svm;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that calls LIBSVM's training. LIBSVM prints progress to stdout: here its output
 * goes to SLF4J logger {@code libsvm} at debug level. Training is always called with
 * {@code probability = 0}, the only LIBSVM path that draws no numbers from its static
 * {@code svm.rand}, so concurrent fits neither share nor disturb global state (Platt scaling is
 * done by {@link PlattScaling} with our own seeded generator).
 */
final class Libsvm {

    private static final Logger LOG = LoggerFactory.getLogger("libsvm");

    static {
        svm.svm_set_print_string_function(s -> {
            if (LOG.isDebugEnabled()) {
                LOG.debug(s.strip());
            }
        });
    }

    private Libsvm() {
    }

    /**
     * Trains a LIBSVM model without probability estimates.
     *
     * @throws IllegalArgumentException when LIBSVM rejects the parameters
     */
    static svm_model train(svm_problem problem, svm_parameter param) {
        if (param.probability != 0) {
            throw new IllegalArgumentException(
                    "LIBSVM's own probability fit draws from global state; use PlattScaling");
        }
        String error = svm.svm_check_parameter(problem, param);
        if (error != null) {
            throw new IllegalArgumentException("LIBSVM rejects the parameters: " + error);
        }
        return svm.svm_train(problem, param);
    }

    /** Makes sure the print routing is installed (class initialisation). */
    static void init() {
        // the static initialiser does the work
    }
}
