package dev.ser.features;

import dev.ser.core.dsp.PadMode;
import dev.ser.core.dsp.StftConfig;
import dev.ser.core.dsp.Window;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Everything that determines the numbers a {@link FeatureExtractor} produces: which features, the
 * sample-rate policy and every librosa parameter behind each feature.
 *
 * <p>Defaults are librosa 0.11.0's, except {@code n_mfcc = 40} (librosa's default is 20), which is
 * what the classic speech-emotion recipe uses. {@link #CLASSIC} is the classic 193-value
 * configuration. Immutable; two configurations are equal exactly when they produce the same
 * numbers, and {@link #toProperties()} gives a canonical, stable description used as a cache key
 * and stored in model files.
 *
 * @param features          the features to compute (pooled in {@link Feature} order)
 * @param targetSampleRate  resample every input to this rate in Hz, or 0 to keep each file's own
 *                          rate (the classic recipe keeps it)
 * @param stft              the STFT shared by MFCC, MEL, CHROMA and CONTRAST (and by the
 *                          harmonic separation for TONNETZ)
 * @param nMfcc             number of cepstral coefficients
 * @param mfccDctType       DCT type 1, 2 or 3 (librosa default 2)
 * @param mfccLifter        cepstral liftering coefficient, 0 disables (librosa default 0)
 * @param nMels             number of mel bands (default 128)
 * @param fmin              lowest mel band edge in Hz (default 0)
 * @param fmax              highest mel band edge in Hz, or 0 for the Nyquist frequency
 * @param htk               HTK mel scale instead of Slaney's (default false)
 * @param melSlaneyNorm     Slaney area normalisation of the mel filters (librosa {@code norm='slaney'},
 *                          default true)
 * @param topDb             dynamic range kept by {@code power_to_db} before the DCT in dB, or
 *                          {@code Double.POSITIVE_INFINITY} for none (default 80)
 * @param nChroma           chroma bins (default 12)
 * @param chromaTuning      tuning offset in fractions of a chroma bin, or {@code NaN} to estimate it
 *                          from the spectrogram (default)
 * @param contrastFmin      lower edge of the first contrast band in Hz (default 200)
 * @param contrastBands     number of contrast bands (default 6, giving 7 values)
 * @param contrastQuantile  quantile defining peaks and valleys (default 0.02)
 * @param contrastLinear    linear instead of log-scaled contrast (default false)
 * @param hpssKernel        median-filter length of the harmonic separation behind TONNETZ (default 31)
 * @param hpssMargin        margin of the harmonic separation (default 1)
 */
public record FeatureConfig(
        Set<Feature> features,
        int targetSampleRate,
        StftConfig stft,
        int nMfcc,
        int mfccDctType,
        double mfccLifter,
        int nMels,
        double fmin,
        double fmax,
        boolean htk,
        boolean melSlaneyNorm,
        double topDb,
        int nChroma,
        double chromaTuning,
        double contrastFmin,
        int contrastBands,
        double contrastQuantile,
        boolean contrastLinear,
        int hpssKernel,
        double hpssMargin) {

    /** Version of the numbers: bump when a change to the code changes any output. */
    public static final int FORMAT_VERSION = 1;

    /** The classic 193-value configuration: all five features, librosa defaults, 40 MFCCs. */
    public static final FeatureConfig CLASSIC = builder().build();

    public FeatureConfig {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(stft, "stft");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("at least one feature is required");
        }
        features = java.util.Collections.unmodifiableSet(EnumSet.copyOf(features));
        require(targetSampleRate >= 0, "target sample rate must be 0 (keep) or positive, got " + targetSampleRate);
        require(nMfcc >= 1, "n_mfcc must be positive, got " + nMfcc);
        require(mfccDctType >= 1 && mfccDctType <= 3, "dct_type must be 1, 2 or 3, got " + mfccDctType);
        require(mfccLifter >= 0, "lifter must be non-negative, got " + mfccLifter);
        require(nMels >= 1, "n_mels must be positive, got " + nMels);
        require(nMfcc <= nMels || !features.contains(Feature.MFCC),
                "n_mfcc (" + nMfcc + ") cannot exceed n_mels (" + nMels + ")");
        require(fmin >= 0 && (fmax == 0 || fmax > fmin), "need 0 <= fmin < fmax, got " + fmin + ", " + fmax);
        require(topDb > 0, "top_db must be positive (or infinite for none), got " + topDb);
        require(nChroma >= 1, "n_chroma must be positive, got " + nChroma);
        require(contrastFmin > 0, "contrast fmin must be positive, got " + contrastFmin);
        require(contrastBands >= 1, "contrast n_bands must be positive, got " + contrastBands);
        require(contrastQuantile > 0 && contrastQuantile < 1, "quantile must be in (0, 1), got " + contrastQuantile);
        require(hpssKernel >= 1, "HPSS kernel must be positive, got " + hpssKernel);
        require(hpssMargin >= 1, "HPSS margin must be at least 1, got " + hpssMargin);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Whether {@code feature} is computed. */
    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    /** A copy computing only {@code selected} (in canonical order). */
    public FeatureConfig withFeatures(Collection<Feature> selected) {
        return toBuilder().features(selected).build();
    }

    /** The upper mel edge for a signal at {@code sampleRate}: {@link #fmax} or Nyquist. */
    public double fmaxFor(int sampleRate) {
        return fmax > 0 ? fmax : sampleRate / 2.0;
    }

    /** Rows each feature contributes. */
    public int dimension(Feature feature) {
        return switch (feature) {
            case MFCC -> nMfcc;
            case CHROMA -> nChroma;
            case MEL -> nMels;
            case CONTRAST -> contrastBands + 1;
            case TONNETZ -> 6;
        };
    }

    /**
     * A canonical description of every parameter, in a fixed order with locale-independent number
     * formatting. Equal configurations give equal maps; {@link #fromProperties} inverts it.
     */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("format_version", Integer.toString(FORMAT_VERSION));
        StringJoiner names = new StringJoiner(",");
        features.forEach(f -> names.add(f.key()));
        p.put("features", names.toString());
        p.put("target_sr", Integer.toString(targetSampleRate));
        p.put("n_fft", Integer.toString(stft.nFft()));
        p.put("hop_length", Integer.toString(stft.hopLength()));
        p.put("win_length", Integer.toString(stft.winLength()));
        p.put("window", stft.window().name().toLowerCase(Locale.ROOT));
        p.put("center", Boolean.toString(stft.center()));
        p.put("pad_mode", stft.padMode().name().toLowerCase(Locale.ROOT));
        p.put("n_mfcc", Integer.toString(nMfcc));
        p.put("dct_type", Integer.toString(mfccDctType));
        p.put("lifter", num(mfccLifter));
        p.put("n_mels", Integer.toString(nMels));
        p.put("fmin", num(fmin));
        p.put("fmax", num(fmax));
        p.put("htk", Boolean.toString(htk));
        p.put("mel_norm", melSlaneyNorm ? "slaney" : "none");
        p.put("top_db", num(topDb));
        p.put("n_chroma", Integer.toString(nChroma));
        p.put("tuning", num(chromaTuning));
        p.put("contrast_fmin", num(contrastFmin));
        p.put("contrast_n_bands", Integer.toString(contrastBands));
        p.put("contrast_quantile", num(contrastQuantile));
        p.put("contrast_linear", Boolean.toString(contrastLinear));
        p.put("hpss_kernel", Integer.toString(hpssKernel));
        p.put("hpss_margin", num(hpssMargin));
        return p;
    }

    /** The properties as one line, {@code key=value;...}: a stable cache key. */
    public String canonicalKey() {
        StringJoiner j = new StringJoiner(";");
        toProperties().forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "estimate" : Double.toString(v);
    }

    /**
     * Rebuilds a configuration from {@link #toProperties()}; missing keys take their defaults.
     *
     * @throws IllegalArgumentException for a newer format version or an unparsable value
     */
    public static FeatureConfig fromProperties(Map<String, String> p) {
        int version = Integer.parseInt(p.getOrDefault("format_version", "1"));
        if (version > FORMAT_VERSION) {
            throw new IllegalArgumentException("feature configuration format " + version
                    + " is newer than this library understands (" + FORMAT_VERSION + ")");
        }
        Builder b = builder();
        try {
            if (p.containsKey("features")) {
                EnumSet<Feature> fs = EnumSet.noneOf(Feature.class);
                for (String name : p.get("features").split(",")) {
                    fs.add(Feature.parse(name.trim()));
                }
                b.features(fs);
            }
            StftConfig.Builder s = StftConfig.builder();
            s.nFft(intOr(p, "n_fft", 2048));
            if (p.containsKey("hop_length")) {
                s.hopLength(Integer.parseInt(p.get("hop_length")));
            }
            if (p.containsKey("win_length")) {
                s.winLength(Integer.parseInt(p.get("win_length")));
            }
            s.window(Window.valueOf(p.getOrDefault("window", "hann").toUpperCase(Locale.ROOT)));
            s.center(Boolean.parseBoolean(p.getOrDefault("center", "true")));
            s.padMode(PadMode.valueOf(p.getOrDefault("pad_mode", "constant").toUpperCase(Locale.ROOT)));
            b.stft(s.build())
                    .targetSampleRate(intOr(p, "target_sr", 0))
                    .nMfcc(intOr(p, "n_mfcc", 40))
                    .mfccDctType(intOr(p, "dct_type", 2))
                    .mfccLifter(dblOr(p, "lifter", 0))
                    .nMels(intOr(p, "n_mels", 128))
                    .fmin(dblOr(p, "fmin", 0))
                    .fmax(dblOr(p, "fmax", 0))
                    .htk(Boolean.parseBoolean(p.getOrDefault("htk", "false")))
                    .melSlaneyNorm(!"none".equals(p.getOrDefault("mel_norm", "slaney")))
                    .topDb(dblOr(p, "top_db", 80))
                    .nChroma(intOr(p, "n_chroma", 12))
                    .chromaTuning(dblOr(p, "tuning", Double.NaN))
                    .contrastFmin(dblOr(p, "contrast_fmin", 200))
                    .contrastBands(intOr(p, "contrast_n_bands", 6))
                    .contrastQuantile(dblOr(p, "contrast_quantile", 0.02))
                    .contrastLinear(Boolean.parseBoolean(p.getOrDefault("contrast_linear", "false")))
                    .hpssKernel(intOr(p, "hpss_kernel", 31))
                    .hpssMargin(dblOr(p, "hpss_margin", 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad feature configuration: " + e.getMessage(), e);
        }
        return b.build();
    }

    private static int intOr(Map<String, String> p, String key, int dflt) {
        return p.containsKey(key) ? Integer.parseInt(p.get(key)) : dflt;
    }

    private static double dblOr(Map<String, String> p, String key, double dflt) {
        String v = p.get(key);
        if (v == null) {
            return dflt;
        }
        return "estimate".equals(v) ? Double.NaN : Double.parseDouble(v);
    }

    public Builder toBuilder() {
        return new Builder().features(features).targetSampleRate(targetSampleRate).stft(stft).nMfcc(nMfcc)
                .mfccDctType(mfccDctType).mfccLifter(mfccLifter).nMels(nMels).fmin(fmin).fmax(fmax).htk(htk)
                .melSlaneyNorm(melSlaneyNorm).topDb(topDb).nChroma(nChroma).chromaTuning(chromaTuning)
                .contrastFmin(contrastFmin).contrastBands(contrastBands).contrastQuantile(contrastQuantile)
                .contrastLinear(contrastLinear).hpssKernel(hpssKernel).hpssMargin(hpssMargin);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the classic configuration. */
    public static final class Builder {
        private Set<Feature> features = EnumSet.allOf(Feature.class);
        private int targetSampleRate;
        private StftConfig stft = StftConfig.DEFAULT;
        private int nMfcc = 40;
        private int mfccDctType = 2;
        private double mfccLifter;
        private int nMels = 128;
        private double fmin;
        private double fmax;
        private boolean htk;
        private boolean melSlaneyNorm = true;
        private double topDb = 80.0;
        private int nChroma = 12;
        private double chromaTuning = Double.NaN;
        private double contrastFmin = 200.0;
        private int contrastBands = 6;
        private double contrastQuantile = 0.02;
        private boolean contrastLinear;
        private int hpssKernel = 31;
        private double hpssMargin = 1.0;

        /** Features to compute; default all five. */
        public Builder features(Collection<Feature> features) {
            this.features = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
            return this;
        }

        /** Features to compute; default all five. */
        public Builder features(Feature first, Feature... more) {
            this.features = EnumSet.of(first, more);
            return this;
        }

        /** Resample inputs to this rate in Hz; 0 (default) keeps each file's own rate. */
        public Builder targetSampleRate(int hz) {
            this.targetSampleRate = hz;
            return this;
        }

        /** The shared STFT; default librosa's (2048, hop 512, Hann, centred, zero padding). */
        public Builder stft(StftConfig stft) {
            this.stft = stft;
            return this;
        }

        /** Cepstral coefficients; default 40. */
        public Builder nMfcc(int n) {
            this.nMfcc = n;
            return this;
        }

        /** DCT type for MFCC; default 2. */
        public Builder mfccDctType(int type) {
            this.mfccDctType = type;
            return this;
        }

        /** Cepstral liftering; default 0 (none). */
        public Builder mfccLifter(double lifter) {
            this.mfccLifter = lifter;
            return this;
        }

        /** Mel bands; default 128. */
        public Builder nMels(int n) {
            this.nMels = n;
            return this;
        }

        /** Lowest mel frequency in Hz; default 0. */
        public Builder fmin(double hz) {
            this.fmin = hz;
            return this;
        }

        /** Highest mel frequency in Hz; default 0 meaning Nyquist. */
        public Builder fmax(double hz) {
            this.fmax = hz;
            return this;
        }

        /** HTK mel scale; default false (Slaney). */
        public Builder htk(boolean htk) {
            this.htk = htk;
            return this;
        }

        /** Slaney area normalisation of mel filters; default true. */
        public Builder melSlaneyNorm(boolean on) {
            this.melSlaneyNorm = on;
            return this;
        }

        /** Dynamic range of the log-mel spectrogram in dB; default 80, infinity for none. */
        public Builder topDb(double db) {
            this.topDb = db;
            return this;
        }

        /** Chroma bins; default 12. */
        public Builder nChroma(int n) {
            this.nChroma = n;
            return this;
        }

        /** Chroma tuning in bins; default NaN (estimate from the spectrogram). */
        public Builder chromaTuning(double tuning) {
            this.chromaTuning = tuning;
            return this;
        }

        /** Lower edge of the first contrast band in Hz; default 200. */
        public Builder contrastFmin(double hz) {
            this.contrastFmin = hz;
            return this;
        }

        /** Contrast bands; default 6. */
        public Builder contrastBands(int n) {
            this.contrastBands = n;
            return this;
        }

        /** Contrast quantile; default 0.02. */
        public Builder contrastQuantile(double q) {
            this.contrastQuantile = q;
            return this;
        }

        /** Linear contrast; default false. */
        public Builder contrastLinear(boolean linear) {
            this.contrastLinear = linear;
            return this;
        }

        /** Median-filter length of the harmonic separation; default 31. */
        public Builder hpssKernel(int n) {
            this.hpssKernel = n;
            return this;
        }

        /** Margin of the harmonic separation; default 1. */
        public Builder hpssMargin(double margin) {
            this.hpssMargin = margin;
            return this;
        }

        public FeatureConfig build() {
            return new FeatureConfig(features, targetSampleRate, stft, nMfcc, mfccDctType, mfccLifter, nMels,
                    fmin, fmax, htk, melSlaneyNorm, topDb, nChroma, chromaTuning, contrastFmin, contrastBands,
                    contrastQuantile, contrastLinear, hpssKernel, hpssMargin);
        }
    }
}
