package dev.ser.models.mlp;

/**
 * scikit-learn's stochastic optimisers. {@link #prepare()} runs once per mini-batch on the
 * training thread; {@link #update} is element-wise and may be called for disjoint ranges from
 * several threads.
 */
abstract class Optimizer {

    protected double learningRate;

    Optimizer(double learningRateInit) {
        this.learningRate = learningRateInit;
    }

    /** Current base learning rate. */
    double learningRate() {
        return learningRate;
    }

    /** Per-batch bookkeeping before {@link #update}. */
    abstract void prepare();

    /** {@code params[from, to) += step(grads[from, to))}. */
    abstract void update(double[] params, double[] grads, int from, int to);

    /** After every epoch; {@code samplesSeen} is scikit-learn's {@code t_}. */
    void epochEnded(long samplesSeen) {
    }

    /**
     * Called when the stopping rule fires: true to stop, false to continue (the adaptive schedule
     * divides the rate by 5 instead, unless it is already at most 1e-6).
     */
    abstract boolean shouldStop();

    /** Adam with bias correction folded into the step size, as scikit-learn does. */
    static final class Adam extends Optimizer {
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double[] m;
        private final double[] v;
        private final double lrInit;
        private long t;
        private double step;

        Adam(MlpConfig c, int n) {
            super(c.learningRateInit());
            this.lrInit = c.learningRateInit();
            this.beta1 = c.beta1();
            this.beta2 = c.beta2();
            this.epsilon = c.epsilon();
            this.m = new double[n];
            this.v = new double[n];
        }

        @Override
        void prepare() {
            t++;
            step = lrInit * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        }

        @Override
        void update(double[] params, double[] grads, int from, int to) {
            double b1 = beta1;
            double b2 = beta2;
            double c1 = 1 - b1;
            double c2 = 1 - b2;
            double lr = step;
            double eps = epsilon;
            for (int i = from; i < to; i++) {
                double g = grads[i];
                double mi = b1 * m[i] + c1 * g;
                double vi = b2 * v[i] + c2 * g * g;
                m[i] = mi;
                v[i] = vi;
                params[i] += -lr * mi / (Math.sqrt(vi) + eps);
            }
        }

        @Override
        boolean shouldStop() {
            return true;
        }
    }

    /** SGD with momentum (optionally Nesterov) and the constant/invscaling/adaptive schedules. */
    static final class Sgd extends Optimizer {
        private final double lrInit;
        private final double momentum;
        private final boolean nesterov;
        private final double powerT;
        private final LearningRate schedule;
        private final double[] velocity;

        Sgd(MlpConfig c, int n) {
            super(c.learningRateInit());
            this.lrInit = c.learningRateInit();
            this.momentum = c.momentum();
            this.nesterov = c.nesterov();
            this.powerT = c.powerT();
            this.schedule = c.learningRate();
            this.velocity = new double[n];
        }

        @Override
        void prepare() {
        }

        @Override
        void update(double[] params, double[] grads, int from, int to) {
            double mu = momentum;
            double lr = learningRate;
            for (int i = from; i < to; i++) {
                double vel = mu * velocity[i] - lr * grads[i];
                velocity[i] = vel;
                params[i] += nesterov ? mu * vel - lr * grads[i] : vel;
            }
        }

        @Override
        void epochEnded(long samplesSeen) {
            if (schedule == LearningRate.INVSCALING) {
                learningRate = lrInit / Math.pow(samplesSeen + 1, powerT);
            }
        }

        @Override
        boolean shouldStop() {
            if (schedule != LearningRate.ADAPTIVE || learningRate <= 1e-6) {
                return true;
            }
            learningRate /= 5.0;
            return false;
        }
    }
}
