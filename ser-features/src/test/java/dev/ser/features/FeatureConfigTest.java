package dev.ser.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.dsp.PadMode;
import dev.ser.core.dsp.StftConfig;
import dev.ser.core.dsp.Window;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FeatureConfigTest {

    @Test
    void classicConfigurationIsThe193ValueVector() {
        FeatureLayout layout = Layouts.of(FeatureConfig.CLASSIC);
        assertEquals(193, layout.size());
        assertEquals(List.of(Feature.MFCC, Feature.CHROMA, Feature.MEL, Feature.CONTRAST, Feature.TONNETZ),
                layout.features());
        assertEquals(0, layout.segment(Feature.MFCC).offset());
        assertEquals(40, layout.segment(Feature.CHROMA).offset());
        assertEquals(52, layout.segment(Feature.MEL).offset());
        assertEquals(180, layout.segment(Feature.CONTRAST).offset());
        assertEquals(187, layout.segment(Feature.TONNETZ).offset());
        assertEquals("chroma_C", layout.columnNames().get(40));
        assertEquals("chroma_B", layout.columnNames().get(51));
        assertEquals("tonnetz_5", layout.columnNames().get(192));
    }

    @Test
    void layoutOrderIgnoresTheOrderFeaturesAreNamedIn() {
        FeatureConfig a = FeatureConfig.builder().features(Feature.MEL, Feature.MFCC, Feature.CHROMA).build();
        FeatureConfig b = FeatureConfig.builder().features(Feature.CHROMA, Feature.MEL, Feature.MFCC).build();
        assertEquals(a, b);
        assertEquals(180, Layouts.of(a).size());
        assertEquals(List.of(Feature.MFCC, Feature.CHROMA, Feature.MEL), Layouts.of(a).features());
    }

    @Test
    void invalidParametersAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureConfig.builder().nMfcc(0).build());
        assertTrue(e.getMessage().contains("n_mfcc"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().nMfcc(200).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().features(List.of()).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().contrastQuantile(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().fmin(9000).fmax(8000).build());
    }

    @Test
    void newerFormatVersionIsRefused() {
        Map<String, String> p = new HashMap<>(FeatureConfig.CLASSIC.toProperties());
        p.put("format_version", Integer.toString(FeatureConfig.FORMAT_VERSION + 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureConfig.fromProperties(p));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void everyParameterChangesTheCanonicalKey() {
        String base = FeatureConfig.CLASSIC.canonicalKey();
        List<FeatureConfig> variants = List.of(
                FeatureConfig.builder().nMfcc(20).build(),
                FeatureConfig.builder().targetSampleRate(16000).build(),
                FeatureConfig.builder().stft(StftConfig.builder().padMode(PadMode.REFLECT).build()).build(),
                FeatureConfig.builder().htk(true).build(),
                FeatureConfig.builder().topDb(Double.POSITIVE_INFINITY).build(),
                FeatureConfig.builder().chromaTuning(0.0).build(),
                FeatureConfig.builder().contrastLinear(true).build(),
                FeatureConfig.builder().hpssKernel(17).build(),
                FeatureConfig.builder().features(Feature.MFCC).build());
        for (FeatureConfig v : variants) {
            assertNotEquals(base, v.canonicalKey(), v.toString());
        }
    }

    @Property(tries = 200)
    void propertiesRoundTrip(@ForAll("configs") FeatureConfig config) {
        FeatureConfig back = FeatureConfig.fromProperties(config.toProperties());
        assertEquals(config, back);
        assertEquals(config.canonicalKey(), back.canonicalKey());
    }

    @Provide
    Arbitrary<FeatureConfig> configs() {
        Arbitrary<Set<Feature>> features = Arbitraries.of(Feature.class).set().ofMinSize(1)
                .map(s -> EnumSet.copyOf(s));
        Arbitrary<StftConfig> stft = Combinators.combine(
                        Arbitraries.integers().between(64, 4096),
                        Arbitraries.of(Window.class),
                        Arbitraries.of(true, false),
                        Arbitraries.of(PadMode.class))
                .as((n, w, c, p) -> StftConfig.builder().nFft(n).hopLength(Math.max(1, n / 3)).window(w)
                        .center(c).padMode(p).build());
        return Combinators.combine(features, stft,
                        Arbitraries.integers().between(1, 64),
                        Arbitraries.of(0.0, 0.27, -0.4, Double.NaN),
                        Arbitraries.of(80.0, 60.5, Double.POSITIVE_INFINITY),
                        Arbitraries.of(0, 8000, 22050),
                        Arbitraries.of(true, false))
                .as((f, s, nMfcc, tuning, topDb, sr, htk) -> FeatureConfig.builder().features(f).stft(s)
                        .nMfcc(nMfcc).chromaTuning(tuning).topDb(topDb).targetSampleRate(sr).htk(htk).build());
    }
}
