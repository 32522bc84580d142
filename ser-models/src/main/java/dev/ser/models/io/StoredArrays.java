package dev.ser.models.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The arrays read from a model file, looked up by name with shape checks. */
public final class StoredArrays {

    private final Map<String, NamedArray> byName = new LinkedHashMap<>();

    StoredArrays() {
    }

    void add(NamedArray a) {
        if (byName.putIfAbsent(a.name(), a) != null) {
            throw new IllegalArgumentException("duplicate array name " + a.name());
        }
    }

    /** Names present. */
    public Set<String> names() {
        return byName.keySet();
    }

    /**
     * The values of array {@code name}, which must have exactly {@code expectedShape}.
     *
     * @throws IllegalArgumentException when missing or shaped differently
     */
    public double[] get(String name, int... expectedShape) {
        NamedArray a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("missing array " + name);
        }
        if (!Arrays.equals(a.shape(), expectedShape)) {
            throw new IllegalArgumentException("array " + name + " has shape " + Arrays.toString(a.shape())
                    + ", expected " + Arrays.toString(expectedShape));
        }
        return a.data();
    }

    /** The array {@code name} (any shape). */
    public NamedArray array(String name) {
        NamedArray a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("missing array " + name);
        }
        return a;
    }
}
