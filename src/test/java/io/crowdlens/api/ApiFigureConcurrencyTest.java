package io.crowdlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

class ApiFigureConcurrencyTest {

    private final ApiSettings settings = new ApiSettings(10, Duration.ofSeconds(1), Duration.ofSeconds(10), 92, 20, 2,
            Duration.ofMillis(50));

    @Test
    void figureQuestionsBeyondTheBoundWaitThenGetUnavailableAndAFinishedOneFreesItsTurn() throws Exception {
        FigureConcurrencyInterceptor bulkhead = new FigureConcurrencyInterceptor(settings);
        HandlerMethod figure = new HandlerMethod(new Object(), Object.class.getMethod("toString")) {
            @Override
            public Class<?> getBeanType() {
                return PresenceFiguresController.class;
            }
        };
        MockHttpServletRequest first = new MockHttpServletRequest();
        MockHttpServletRequest second = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(bulkhead.preHandle(first, response, figure)).isTrue();
        assertThat(bulkhead.preHandle(second, response, figure)).isTrue();
        assertThatThrownBy(() -> bulkhead.preHandle(new MockHttpServletRequest(), response, figure))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(ApiProblem.UNAVAILABLE));
        bulkhead.afterCompletion(first, response, figure, null);
        bulkhead.afterCompletion(first, response, figure, null); // released once only
        assertThat(bulkhead.preHandle(new MockHttpServletRequest(), response, figure)).isTrue();
        assertThatThrownBy(() -> bulkhead.preHandle(new MockHttpServletRequest(), response, figure))
                .isInstanceOf(ApiProblemException.class);
    }

    @Test
    void otherEndpointsAreNotCounted() throws Exception {
        FigureConcurrencyInterceptor bulkhead = new FigureConcurrencyInterceptor(settings);
        HandlerMethod catalogue = new HandlerMethod(new Object(), Object.class.getMethod("toString")) {
            @Override
            public Class<?> getBeanType() {
                return CatalogueController.class;
            }
        };
        for (int i = 0; i < 5; i++) {
            assertThat(bulkhead.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), catalogue))
                    .isTrue();
        }
    }
}
