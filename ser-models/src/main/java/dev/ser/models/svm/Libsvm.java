package dev.ser.models.svm;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that touches LIBSVM's global state. LIBSVM prints progress to stdout and draws
 * the fold split of its probability cross-validation from the static {@code svm.rand}; here its
 * output goes to SLF4J at debug level, and every training run reseeds {@code svm.rand} with the
 * configured seed while holding a global lock, so that a fit is deterministic even when other
 * threads train SVMs at the same time (such fits therefore run one at a time).
 */
final class Libsvm {

    private static final Logger LOG = LoggerFactory.getLogger("libsvm");
    private static final Object LOCK = new Object();

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
     * Trains a LIBSVM model.
     *
     * @throws IllegalArgumentException when LIBSVM rejects the parameters
     */
    static svm_model train(svm_problem problem, svm_parameter param, long seed) {
        String error = svm.svm_check_parameter(problem, param);
        if (error != null) {
            throw new IllegalArgumentException("LIBSVM rejects the parameters: " + error);
        }
        if (param.probability == 0) {
            return svm.svm_train(problem, param); // no random numbers drawn
        }
        synchronized (LOCK) {
            svm.rand.setSeed(seed);
            return svm.svm_train(problem, param);
        }
    }

    /** Makes sure the print routing is installed (class initialisation). */
    static void init() {
        // the static initialiser does the work
    }
}
