package io.crowdlens.api;

import io.crowdlens.common.Dataset;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The dataset an API endpoint reads: a token must carry its scope, on top of the licence checks of
 * the query service behind the endpoint. Every /api/v1 endpoint says what it reads, with this or
 * {@link ReadsCatalogue}; {@link TokenScopeInterceptor} refuses any that says neither.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsDataset {

    Dataset value();
}
