package dev.ser.examples;

import dev.ser.core.audio.AudioLoader;
import dev.ser.core.audio.AudioSignal;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import dev.ser.core.resample.ResampleMode;
import dev.ser.core.resample.ResampleOptions;
import dev.ser.core.resample.Resampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ser convert}: any supported audio file to a mono WAV at a chosen rate (16 kHz by
 * default), in pure Java — what the classic Python project needed ffmpeg for.
 */
@Command(name = "convert",
        description = {
            "Convert audio files (WAV, AIFF, FLAC; any rate and channel count) to mono WAV,",
            "resampled to --sample-rate (default 16000 Hz). Channels are averaged as librosa does."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class ConvertCommand implements Callable<Integer> {
    enum Quality { HQ, POLYPHASE }

    enum Encoding { PCM16, FLOAT32 }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files to convert.")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", required = true,
            description = "Output folder (created if absent), or the output .wav file when converting one file.")
    Path output;

    @Option(names = {"-r", "--sample-rate"}, paramLabel = "HZ", defaultValue = "16000",
            description = "Output sample rate in Hz; 0 keeps each file's rate. Default: ${DEFAULT-VALUE}.")
    int sampleRate;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "HQ",
            description = "Resampler: hq (band-limited, stands in for librosa's soxr_hq) or polyphase"
                    + " (scipy's resample_poly). Default: hq.")
    Quality quality;

    @Option(names = "--encoding", paramLabel = "E", defaultValue = "PCM16",
            description = "Sample encoding: pcm16 or float32. Default: pcm16.")
    Encoding encoding;

    @Option(names = {"-f", "--force"}, description = "Overwrite existing output files.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (sampleRate < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sample-rate must be >= 0, got " + sampleRate);
        }
        boolean singleFile = files.size() == 1 && output.toString().toLowerCase(Locale.ROOT).endsWith(".wav");
        if (!singleFile) {
            Files.createDirectories(output);
        }
        ResampleOptions resampling = ResampleOptions.builder()
                .mode(quality == Quality.HQ ? ResampleMode.HIGH_QUALITY : ResampleMode.POLYPHASE).build();
        AudioLoader loader = new AudioLoader(AudioLoader.Options.builder().targetSampleRate(sampleRate).build(),
                (samples, from, to) -> Resampler.resample(samples, from, to, resampling));
        WavSampleFormat format = encoding == Encoding.PCM16 ? WavSampleFormat.PCM_16 : WavSampleFormat.FLOAT_32;
        int failures = 0;
        for (Path file : files) {
            Path target = singleFile ? output : output.resolve(stem(file) + ".wav");
            try {
                convert(loader, file, target, format);
            } catch (IOException | RuntimeException e) {
                failures++;
                spec.commandLine().getErr().println("ser convert: " + file + ": " + e.getMessage());
            }
        }
        return failures == 0 ? 0 : SerCli.EXIT_INPUT_FAILED;
    }

    private void convert(AudioLoader loader, Path file, Path target, WavSampleFormat format) throws IOException {
        if (Files.exists(target) && Files.isSameFile(file, target)) {
            throw new IOException("refusing to overwrite the input with its own conversion (" + target + ")");
        }
        if (Files.exists(target) && !force) {
            throw new IOException(target + " exists; use --force to overwrite it");
        }
        AudioSignal signal = loader.load(file);
        WavWriter.write(target, signal, format);
        spec.commandLine().getOut().printf(Locale.ROOT, "%s -> %s (%d Hz, %.2f s)%n", file, target,
                signal.sampleRate(), signal.durationSeconds());
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

}
