package dev.ser.datasets.extract;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.Partition;
import dev.ser.datasets.Sex;
import dev.ser.datasets.Utterance;
import dev.ser.testkit.Npy;
import dev.ser.testkit.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureTableIOTest {
    @TempDir
    Path dir;

    static FeatureTable awkwardTable() {
        Utterance a = Utterance.builder(Path.of("/data/ravdess/Actor_01/03-01-01-01-01-01-01.wav"), "ravdess")
                .speaker("01").sex(Sex.MALE).emotion(Emotion.NEUTRAL, "01").intensity("01").statement("01")
                .repetition("01").attribute("modality", "audio-only").attribute("vocal_channel", "speech").build();
        Utterance b = Utterance.builder(Path.of("my \"odd\", folder/line\nbreak_happy.wav"), "custom")
                .speaker("unknown").emotion(Emotion.HAPPY, "happy").partition(Partition.TEST)
                .attribute("weird;key=", "v%a;l=ue").build();
        Utterance c = Utterance.builder(Path.of("emodb/wav/03a01Wa.wav"), "emodb").speaker("03").sex(Sex.MALE)
                .emotion(Emotion.ANGRY, "W").text("a01").attribute("version", "a").build();
        double[] values = {
            0.1, -0.0, 1e-300, Double.MIN_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456789.123456789,
            -1.5, Math.PI, Math.E, 0.30000000000000004};
        return new FeatureTable("mfcc(n_mfcc=40, sr=22050)\nline two", List.of(a, b, c),
                List.of("mfcc_mean_0", "chroma,1", "with \"quote\"", "z"), values);
    }

    @Test
    void csvRoundTripsEveryValueAndField() throws IOException {
        FeatureTable t = awkwardTable();
        Path csv = dir.resolve("features.csv");
        FeatureTableIO.writeCsv(t, csv);
        FeatureTable back = FeatureTableIO.readCsv(csv);
        assertEquals("", back.configurationKey());
        assertEquals(t.rows(), back.rows());
        assertEquals(t.columns(), back.columns());
        assertArrayEquals(t.values(), back.values());
        String header = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
        assertTrue(header.startsWith("path,corpus,speaker,sex,label,corpus_label,intensity,statement,repetition,"
                + "text,partition,attributes,mfcc_mean_0,\"chroma,1\",\"with \"\"quote\"\"\",z"), header);
    }

    @Test
    void npyRoundTripsAndIsAValidNumpyFile() throws IOException {
        FeatureTable t = awkwardTable();
        Path base = dir.resolve("features");
        FeatureTableIO.writeNpy(t, base);
        assertEquals(t, FeatureTableIO.readNpy(base));

        // read by an independent .npy reader (the testkit's, used for the librosa references)
        NpyArray arr = Npy.read(dir.resolve("features.npy"));
        assertArrayEquals(new int[] {3, 4}, arr.shape());
        assertArrayEquals(t.values(), arr.values());
        byte[] bytes = Files.readAllBytes(dir.resolve("features.npy"));
        int headerLen = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLen) % 64, "numpy requires 64-byte alignment of the data");
        assertEquals(10 + headerLen + 8 * 12, bytes.length);
        assertTrue(Files.readString(dir.resolve("features.meta.csv")).startsWith("path,corpus,speaker,"));
    }

    @Test
    void emptyTableRoundTrips() throws IOException {
        FeatureTable t = new FeatureTable("k", List.of(), List.of("a", "b"), new double[0]);
        Path base = dir.resolve("empty");
        FeatureTableIO.writeNpy(t, base);
        assertEquals(t, FeatureTableIO.readNpy(base));
        FeatureTableIO.writeCsv(t, dir.resolve("empty.csv"));
        assertEquals(List.of("a", "b"), FeatureTableIO.readCsv(dir.resolve("empty.csv")).columns());
    }

    @Test
    void inconsistentFilesAreRejectedWithTheFileName() throws IOException {
        Path base = dir.resolve("t");
        FeatureTableIO.writeNpy(awkwardTable(), base);
        Files.writeString(dir.resolve("t.features.txt"), "key\nonly_one_name\n");
        IOException e = assertThrows(IOException.class, () -> FeatureTableIO.readNpy(base));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "path,corpus\nx,y\n");
        assertTrue(assertThrows(IOException.class, () -> FeatureTableIO.readCsv(csv)).getMessage().contains("bad.csv"));
    }
}
