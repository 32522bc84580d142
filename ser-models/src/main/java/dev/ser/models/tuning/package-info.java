/** Hyper-parameter search with (grouped) cross-validation. */
package dev.ser.models.tuning;
