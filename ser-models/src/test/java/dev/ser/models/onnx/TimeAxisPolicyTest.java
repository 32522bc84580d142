package dev.ser.models.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TimeAxisPolicyTest {

    private static double[] ramp(int rows, int cols) {
        double[] d = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                d[r * cols + c] = 1000 * r + c + 1;
            }
        }
        return d;
    }

    @Test
    void examples() {
        double[] x = ramp(2, 5);
        TimeAxisPolicy centreZero = TimeAxisPolicy.DEFAULT;
        assertArrayEquals(new double[] {2, 3, 4, 1002, 1003, 1004}, centreZero.fit(x, 2, 5, 3));
        TimeAxisPolicy startEdge = new TimeAxisPolicy(TimeAxisPolicy.Crop.START, TimeAxisPolicy.Pad.EDGE);
        assertArrayEquals(new double[] {1, 2, 1001, 1002}, startEdge.fit(x, 2, 5, 2));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 5, 5, 1001, 1002, 1003, 1004, 1005, 1005, 1005},
                startEdge.fit(x, 2, 5, 7));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 0, 1001, 1002, 1003, 1004, 1005, 0}, centreZero.fit(x, 2, 5, 6));
        assertSame(x, centreZero.fit(x, 2, 5, 5));
    }

    @Property
    void fittedShapeAndContent(@ForAll @IntRange(min = 1, max = 4) int rows, @ForAll @IntRange(min = 1, max = 40) int cols,
                               @ForAll @IntRange(min = 1, max = 40) int target, @ForAll boolean centre,
                               @ForAll boolean edge) {
        TimeAxisPolicy p = new TimeAxisPolicy(centre ? TimeAxisPolicy.Crop.CENTRE : TimeAxisPolicy.Crop.START,
                edge ? TimeAxisPolicy.Pad.EDGE : TimeAxisPolicy.Pad.ZERO);
        double[] x = ramp(rows, cols);
        double[] y = p.fit(x, rows, cols, target);
        assertEquals(rows * target, y.length);
        int start = cols > target && centre ? (cols - target) / 2 : 0;
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < target; t++) {
                double want;
                if (cols >= target) {
                    want = x[r * cols + start + t];
                } else if (t < cols) {
                    want = x[r * cols + t];
                } else {
                    want = edge ? x[r * cols + cols - 1] : 0;
                }
                assertEquals(want, y[r * target + t]);
            }
        }
    }

    @Property
    void centreCropIsBalanced(@ForAll @IntRange(min = 1, max = 60) int cols, @ForAll @IntRange(min = 1, max = 60) int target) {
        if (cols <= target) {
            return;
        }
        double[] y = TimeAxisPolicy.DEFAULT.fit(ramp(1, cols), 1, cols, target);
        int droppedLeft = (int) y[0] - 1;
        int droppedRight = cols - ((int) y[target - 1]);
        assertEquals(cols - target, droppedLeft + droppedRight);
        assertEquals(true, droppedRight - droppedLeft == 0 || droppedRight - droppedLeft == 1);
    }
}
