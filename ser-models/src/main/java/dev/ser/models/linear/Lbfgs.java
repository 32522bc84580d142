package dev.ser.models.linear;

/**
 * Limited-memory BFGS minimisation (Nocedal and Wright, Algorithm 7.4/7.5) with a backtracking
 * line search on the Armijo condition; stops when the largest gradient component is at most
 * {@code gtol} or after {@code maxIter} iterations. Deterministic and allocation-free per iteration.
 */
final class Lbfgs {

    /** An objective that writes its gradient into {@code grad} and returns its value. */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] w, double[] grad);
    }

    /**
     * Outcome of a minimisation.
     *
     * @param value      final objective value
     * @param iterations iterations run
     * @param converged  whether the gradient test was met
     */
    record Result(double value, int iterations, boolean converged) {
    }

    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;

    private Lbfgs() {
    }

    /** Minimises {@code f} from {@code w} (updated in place). */
    static Result minimize(Objective f, double[] w, int maxIter, double gtol, IterationListener listener) {
        int n = w.length;
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        double[] g = new double[n];
        double[] gNew = new double[n];
        double[] dir = new double[n];
        double[] wNew = new double[n];
        double fx = f.evaluate(w, g);
        int stored = 0;
        int head = 0;
        for (int iter = 1; iter <= maxIter; iter++) {
            if (maxAbs(g) <= gtol) {
                return new Result(fx, iter - 1, true);
            }
            direction(g, s, y, rho, alpha, stored, head, dir);
            double slope = dot(dir, g);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    dir[i] = -g[i];
                }
                slope = dot(dir, g);
            }
            double step = stored == 0 ? Math.min(1.0, 1.0 / Math.sqrt(dot(g, g))) : 1.0;
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    wNew[i] = w[i] + step * dir[i];
                }
                fNew = f.evaluate(wNew, gNew);
                if (fNew <= fx + ARMIJO * step * slope || ++tries > 40) {
                    break;
                }
                step *= 0.5;
            }
            if (!(fNew <= fx)) {
                return new Result(fx, iter, false); // no progress possible at machine precision
            }
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[head][i] = wNew[i] - w[i];
                y[head][i] = gNew[i] - g[i];
                sy += s[head][i] * y[head][i];
            }
            if (sy > 1e-12) {
                rho[head] = 1 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            System.arraycopy(wNew, 0, w, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            double improvement = fx - fNew;
            fx = fNew;
            listener.onIteration(iter, fx);
            if (improvement <= 1e-15 * Math.max(1, Math.abs(fx))) {
                return new Result(fx, iter, maxAbs(g) <= gtol);
            }
        }
        return new Result(fx, maxIter, maxAbs(g) <= gtol);
    }

    /** Receives the objective value after each iteration. */
    @FunctionalInterface
    interface IterationListener {
        void onIteration(int iteration, double value);
    }

    /** Two-loop recursion: {@code dir = -H g} with the stored curvature pairs. */
    private static void direction(double[] g, double[][] s, double[][] y, double[] rho, double[] alpha, int stored,
                                  int head, double[] dir) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            dir[i] = -g[i];
        }
        for (int k = 0; k < stored; k++) {
            int j = Math.floorMod(head - 1 - k, MEMORY);
            alpha[j] = rho[j] * dot(s[j], dir);
            for (int i = 0; i < n; i++) {
                dir[i] -= alpha[j] * y[j][i];
            }
        }
        if (stored > 0) {
            int last = Math.floorMod(head - 1, MEMORY);
            double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
            for (int i = 0; i < n; i++) {
                dir[i] *= gamma;
            }
        }
        for (int k = stored - 1; k >= 0; k--) {
            int j = Math.floorMod(head - 1 - k, MEMORY);
            double beta = rho[j] * dot(y[j], dir);
            for (int i = 0; i < n; i++) {
                dir[i] += (alpha[j] - beta) * s[j][i];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
