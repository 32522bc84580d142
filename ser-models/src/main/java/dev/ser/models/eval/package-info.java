/**
 * Evaluation: confusion matrices with accuracy, UAR, macro-F1 and per-class scores; reports that
 * state the kind of split; cross-validation over caller-supplied folds, run in parallel.
 */
package dev.ser.models.eval;
