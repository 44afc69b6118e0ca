package io.crowdlens.figures;

import io.crowdlens.common.Dataset;

/**
 * Pins the questions asked inside {@link #call} to one release of a dataset instead of the served one
 * (issue 14: a partner's analysis stays reproducible after a re-publication). The pin is a scoped
 * value, so it holds for exactly the call and its thread; {@link FigureGate} honours it for questions,
 * exports and choices alike, so a pinned question passes the same licence scope, k, blocking and audit.
 * Only a published or superseded release that still honours the opt-out list within its grace may be
 * pinned ({@link PinnedReleases}); anything else is a {@link ReleaseNotAvailableException}. Decision 029.
 */
public final class ReleasePin {

    static final ScopedValue<ReleasePin> CURRENT = ScopedValue.newInstance();

    private final Dataset dataset;
    private final long releaseId;

    private ReleasePin(Dataset dataset, long releaseId) {
        this.dataset = dataset;
        this.releaseId = releaseId;
    }

    /** Something asked of the query services under a pin. */
    @FunctionalInterface
    public interface Call<T, X extends Throwable> {
        T run() throws X;
    }

    /** Runs {@code call} with questions of {@code dataset} pinned to {@code releaseId}; null: the served release. */
    public static <T, X extends Throwable> T call(Dataset dataset, Long releaseId, Call<T, X> call) throws X {
        if (releaseId == null) {
            return call.run();
        }
        return ScopedValue.where(CURRENT, new ReleasePin(dataset, releaseId)).call(call::run);
    }

    /** The release pinned for {@code dataset} in this scope, or null. */
    static Long pinned(Dataset dataset) {
        if (!CURRENT.isBound()) {
            return null;
        }
        ReleasePin pin = CURRENT.get();
        return pin.dataset == dataset ? pin.releaseId : -1L; // pinned to another dataset's release: none fits
    }
}
