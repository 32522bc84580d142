package dev.ser.core.cqt;

/**
 * Integer-factor downsampling as the constant-Q recursion uses it: librosa's
 * {@code resample(y, orig_sr=factor, target_sr=1, res_type=..., scale=True)}.
 *
 * <p>The contract, which every implementation must honour so that octaves line up:
 * <ul>
 *   <li>the output has exactly {@code ceil(y.length / factor)} samples (librosa's
 *       {@code fix=True});</li>
 *   <li>amplitudes are multiplied by {@code sqrt(factor)} ({@code scale=True} divides by
 *       {@code sqrt(target/orig)}), which keeps the energy of each octave's filter response
 *       comparable across sampling rates;</li>
 *   <li>implementations are stateless or otherwise thread-safe, since one
 *       {@link ConstantQTransform} may serve many threads.</li>
 * </ul>
 * Which low-pass filter does the work decides how close the lower octaves come to librosa's:
 * scipy's {@code resample_poly} ({@code res_type='polyphase'}) or soxr's HQ mode (librosa's
 * default {@code 'soxr_hq'}).
 */
@FunctionalInterface
public interface Decimator {
    /**
     * Downsamples {@code y} by {@code factor}.
     *
     * @param y      the signal, not modified
     * @param factor the integer rate ratio {@code orig_sr / target_sr}, at least 2
     * @return a new array of {@code ceil(y.length / factor)} samples, scaled by
     *         {@code sqrt(factor)}
     */
    double[] decimate(double[] y, int factor);
}
