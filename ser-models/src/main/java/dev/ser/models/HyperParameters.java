package dev.ser.models;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A model's hyper-parameters, written to model files and provenance as JSON (scikit-learn's names). */
public interface HyperParameters {
    /** The hyper-parameters as a JSON object. */
    ObjectNode toJson();
}
