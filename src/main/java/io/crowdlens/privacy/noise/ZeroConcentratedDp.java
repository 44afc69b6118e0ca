package io.crowdlens.privacy.noise;

import java.math.BigDecimal;

/**
 * The accountant's arithmetic for zero-concentrated differential privacy (rho-zCDP, Bun and Steinke
 * 2016): the cost of a release, its (epsilon, delta) equivalent and its meaning as a bound on any
 * membership test. Doubles throughout: this reports costs, it never samples.
 * Decision record: docs/decisions/019-discrete-noise-sampler.md.
 */
public final class ZeroConcentratedDp {

    private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

    private ZeroConcentratedDp() {
    }

    /**
     * rho of one release that adds independent discrete Gaussian noise N_Z(0, sigma^2) to each of
     * {@code dimensions} integer counts, where one privacy unit changes the vector of counts by an
     * integer vector of squared L2 norm at most {@code squaredL2Sensitivity}:
     * <pre>rho = Delta_2^2 / (2 sigma^2)</pre>
     * This is Canonne, Kamath, Steinke 2020, Theorem 14 (multivariate discrete Gaussian): for integer
     * shifts the discrete Gaussian is exactly as private as the continuous one, with no correction
     * term, whatever the number of dimensions (Renyi divergences of independent coordinates add,
     * and for each coordinate D_alpha &lt;= alpha Delta_j^2 / (2 sigma^2), because the theta sum
     * sum_x exp(-(x-c)^2 / (2 sigma^2)) is largest at integer c). The small tau term of
     * 10 sum_{k=1}^{n-1} exp(-2 pi^2 sigma^2 k / (k+1)) belongs to the distributed discrete Gaussian
     * (Kairouz, Liu, Steinke 2021), where n parties each add noise and the sum of n discrete
     * Gaussians is only close to one; with the noise added once, centrally, n = 1 and tau = 0.
     *
     * @param squaredL2Sensitivity Delta_2^2, the sum over the counts of the squared change one privacy unit can make
     * @param sigma                the discrete Gaussian's sigma, exactly as the sampler uses it
     * @param dimensions           how many counts get noise (at least 1); it does not change rho
     */
    public static double rhoOfDiscreteGaussian(double squaredL2Sensitivity, BigDecimal sigma, int dimensions) {
        requireNonNegative("squared L2 sensitivity", squaredL2Sensitivity);
        if (sigma == null || sigma.signum() <= 0) {
            throw new IllegalArgumentException("sigma must be positive, not " + sigma);
        }
        if (dimensions < 1) {
            throw new IllegalArgumentException("a release has at least one dimension, not " + dimensions);
        }
        return squaredL2Sensitivity / (2 * sigma.multiply(sigma).doubleValue());
    }

    /**
     * rho of one discrete Laplace release with scale t: it is epsilon-DP with epsilon = Delta_1 / t
     * (Delta_1 the L1 sensitivity), and epsilon-DP implies (epsilon^2 / 2)-zCDP (Bun, Steinke 2016,
     * Proposition 1.4), so rho = (Delta_1 / t)^2 / 2.
     */
    public static double rhoOfDiscreteLaplace(double l1Sensitivity, long scaleNumerator, long scaleDenominator) {
        requireNonNegative("L1 sensitivity", l1Sensitivity);
        if (scaleNumerator < 1 || scaleDenominator < 1) {
            throw new IllegalArgumentException("the scale must be a positive fraction, not " + scaleNumerator + "/" + scaleDenominator);
        }
        double epsilon = l1Sensitivity * scaleDenominator / scaleNumerator;
        return epsilon * epsilon / 2;
    }

    /** rho of the continuous Gaussian mechanism, Delta^2 / (2 sigma^2) (Bun, Steinke 2016, Prop. 1.6). */
    public static double rhoOfGaussian(double squaredL2Sensitivity, double sigma) {
        requireNonNegative("squared L2 sensitivity", squaredL2Sensitivity);
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive and finite, not " + sigma);
        }
        return squaredL2Sensitivity / (2 * sigma * sigma);
    }

    /**
     * The smallest epsilon such that rho-zCDP implies (epsilon, delta)-DP by the conversion of
     * Canonne, Kamath, Steinke 2020, Corollary 13 (the tight one): rho-zCDP gives, for every
     * alpha &gt; 1, (epsilon(alpha), delta)-DP with
     * <pre>epsilon(alpha) = alpha rho + ln(1 - 1/alpha) + (ln(1/delta) - ln alpha) / (alpha - 1).</pre>
     * Its derivative is rho - (ln(1/delta) - ln alpha) / (alpha - 1)^2, so the minimum is at the
     * single root of rho (alpha - 1)^2 + ln alpha = ln(1/delta), found here by bisection between
     * 1 and 1 + sqrt(ln(1/delta) / rho). Every alpha gives a valid bound, so stopping the search
     * early could only overstate epsilon, never understate it.
     */
    public static double epsilon(double rho, double delta) {
        requireNonNegative("rho", rho);
        requireDelta(delta);
        if (rho == 0 || delta >= 1) {
            return 0;
        }
        double logInverseDelta = -Math.log(delta);
        double low = 1;
        double high = 1 + Math.sqrt(logInverseDelta / rho);
        for (int i = 0; i < 200 && low < high; i++) {
            double middle = low + (high - low) / 2;
            if (middle == low || middle == high) {
                break;
            }
            if (rho * (middle - 1) * (middle - 1) + Math.log(middle) < logInverseDelta) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return Math.max(0, epsilonAtOrder(rho, delta, high));
    }

    /** epsilon(alpha) of {@link #epsilon}: a valid (epsilon, delta) for rho-zCDP at any alpha &gt; 1. */
    public static double epsilonAtOrder(double rho, double delta, double alpha) {
        if (!(alpha > 1)) {
            throw new IllegalArgumentException("the Renyi order alpha must exceed 1, not " + alpha);
        }
        return alpha * rho + Math.log1p(-1 / alpha) + (-Math.log(delta) - Math.log(alpha)) / (alpha - 1);
    }

    /** The simpler bound of Bun, Steinke 2016, Proposition 1.3: rho + 2 sqrt(rho ln(1/delta)). */
    public static double epsilonBunSteinke(double rho, double delta) {
        requireNonNegative("rho", rho);
        requireDelta(delta);
        return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    }

    /**
     * Gaussian differential privacy (Dong, Roth, Su 2019): a (continuous) Gaussian mechanism that is
     * rho-zCDP is mu-GDP with mu = sqrt(2 rho) (mu = Delta / sigma): telling apart the release with
     * and without one privacy unit is no easier than telling N(0, 1) from N(mu, 1). For the discrete
     * Gaussian it is a close approximation, not a bound (see {@link #truePositiveRateBound}).
     */
    public static double gaussianDpMu(double rho) {
        requireNonNegative("rho", rho);
        return Math.sqrt(2 * rho);
    }

    /**
     * The best true-positive rate any test can reach at the given false-positive rate against a
     * mu-GDP mechanism, Phi(Phi^-1(fpr) + mu): e.g. an attacker who wrongly accuses 5 % of the people
     * who are absent catches at most this share of those present. Exact for the continuous
     * Gaussian; the discrete Gaussian's own curve lies slightly above it (rho-zCDP alone does not
     * imply mu-GDP): see {@link DiscreteGaussian#truePositiveRateBound} for one count.
     */
    public static double truePositiveRateBound(double falsePositiveRate, double mu) {
        if (!(falsePositiveRate >= 0 && falsePositiveRate <= 1)) {
            throw new IllegalArgumentException("a false-positive rate lies in [0, 1], not " + falsePositiveRate);
        }
        requireNonNegative("mu", mu);
        return phi(inversePhi(falsePositiveRate) + mu);
    }

    /**
     * The standard normal cumulative distribution function, with absolute error below 1e-15 and
     * relative error below 1e-13 in the tails. For |x| &lt;= 3, Marsaglia's series (J. Stat.
     * Software 11(4), 2004) Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...), whose terms all
     * have one sign; beyond, the tail phi(x) / (x + 1/(x + 2/(x + 3/(x + ...)))) by Laplace's
     * continued fraction (modified Lentz), accurate relative to the tiny tail itself.
     */
    public static double phi(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < -3) {
            return upperTail(-x);
        }
        if (x > 3) {
            return 1 - upperTail(x);
        }
        double square = x * x;
        double term = x;
        double sum = x;
        for (int odd = 3; ; odd += 2) {
            term *= square / odd;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return 0.5 + sum * density(x);
    }

    /**
     * The inverse of {@link #phi}: the x with Phi(x) = p, to within a few units in the last place
     * of x. A starting point from Abramowitz and Stegun 26.2.23 (error below 4.5e-4) is polished by
     * Halley's method on the lower tail, where {@link #phi} is accurate relative to p.
     *
     * @param p in [0, 1]; 0 gives negative infinity and 1 positive infinity
     */
    public static double inversePhi(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability lies in [0, 1], not " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p == 0.5) {
            return 0;
        }
        double tail = Math.min(p, 1 - p);
        double t = Math.sqrt(-2 * Math.log(tail));
        double z = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
                / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
        for (int i = 0; i < 8; i++) {
            double density = density(z);
            if (!(density > 0)) {
                break;
            }
            double step = (phi(z) - tail) / density;
            z -= step / (1 + z * step / 2);
            if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) {
                break;
            }
        }
        return p < 0.5 ? z : -z;
    }

    /** 1 - Phi(x) for x &gt;= 3, as density(x) / f with f = x + 1/(x + 2/(x + 3/(x + ...))). */
    private static double upperTail(double x) {
        if (Double.isInfinite(x)) {
            return 0;
        }
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int j = 1; j < 5000; j++) {
            d = x + j * d;
            d = d == 0 ? tiny : d;
            c = x + j / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return density(x) / f;
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / SQRT_TWO_PI;
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, not " + value);
        }
    }

    private static void requireDelta(double delta) {
        if (!(delta > 0 && delta <= 1)) {
            throw new IllegalArgumentException("delta must lie in (0, 1], not " + delta);
        }
    }
}
