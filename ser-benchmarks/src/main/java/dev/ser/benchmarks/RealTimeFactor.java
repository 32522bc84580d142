package dev.ser.benchmarks;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks whose names match the first argument (default: all) and prints each
 * result as a real-time factor: processing seconds per second of audio (lower is faster; 0.01
 * means 100x faster than real time).
 *
 * <p>{@code java -cp ser-benchmarks/target/benchmarks.jar dev.ser.benchmarks.RealTimeFactor [REGEX]}
 */
public final class RealTimeFactor {
    private RealTimeFactor() {
    }

    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : ".*";
        Options options = new OptionsBuilder().include(include).build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-50s %12s %12s %14s%n", "benchmark", "ms/op", "error", "real-time factor");
        for (RunResult r : results) {
            String seconds = r.getParams().getParam("seconds");
            double score = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            String rtf = seconds == null ? "-" : String.format(Locale.ROOT, "%.5f",
                    score / 1000.0 / Double.parseDouble(seconds));
            String name = r.getParams().getBenchmark().replaceFirst("^dev\\.ser\\.benchmarks\\.", "")
                    + paramsOf(r);
            System.out.printf(Locale.ROOT, "%-50s %12.4f %12.4f %14s%n", name, score, error, rtf);
        }
    }

    private static String paramsOf(RunResult r) {
        StringBuilder sb = new StringBuilder();
        for (String key : r.getParams().getParamsKeys()) {
            sb.append(sb.length() == 0 ? " [" : ", ").append(key).append('=').append(r.getParams().getParam(key));
        }
        return sb.length() == 0 ? "" : sb.append(']').toString();
    }
}
