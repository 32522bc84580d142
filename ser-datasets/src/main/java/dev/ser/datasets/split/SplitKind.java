package dev.ser.datasets.split;

/**
 * What kind of train/test division a {@link Split} is. Every split carries its kind so that a reported accuracy
 * can always be traced to whether the test speakers were seen in training.
 */
public enum SplitKind {
    /** Utterances split at random (stratified by emotion): the same speakers appear on both sides. */
    SPEAKER_DEPENDENT(false),
    /** A seeded hold-out of whole speakers. */
    SPEAKER_INDEPENDENT_HOLDOUT(true),
    /** One fold of a k-fold cross-validation grouped by speaker. */
    SPEAKER_GROUPED_KFOLD(true),
    /** One fold of leave-one-speaker-out cross-validation. */
    LEAVE_ONE_SPEAKER_OUT(true),
    /** Train/test as predefined by the corpus layout; speaker independence depends on the corpus. */
    PREDEFINED(false);

    private final boolean speakerIndependentByConstruction;

    SplitKind(boolean speakerIndependentByConstruction) {
        this.speakerIndependentByConstruction = speakerIndependentByConstruction;
    }

    /** True when the construction guarantees that no speaker is on both sides. */
    public boolean speakerIndependentByConstruction() {
        return speakerIndependentByConstruction;
    }
}
