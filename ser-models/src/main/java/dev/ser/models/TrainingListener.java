package dev.ser.models;

/** Receives progress events while a {@link Trainer} fits; called on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores every event. */
    TrainingListener NONE = e -> { };

    /**
     * One finished epoch.
     *
     * @param epoch           1-based epoch number
     * @param loss            mean training loss over the epoch (including the L2 penalty)
     * @param validationScore accuracy on the held-out validation split, or NaN without early stopping
     * @param learningRate    learning rate in effect at the end of the epoch
     */
    record EpochEvent(int epoch, double loss, double validationScore, double learningRate) {
    }

    /** Called after every epoch. */
    void onEpoch(EpochEvent event);
}
