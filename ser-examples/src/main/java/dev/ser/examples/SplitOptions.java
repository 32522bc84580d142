package dev.ser.examples;

import dev.ser.models.FeatureTable;
import dev.ser.models.eval.Fold;
import dev.ser.models.eval.Folds;
import dev.ser.models.eval.SplitKind;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The cross-validation options shared by {@code ser evaluate} and {@code ser grid-search}. */
final class SplitOptions {
    enum Split { SPEAKERS, LOSO, RANDOM }

    @Option(names = {"-s", "--split"}, paramLabel = "SPLIT", defaultValue = "speakers",
            description = "speakers: k folds grouped by speaker (default); loso: leave one speaker out;"
                    + " random: stratified k folds, speaker-dependent.")
    Split split;

    @Option(names = {"-k", "--folds"}, paramLabel = "K", defaultValue = "5", description = "Folds. Default: ${DEFAULT-VALUE}.")
    int folds;

    /** What the folds are. */
    SplitKind kind() {
        return split == Split.RANDOM ? SplitKind.SPEAKER_DEPENDENT : SplitKind.SPEAKER_INDEPENDENT;
    }

    /** A description for reports. */
    String describe() {
        return kind() == SplitKind.SPEAKER_INDEPENDENT ? "speaker-independent" : "SPEAKER-DEPENDENT (speakers shared)";
    }

    /**
     * The folds over {@code table}'s rows.
     *
     * @throws CommandLine.ParameterException when there are too few speakers or folds
     */
    List<Fold> folds(FeatureTable table, long seed, CommandLine commandLine) {
        if (folds < 2) {
            throw new CommandLine.ParameterException(commandLine, "--folds must be at least 2, got " + folds);
        }
        String[] groups = table.groups().orElseThrow();
        long speakers = Arrays.stream(groups).distinct().count();
        return switch (split) {
            case SPEAKERS -> {
                if (speakers < folds) {
                    throw new CommandLine.ParameterException(commandLine, "only " + speakers
                            + " speakers: too few for " + folds + " speaker folds (use --folds or --split loso)");
                }
                yield Folds.groupKFold(groups, folds);
            }
            case LOSO -> {
                if (speakers < 2) {
                    throw new CommandLine.ParameterException(commandLine, "leave-one-speaker-out needs 2 speakers or more");
                }
                yield Folds.leaveOneGroupOut(groups);
            }
            case RANDOM -> Folds.stratifiedKFold(table.labels(), folds, seed);
        };
    }
}
