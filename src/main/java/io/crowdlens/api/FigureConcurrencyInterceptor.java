package io.crowdlens.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A bulkhead in front of the figure endpoints: at most {@code crowdlens.api.max-concurrent-figures}
 * figure questions run at once, others wait up to {@code figure-queue-wait} and are then answered 503
 * {@code unavailable} with Retry-After. Each figure question holds a database connection for its
 * read transaction and takes a second one for its audit record (written in a transaction of its own),
 * so without a bound a burst of API requests can take every pooled connection and wait for a second
 * one forever (measured: decision 029). Keep the bound below half the connection pool.
 */
class FigureConcurrencyInterceptor implements HandlerInterceptor {

    static final Set<Class<?>> FIGURE_CONTROLLERS = Set.of(PresenceFiguresController.class,
            VisitsFiguresController.class, CommutingFiguresController.class);
    private static final String HELD = FigureConcurrencyInterceptor.class.getName() + ".held";

    private final Semaphore permits;
    private final long waitMillis;

    FigureConcurrencyInterceptor(ApiSettings settings) {
        this.permits = new Semaphore(settings.maxConcurrentFigures(), true);
        this.waitMillis = settings.figureQueueWait().toMillis();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (!(handler instanceof HandlerMethod method) || !FIGURE_CONTROLLERS.contains(method.getBeanType())) {
            return true;
        }
        if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
            throw new ApiProblemException(ApiProblem.UNAVAILABLE, BUSY);
        }
        request.setAttribute(HELD, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (request.getAttribute(HELD) != null) {
            request.removeAttribute(HELD);
            permits.release();
        }
    }

    static final String BUSY = "Too many figure questions are being answered at once; try again in a moment.";
}
