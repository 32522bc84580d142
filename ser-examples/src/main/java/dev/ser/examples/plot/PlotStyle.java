package dev.ser.examples.plot;

import java.awt.Font;
import java.util.Objects;

/**
 * How a plot looks: image size in pixels, fonts and colour map. Immutable; build with
 * {@link #builder()} or start from {@link #DEFAULT}.
 *
 * @param width         image width in pixels, 240 to 8192 (default 1000)
 * @param height        image height in pixels, 180 to 8192 (default 450)
 * @param fontFamily    font family for all text; a logical family such as {@code "SansSerif"}
 *                      (default) exists on every JDK
 * @param titleFontSize title size in points (= pixels at the image's 72 dpi), 6 to 96 (default 18, bold)
 * @param labelFontSize axis-label size in points, 6 to 96 (default 14)
 * @param tickFontSize  tick-label size in points, 6 to 96 (default 12); also the text in
 *                      confusion-matrix cells and legends
 * @param colorMap      colour map of images and colour bars (default {@link ColorMap#PERCEPTUAL})
 */
public record PlotStyle(int width, int height, String fontFamily, int titleFontSize, int labelFontSize,
                        int tickFontSize, ColorMap colorMap) {
    /** Smallest accepted width in pixels: below it the axes leave no room for data. */
    public static final int MIN_WIDTH = 240;
    /** Smallest accepted height in pixels. */
    public static final int MIN_HEIGHT = 180;
    /** Largest accepted width or height in pixels (an 8192 x 8192 image takes 256 MiB). */
    public static final int MAX_SIZE = 8192;

    /** 1000 x 450 pixels, SansSerif 18/14/12 pt, the perceptual colour map. */
    public static final PlotStyle DEFAULT = new PlotStyle(1000, 450, Font.SANS_SERIF, 18, 14, 12, ColorMap.PERCEPTUAL);

    public PlotStyle {
        Objects.requireNonNull(fontFamily, "fontFamily");
        Objects.requireNonNull(colorMap, "colorMap");
        if (width < MIN_WIDTH || width > MAX_SIZE) {
            throw new IllegalArgumentException("width must be " + MIN_WIDTH + " to " + MAX_SIZE + " pixels, got " + width);
        }
        if (height < MIN_HEIGHT || height > MAX_SIZE) {
            throw new IllegalArgumentException("height must be " + MIN_HEIGHT + " to " + MAX_SIZE + " pixels, got " + height);
        }
        checkFont("title", titleFontSize);
        checkFont("label", labelFontSize);
        checkFont("tick", tickFontSize);
    }

    private static void checkFont(String what, int size) {
        if (size < 6 || size > 96) {
            throw new IllegalArgumentException(what + " font size must be 6 to 96 points, got " + size);
        }
    }

    /** This style at another size, fonts and colours unchanged. */
    public PlotStyle withSize(int newWidth, int newHeight) {
        return toBuilder().size(newWidth, newHeight).build();
    }

    public static Builder builder() {
        return DEFAULT.toBuilder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.width = width;
        b.height = height;
        b.fontFamily = fontFamily;
        b.titleFontSize = titleFontSize;
        b.labelFontSize = labelFontSize;
        b.tickFontSize = tickFontSize;
        b.colorMap = colorMap;
        return b;
    }

    Font titleFont() {
        return new Font(fontFamily, Font.BOLD, titleFontSize);
    }

    Font labelFont() {
        return new Font(fontFamily, Font.PLAIN, labelFontSize);
    }

    Font tickFont() {
        return new Font(fontFamily, Font.PLAIN, tickFontSize);
    }

    /** Builder starting from {@link #DEFAULT}. */
    public static final class Builder {
        private int width;
        private int height;
        private String fontFamily;
        private int titleFontSize;
        private int labelFontSize;
        private int tickFontSize;
        private ColorMap colorMap;

        private Builder() {
        }

        /** Image width in pixels. */
        public Builder width(int pixels) {
            this.width = pixels;
            return this;
        }

        /** Image height in pixels. */
        public Builder height(int pixels) {
            this.height = pixels;
            return this;
        }

        /** Image width and height in pixels. */
        public Builder size(int widthPixels, int heightPixels) {
            return width(widthPixels).height(heightPixels);
        }

        public Builder fontFamily(String family) {
            this.fontFamily = family;
            return this;
        }

        public Builder titleFontSize(int points) {
            this.titleFontSize = points;
            return this;
        }

        public Builder labelFontSize(int points) {
            this.labelFontSize = points;
            return this;
        }

        public Builder tickFontSize(int points) {
            this.tickFontSize = points;
            return this;
        }

        public Builder colorMap(ColorMap map) {
            this.colorMap = map;
            return this;
        }

        public PlotStyle build() {
            return new PlotStyle(width, height, fontFamily, titleFontSize, labelFontSize, tickFontSize, colorMap);
        }
    }
}
