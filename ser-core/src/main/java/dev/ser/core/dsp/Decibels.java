package dev.ser.core.dsp;

/**
 * Conversions between linear and decibel scales: {@code librosa.power_to_db},
 * {@code amplitude_to_db}, {@code db_to_power}, {@code db_to_amplitude}. Every method returns a new
 * matrix of the input's shape; stateless and thread-safe.
 */
public final class Decibels {
    private Decibels() {
    }

    /** {@code power_to_db(S)}: ref 1, amin 1e-10, top_db 80. */
    public static Matrix powerToDb(Matrix power) {
        return powerToDb(power, DecibelConfig.POWER_DEFAULT);
    }

    /**
     * {@code 10 * log10(max(amin, S) / max(amin, ref))}, then, when {@code topDb} is set, clipped
     * from below at the result's maximum minus {@code topDb}. Input values are powers (squared
     * magnitudes); negative inputs are floored at {@code amin} like librosa.
     */
    public static Matrix powerToDb(Matrix power, DecibelConfig config) {
        double[] s = power.data();
        double ref = config.refIsMax() ? max(s) : Math.abs(config.ref());
        double amin = config.amin();
        double refDb = 10.0 * Math.log10(Math.max(amin, ref));
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = 10.0 * Math.log10(Math.max(amin, s[i])) - refDb;
        }
        if (config.topDb() != null && out.length > 0) {
            double floor = max(out) - config.topDb();
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(out[i], floor);
            }
        }
        return new Matrix(power.rows(), power.cols(), out);
    }

    /** {@code amplitude_to_db(S)}: ref 1, amin 1e-5, top_db 80. */
    public static Matrix amplitudeToDb(Matrix amplitude) {
        return amplitudeToDb(amplitude, DecibelConfig.AMPLITUDE_DEFAULT);
    }

    /**
     * {@code 20 * log10(|S| / ref)} computed as librosa does: {@code power_to_db(|S|^2,
     * ref=ref^2, amin=amin^2, top_db)}, with the reference (fixed or the maximum of {@code |S|})
     * taken on magnitudes.
     */
    public static Matrix amplitudeToDb(Matrix amplitude, DecibelConfig config) {
        double[] a = amplitude.data();
        double[] squared = new double[a.length];
        double maxMagnitude = 0;
        for (int i = 0; i < a.length; i++) {
            double m = Math.abs(a[i]);
            maxMagnitude = Math.max(maxMagnitude, m);
            squared[i] = m * m;
        }
        double ref = config.refIsMax() ? maxMagnitude : Math.abs(config.ref());
        DecibelConfig onPower = new DecibelConfig(ref * ref, false, config.amin() * config.amin(), config.topDb());
        return powerToDb(new Matrix(amplitude.rows(), amplitude.cols(), squared), onPower);
    }

    /** {@code db_to_power(S_db)}: {@code 10^(S_db / 10)}. */
    public static Matrix dbToPower(Matrix db) {
        return dbToPower(db, 1.0);
    }

    /** {@code db_to_power(S_db, ref)}: {@code ref * 10^(S_db / 10)}. */
    public static Matrix dbToPower(Matrix db, double ref) {
        double[] d = db.data();
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = ref * Math.pow(10.0, 0.1 * d[i]);
        }
        return new Matrix(db.rows(), db.cols(), out);
    }

    /** {@code db_to_amplitude(S_db, ref)}: {@code sqrt(db_to_power(S_db, ref^2))}. */
    public static Matrix dbToAmplitude(Matrix db, double ref) {
        Matrix p = dbToPower(db, ref * ref);
        double[] v = p.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sqrt(v[i]);
        }
        return p;
    }

    /** {@code db_to_amplitude(S_db)} with ref 1. */
    public static Matrix dbToAmplitude(Matrix db) {
        return dbToAmplitude(db, 1.0);
    }

    /** Maximum, NaN if any value is NaN (as numpy's max), -infinity for an empty array. */
    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (x > m || Double.isNaN(x)) {
                m = x;
                if (Double.isNaN(x)) {
                    return x;
                }
            }
        }
        return m;
    }
}
