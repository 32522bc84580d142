package dev.ser.examples.plot;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** Pixel statistics for the plot tests. */
final class Images {
    private Images() {
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    /** Variance of the CIE lightness over all pixels. */
    static double lightnessVariance(BufferedImage image) {
        double sum = 0;
        double sq = 0;
        int n = image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double l = Srgb.lightness(image.getRGB(x, y) & 0xFFFFFF);
                sum += l;
                sq += l * l;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    /** The pixel row of {@code area} whose mean lightness is highest. */
    static int brightestRow(BufferedImage image, Rectangle area) {
        int best = -1;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int y = area.y; y < area.y + area.height; y++) {
            double sum = 0;
            for (int x = area.x; x < area.x + area.width; x++) {
                sum += Srgb.lightness(image.getRGB(x, y) & 0xFFFFFF);
            }
            if (sum > bestMean) {
                bestMean = sum;
                best = y;
            }
        }
        return best;
    }

    /** How many pixels have exactly this colour. */
    static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
