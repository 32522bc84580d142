package dev.ser.core.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The Bessel function, Kaiser window and firwin design against values printed by scipy 1.17. */
class KaiserTest {
    @ParameterizedTest(name = "I0({0})")
    @CsvSource({
        "0, 1.0",
        "0.5, 1.0634833707413234",
        "1, 1.2660658777520082",
        "5, 27.239871823604442",
        "10, 2815.716628466254",
        "13.4, 72630.58256912231",
        "50, 2.9325537838493355e+20",
        "200, 2.039687173409724e+85",
        "700, 1.5295933476718735e+302"})
    void besselI0MatchesScipySpecial(double x, double expected) {
        assertEquals(expected, Kaiser.besselI0(x), 1e-14 * expected);
        assertEquals(expected, Kaiser.besselI0(-x), 1e-14 * expected, "I0 is even");
    }

    @Test
    void besselI0OverflowsToInfinity() {
        assertEquals(Double.POSITIVE_INFINITY, Kaiser.besselI0(800));
    }

    @Test
    void windowMatchesScipyKaiser() {
        double[] expected = {0.036710892271286676, 0.3282019573723212, 0.7753221044454067, 1.0,
            0.7753221044454067, 0.3282019573723212, 0.036710892271286676};
        assertArrayEquals(expected, Kaiser.window(7, 5.0), 1e-15);
    }

    @Test
    void firwinMatchesScipy() {
        double[] expected = {-7.12907708368861e-19, -0.024371974377369248, 1.0736113012217556e-17,
            0.2752870772465444, 0.4981697942616496, 0.2752870772465444, 1.0736113012217556e-17,
            -0.024371974377369248, -7.12907708368861e-19};
        assertArrayEquals(expected, FirDesign.kaiserLowpass(9, 0.5, 5.0), 1e-15);
    }
}
