package dev.ser.models.tree;

/** Converts stored float64 arrays back to validated ints (model files hold only float64 arrays). */
public final class StoredInts {

    private StoredInts() {
    }

    /** The float64 form of ints, for writing. */
    public static double[] toDoubles(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /**
     * The ints of a stored array, each required to be integral and in {@code [min, max]}.
     *
     * @throws IllegalArgumentException naming the array otherwise
     */
    public static int[] of(double[] a, String name, int min, int max) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            double v = a[i];
            if (!(v >= min && v <= max) || v != Math.rint(v)) {
                throw new IllegalArgumentException("array " + name + " element " + i + " is " + v
                        + ", expected an integer in [" + min + ", " + max + "]");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** A count stored in a JSON description, required to be in {@code [min, max]}. */
    public static int count(com.fasterxml.jackson.databind.JsonNode o, String key, int min, int max) {
        com.fasterxml.jackson.databind.JsonNode n = o.get(key);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            throw new IllegalArgumentException(key + " must be an integer in [" + min + ", " + max + "], got " + n);
        }
        return n.intValue();
    }
}
