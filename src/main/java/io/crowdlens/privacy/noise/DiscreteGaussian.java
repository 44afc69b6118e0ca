package io.crowdlens.privacy.noise;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The discrete Gaussian N_Z(0, sigma^2) on the integers: P(x) proportional to exp(-x^2 / (2 sigma^2))
 * (Canonne, Kamath, Steinke 2020, "The Discrete Gaussian for Differential Privacy"). Sampled exactly
 * with integer arithmetic only (their Algorithm 3); sigma^2 is kept as an exact fraction.
 * Added to counts whose L2 sensitivity is Delta it is (Delta^2 / (2 sigma^2))-zCDP, exactly like the
 * continuous Gaussian ({@link ZeroConcentratedDp#rhoOfDiscreteGaussian}). Immutable: one instance
 * may serve any number of threads. Decision record: docs/decisions/019-discrete-noise-sampler.md.
 */
public final class DiscreteGaussian {

    private final BigDecimal sigma;
    private final double sigmaSquared;
    /** sigma^2 = a / b in lowest terms. */
    private final BigInteger a;
    private final BigInteger b;
    /** The discrete Laplace scale of the proposal, floor(sigma) + 1. */
    private final long t;
    /** The acceptance exponent (|Y| b t - a)^2 / (2 a b t^2) is built from b t, a and its denominator. */
    private final BigInteger bt;
    private final BigInteger acceptDenominator;
    private final boolean fitsInLong;
    private final long btLong;
    private final long aLong;
    private final long acceptDenominatorLong;

    private volatile Moments moments;

    private DiscreteGaussian(BigDecimal sigma) {
        this.sigma = sigma;
        BigDecimal square = sigma.multiply(sigma).stripTrailingZeros();
        this.sigmaSquared = square.doubleValue();
        BigInteger numerator = square.scale() <= 0 ? square.toBigIntegerExact() : square.unscaledValue();
        BigInteger denominator = square.scale() <= 0 ? BigInteger.ONE : BigInteger.TEN.pow(square.scale());
        BigInteger gcd = numerator.gcd(denominator);
        this.a = numerator.divide(gcd);
        this.b = denominator.divide(gcd);
        this.t = sigma.setScale(0, RoundingMode.FLOOR).longValueExact() + 1;
        BigInteger bigT = BigInteger.valueOf(t);
        this.bt = b.multiply(bigT);
        this.acceptDenominator = BigInteger.TWO.multiply(a).multiply(b).multiply(bigT).multiply(bigT);
        this.fitsInLong = acceptDenominator.bitLength() < Long.SIZE && bt.bitLength() < Long.SIZE;
        this.btLong = fitsInLong ? bt.longValueExact() : 0;
        this.aLong = fitsInLong ? a.longValueExact() : 0;
        this.acceptDenominatorLong = fitsInLong ? acceptDenominator.longValueExact() : 0;
    }

    /**
     * @param sigma the scale, positive, in decimal (e.g. 5 or 37.25): sigma^2 is the exact square of
     *              this decimal, so every digit given is honoured
     */
    public static DiscreteGaussian withSigma(BigDecimal sigma) {
        if (sigma == null || sigma.signum() <= 0) {
            throw new IllegalArgumentException("the discrete Gaussian's sigma must be positive, not " + sigma);
        }
        if (sigma.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            throw new IllegalArgumentException("sigma " + sigma + " is too large to sample");
        }
        return new DiscreteGaussian(sigma);
    }

    public BigDecimal sigma() {
        return sigma;
    }

    /** sigma^2 as a double (the sampler uses the exact fraction). */
    public double sigmaSquared() {
        return sigmaSquared;
    }

    /**
     * One draw (CKS20 Algorithm 3): propose Y from the discrete Laplace with scale t = floor(sigma) + 1
     * and accept it with probability exp(-(|Y| - sigma^2/t)^2 / (2 sigma^2)). Written over the exact
     * fraction sigma^2 = a/b, the exponent is (|Y| b t - a)^2 / (2 a b t^2); long arithmetic where it
     * cannot overflow, BigInteger where it could.
     */
    public long sample(RandomSource random) {
        RandomSource source = PerThreadRandomSource.ofThisThread(random);
        while (true) {
            long y = DiscreteLaplace.sample(t, 1, source);
            long magnitude = Math.abs(y);
            if (fitsInLong ? acceptedInLong(magnitude, source) : acceptedInBigInteger(magnitude, source)) {
                return y;
            }
        }
    }

    private boolean acceptedInLong(long magnitude, RandomSource random) {
        long difference;
        long numerator;
        try {
            difference = Math.subtractExact(Math.multiplyExact(magnitude, btLong), aLong);
            numerator = Math.multiplyExact(difference, difference);
        } catch (ArithmeticException overflow) {
            // Decided before any draw for this trial, so switching arithmetic changes nothing drawn.
            return acceptedInBigInteger(magnitude, random);
        }
        return ExactBernoulli.ofExpMinus(numerator, acceptDenominatorLong, random);
    }

    private boolean acceptedInBigInteger(long magnitude, RandomSource random) {
        BigInteger difference = BigInteger.valueOf(magnitude).multiply(bt).subtract(a);
        return ExactBernoulli.ofExpMinus(difference.multiply(difference), acceptDenominator, random);
    }

    /** P(X = x), normalised by the sum over the whole support (to double precision). */
    public double pmf(long x) {
        return Math.exp(-((double) x * x) / (2 * sigmaSquared)) / moments().normaliser();
    }

    /**
     * The exact variance, the sum of x^2 P(x). It is strictly below sigma^2, but only by about
     * 8 pi^2 sigma^4 exp(-2 pi^2 sigma^2), which is below double precision from sigma of about 1.4
     * on: there the returned value is sigma^2 itself (never more).
     */
    public double variance() {
        return moments().variance();
    }

    /** The smallest m with P(|X| &lt;= m) &gt;= 0.95: a stored figure is "+/- m, 95 %". */
    public long margin95() {
        return moments().margin95();
    }

    /**
     * The best true-positive rate any test can reach, at the given false-positive rate, at telling
     * this noise added to a count c from the same noise added to c + sensitivity: the exact trade-off
     * curve of one discrete Gaussian count. By Neyman-Pearson the best test flags large values
     * (the likelihood ratio grows with x), randomising at the threshold to spend the rate exactly.
     * It is close to, but not the same as, the continuous Gaussian's Phi(Phi^-1(fpr) + Delta/sigma)
     * ({@link ZeroConcentratedDp#truePositiveRateBound}): above it by up to 0.12 at sigma 0.5,
     * 1.3e-4 at sigma 5 and 1.7e-5 at sigma 10 (sensitivity 1), though both have the same rho.
     */
    public double truePositiveRateBound(double falsePositiveRate, long sensitivity) {
        if (!(falsePositiveRate >= 0 && falsePositiveRate <= 1)) {
            throw new IllegalArgumentException("a false-positive rate lies in [0, 1], not " + falsePositiveRate);
        }
        if (sensitivity < 0) {
            throw new IllegalArgumentException("sensitivity must be >= 0, not " + sensitivity);
        }
        if (sensitivity == 0 || falsePositiveRate == 0 || falsePositiveRate == 1) {
            return falsePositiveRate;
        }
        long edge = (long) Math.ceil(40 * Math.sqrt(sigmaSquared)) + 1; // no mass to speak of beyond
        long threshold = edge + 1;
        double flagged = 0; // P(X >= threshold) without the shift: the false positives so far
        while (threshold > -edge && flagged + pmf(threshold - 1) <= falsePositiveRate) {
            threshold--;
            flagged += pmf(threshold);
        }
        double share = (falsePositiveRate - flagged) / pmf(threshold - 1); // of the value just below
        double caught = flagged;
        for (long x = threshold - sensitivity; x < threshold; x++) {
            caught += pmf(x);
        }
        return Math.min(1, caught + share * pmf(threshold - 1 - sensitivity));
    }

    private Moments moments() {
        Moments known = moments;
        if (known == null) {
            known = Moments.of(sigmaSquared);
            moments = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return "DiscreteGaussian[sigma=" + sigma.toPlainString() + "]";
    }

    /** Sums over the support, in doubles (reporting, not sampling). */
    private record Moments(double normaliser, double variance, long margin95) {

        static Moments of(double sigmaSquared) {
            double sigma = Math.sqrt(sigmaSquared);
            double normaliser;
            double variance;
            if (sigma < 1) {
                // Direct sums; exp(-x^2 / (2 sigma^2)) is below 1e-300 of the peak beyond 38 sigma.
                double sum = 0;
                double squares = 0;
                for (long x = (long) Math.ceil(40 * sigma) + 1; x >= 1; x--) { // smallest terms first
                    double weight = Math.exp(-((double) x * x) / (2 * sigmaSquared));
                    sum += weight;
                    squares += (double) x * x * weight;
                }
                normaliser = 1 + 2 * sum;
                variance = 2 * squares / normaliser;
            } else {
                PoissonSums sums = PoissonSums.of(sigmaSquared);
                normaliser = Math.sqrt(2 * Math.PI * sigmaSquared) * (1 + 2 * sums.s0());
                variance = sigmaSquared * (1 - 8 * Math.PI * Math.PI * sigmaSquared * sums.s2() / (1 + 2 * sums.s0()));
            }
            return new Moments(normaliser, variance, margin95(sigmaSquared, normaliser));
        }

        private static long margin95(double sigmaSquared, double normaliser) {
            double inside = 1 / normaliser; // P(|X| <= 0)
            long m = 0;
            while (inside < 0.95) {
                m++;
                inside += 2 * Math.exp(-((double) m * m) / (2 * sigmaSquared)) / normaliser;
            }
            return m;
        }
    }

    /**
     * For sigma &gt;= 1 the sums over the support have fast closed forms. By Poisson summation,
     * sum_x exp(-x^2/(2s^2)) = sqrt(2 pi) s (1 + 2 S0) and
     * sum_x x^2 exp(-x^2/(2s^2)) = sqrt(2 pi) s^3 (1 + 2 S0 - 8 pi^2 s^2 S2), with
     * S0 = sum_{k&gt;=1} q_k, S2 = sum_{k&gt;=1} k^2 q_k and q_k = exp(-2 pi^2 s^2 k^2). Hence
     * Var = s^2 (1 - 8 pi^2 s^2 S2 / (1 + 2 S0)): the gap below s^2 comes out directly, with no
     * cancellation, and the variance can never round above s^2.
     */
    private record PoissonSums(double s0, double s2) {

        static PoissonSums of(double sigmaSquared) {
            double s0 = 0;
            double s2 = 0;
            for (int k = 1; k <= 4; k++) { // q_5 = exp(-50 pi^2 s^2) < 1e-214 for s >= 1
                double q = Math.exp(-2 * Math.PI * Math.PI * sigmaSquared * k * k);
                s0 += q;
                s2 += (double) k * k * q;
            }
            return new PoissonSums(s0, s2);
        }
    }
}
