package dev.ser.models.eval;

/** How the evaluation data were separated from the training data; stated in every report. */
public enum SplitKind {
    /** No speaker (group) occurs in both training and test data: the honest SER protocol. */
    SPEAKER_INDEPENDENT,
    /** Speakers are shared between training and test data: optimistic estimates. */
    SPEAKER_DEPENDENT,
    /** A split fixed by the corpus distribution (official train/test lists). */
    PREDEFINED,
    /** Not stated by the caller. */
    UNSPECIFIED
}
