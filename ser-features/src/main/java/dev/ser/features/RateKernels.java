package dev.ser.features;

import dev.ser.core.cqt.ChromaCqt;
import dev.ser.core.cqt.ChromaCqtConfig;
import dev.ser.core.cqt.Tonnetz;
import dev.ser.core.dsp.ChromaConfig;
import dev.ser.core.dsp.ChromaStft;
import dev.ser.core.dsp.ComplexMatrix;
import dev.ser.core.dsp.ContrastConfig;
import dev.ser.core.dsp.DecibelConfig;
import dev.ser.core.dsp.HarmonicPercussive;
import dev.ser.core.dsp.Decibels;
import dev.ser.core.dsp.HpssConfig;
import dev.ser.core.dsp.Matrix;
import dev.ser.core.dsp.MelConfig;
import dev.ser.core.dsp.MelNorm;
import dev.ser.core.dsp.MelSpectrogram;
import dev.ser.core.dsp.Mfcc;
import dev.ser.core.dsp.MfccConfig;
import dev.ser.core.dsp.SpectralContrast;

/**
 * The precomputed, immutable DSP objects of one {@link FeatureConfig} at one sample rate: mel
 * filter bank and DCT basis, contrast bands, constant-Q chroma. Built once per rate by
 * {@link FeatureExtractor} and shared by all threads.
 */
final class RateKernels {
    private final Mfcc mfcc;
    private final DecibelConfig decibels;
    private final ChromaConfig chroma;
    private final SpectralContrast contrast;
    private final HpssConfig hpss;
    private final ChromaCqt chromaCqt;
    private final FeatureConfig config;
    private final int sampleRate;

    private RateKernels(FeatureConfig config, int sampleRate) {
        this.config = config;
        this.sampleRate = sampleRate;
        MelConfig mel = MelConfig.builder()
                .nMels(config.nMels())
                .fMin(config.fmin())
                .fMax(config.fmax() > 0 ? config.fmax() : null)
                .htk(config.htk())
                .norm(config.melSlaneyNorm() ? MelNorm.SLANEY : MelNorm.NONE)
                .build();
        MfccConfig mfccConfig = MfccConfig.builder()
                .nMfcc(config.nMfcc())
                .dctType(config.mfccDctType())
                .lifter(config.mfccLifter())
                .build();
        this.mfcc = Mfcc.create(sampleRate, config.stft(), mel, mfccConfig);
        this.decibels = DecibelConfig.builder()
                .topDb(Double.isInfinite(config.topDb()) ? null : config.topDb())
                .build();
        ChromaConfig.Builder chromaBuilder = ChromaConfig.builder().stft(config.stft()).nChroma(config.nChroma());
        this.chroma = (Double.isNaN(config.chromaTuning()) ? chromaBuilder.estimateTuning()
                : chromaBuilder.tuning(config.chromaTuning())).build();
        this.contrast = config.has(Feature.CONTRAST)
                ? SpectralContrast.create(sampleRate, config.stft().nFft(), ContrastConfig.builder()
                        .fMin(config.contrastFmin())
                        .nBands(config.contrastBands())
                        .quantile(config.contrastQuantile())
                        .linear(config.contrastLinear())
                        .build())
                : null;
        this.hpss = HpssConfig.builder().kernelSize(config.hpssKernel()).margin(config.hpssMargin()).build();
        this.chromaCqt = config.has(Feature.TONNETZ)
                ? ChromaCqt.of(ChromaCqtConfig.builder().hopLength(config.stft().hopLength()).build())
                : null;
    }

    static RateKernels build(FeatureConfig config, int sampleRate) {
        return new RateKernels(config, sampleRate);
    }

    /** The mel power spectrogram ({@code melspectrogram(y)}) from the shared power spectrogram. */
    Matrix melPower(Matrix power) {
        return mfcc.melSpectrogram().fromSpectrogram(power);
    }

    /** MFCC from the mel power spectrogram: {@code power_to_db} with {@code top_db}, then the DCT. */
    Matrix mfcc(Matrix melPower) {
        return mfcc.fromLogMelSpectrogram(Decibels.powerToDb(melPower, decibels));
    }

    /** {@code chroma_stft(S=|stft|)}, tuning estimated from the magnitude unless configured. */
    Matrix chroma(Matrix magnitude) {
        return ChromaStft.fromSpectrogram(magnitude, sampleRate, chroma);
    }

    /** {@code spectral_contrast(S=|stft|)}; refuses bands above Nyquist at construction. */
    Matrix contrast(Matrix magnitude) {
        return contrast.apply(magnitude);
    }

    /**
     * {@code tonnetz(y=effects.harmonic(y))}: the harmonic part is separated from the shared STFT
     * (as {@code effects.harmonic} does from its own, identical one), inverted to {@code length}
     * samples, then analysed by the constant-Q chroma.
     *
     * @param magnitude {@code stft.magnitude()} when the caller has it already, else null
     */
    Matrix tonnetz(ComplexMatrix stft, Matrix magnitude, int length) {
        double[] harmonic = HarmonicPercussive.harmonic(stft, magnitude != null ? magnitude : stft.magnitude(),
                length, hpss, config.stft());
        return Tonnetz.fromChroma(chromaCqt.compute(harmonic, sampleRate));
    }
}
