package dev.ser.models.eval;

/** Scalar summary metrics computed from a {@link ConfusionMatrix}. */
public enum Metric {
    /** Fraction of samples classified correctly. */
    ACCURACY,
    /** Unweighted average recall (balanced accuracy): mean recall over classes with support. */
    UAR,
    /** Unweighted mean F1 over classes that occur in the truth or the predictions. */
    MACRO_F1;

    /** The metric's value for {@code cm}. */
    public double of(ConfusionMatrix cm) {
        return switch (this) {
            case ACCURACY -> cm.accuracy();
            case UAR -> cm.uar();
            case MACRO_F1 -> cm.macroF1();
        };
    }
}
