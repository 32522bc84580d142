package dev.ser.examples.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link SerServer}.
 *
 * @param host            address to bind; default {@code 127.0.0.1} (loopback only)
 * @param port            TCP port; {@code 0} picks a free one (see {@link SerServer#port()}); default 8080
 * @param maxUploadBytes  largest accepted request body in bytes (413 above); default 20 MiB
 * @param maxConcurrent   predictions running at once (503 with Retry-After above); default the number of
 *                        processors
 * @param threads         request-handling threads; default {@code maxConcurrent + 4}, so that health
 *                        checks and refusals are answered while every prediction slot is busy
 * @param shutdownGrace   how long {@link SerServer#close()} waits for in-flight requests; default 10 s
 */
public record ServerConfig(String host, int port, long maxUploadBytes, int maxConcurrent, int threads,
                           Duration shutdownGrace) {

    /** Default largest upload: 20 MiB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L << 20;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (maxUploadBytes < 1 || maxUploadBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxUploadBytes must be in 1..2^31-17, got " + maxUploadBytes);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative, got " + shutdownGrace);
        }
    }

    /** The defaults. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the defaults. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private int maxConcurrent = Runtime.getRuntime().availableProcessors();
        private int threads = -1;
        private Duration shutdownGrace = Duration.ofSeconds(10);

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder maxUploadBytes(long bytes) {
            this.maxUploadBytes = bytes;
            return this;
        }

        public Builder maxConcurrent(int n) {
            this.maxConcurrent = n;
            return this;
        }

        /** Request threads; unset means {@code maxConcurrent + 4}. */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(host, port, maxUploadBytes, maxConcurrent,
                    threads > 0 ? threads : maxConcurrent + 4, shutdownGrace);
        }
    }
}
