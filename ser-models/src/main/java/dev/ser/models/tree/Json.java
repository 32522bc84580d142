package dev.ser.models.tree;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed reads of hyper-parameter JSON shared by the classic models; absent keys give the default. */
public final class Json {

    private Json() {
    }

    /** An int field. */
    public static int intOr(JsonNode o, String key, int dflt) {
        JsonNode n = o.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(key + " must be an int, got " + n);
        }
        return n.intValue();
    }

    /** A long field. */
    public static long longOr(JsonNode o, String key, long dflt) {
        JsonNode n = o.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException(key + " must be an integer, got " + n);
        }
        return n.longValue();
    }

    /** A number field. */
    public static double doubleOr(JsonNode o, String key, double dflt) {
        JsonNode n = o.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException(key + " must be a number, got " + n);
        }
        return n.doubleValue();
    }

    /** A boolean field. */
    public static boolean boolOr(JsonNode o, String key, boolean dflt) {
        JsonNode n = o.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw new IllegalArgumentException(key + " must be a boolean, got " + n);
        }
        return n.booleanValue();
    }

    /** A text field. */
    public static String textOr(JsonNode o, String key, String dflt) {
        JsonNode n = o.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(key + " must be a string, got " + n);
        }
        return n.asText();
    }
}
