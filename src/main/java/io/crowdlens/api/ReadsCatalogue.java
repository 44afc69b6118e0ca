package io.crowdlens.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API endpoint about the caller's datasets as a whole (which datasets, releases, the token
 * itself): open to any token carrying at least one dataset scope, answering for those datasets only.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsCatalogue {
}
