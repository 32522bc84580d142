package dev.ser.core.dsp;

/**
 * Parameters of a decibel conversion, librosa's {@code power_to_db(S, ref, amin, top_db)} and
 * {@code amplitude_to_db}.
 *
 * <p>Immutable; build with {@link #builder()} (power defaults) or start from
 * {@link #POWER_DEFAULT} / {@link #AMPLITUDE_DEFAULT}.
 *
 * @param ref      the reference value that maps to 0 dB (its absolute value is used); ignored when
 *                 {@code refIsMax}; default 1
 * @param refIsMax use the maximum of the input as the reference, librosa's {@code ref=np.max}
 * @param amin     floor applied to the input (and the reference) before the logarithm, {@code > 0};
 *                 default 1e-10 for power, 1e-5 for amplitude
 * @param topDb    if non-null, the output is clipped from below at {@code max(output) - topDb}
 *                 ({@code >= 0}, in dB); {@code null} is librosa's {@code top_db=None}; default 80
 */
public record DecibelConfig(double ref, boolean refIsMax, double amin, Double topDb) {
    /** {@code power_to_db} defaults: ref 1, amin 1e-10, top_db 80. */
    public static final DecibelConfig POWER_DEFAULT = new DecibelConfig(1.0, false, 1e-10, 80.0);
    /** {@code amplitude_to_db} defaults: ref 1, amin 1e-5, top_db 80. */
    public static final DecibelConfig AMPLITUDE_DEFAULT = new DecibelConfig(1.0, false, 1e-5, 80.0);

    public DecibelConfig {
        if (!(amin > 0)) {
            throw new SpectralParameterException("amin must be strictly positive, got " + amin);
        }
        if (topDb != null && !(topDb >= 0)) {
            throw new SpectralParameterException("top_db must be non-negative, got " + topDb);
        }
        if (!refIsMax && Double.isNaN(ref)) {
            throw new SpectralParameterException("ref must be a number, got NaN");
        }
    }

    /** A builder initialised with {@link #POWER_DEFAULT}. */
    public static Builder builder() {
        return POWER_DEFAULT.toBuilder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.ref = ref;
        b.refIsMax = refIsMax;
        b.amin = amin;
        b.topDb = topDb;
        return b;
    }

    /** Builder; starts from the power defaults. */
    public static final class Builder {
        private double ref = 1.0;
        private boolean refIsMax;
        private double amin = 1e-10;
        private Double topDb = 80.0;

        /** A fixed reference value (0 dB); default 1. */
        public Builder ref(double ref) {
            this.ref = ref;
            this.refIsMax = false;
            return this;
        }

        /** The input's maximum as reference, librosa's {@code ref=np.max}. */
        public Builder refMax() {
            this.refIsMax = true;
            return this;
        }

        /** Floor before the logarithm; default 1e-10 (power). */
        public Builder amin(double amin) {
            this.amin = amin;
            return this;
        }

        /** Dynamic range below the maximum, in dB, or {@code null} for none; default 80. */
        public Builder topDb(Double topDb) {
            this.topDb = topDb;
            return this;
        }

        public DecibelConfig build() {
            return new DecibelConfig(ref, refIsMax, amin, topDb);
        }
    }
}
