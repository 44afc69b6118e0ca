package io.crowdlens.security;

import io.crowdlens.common.Dataset;
import java.util.Set;

/**
 * The datasets an organisation holds an active licence for right now (licence scope lives in the
 * licensing feature, which depends on this one; this interface turns that dependency around). API
 * tokens ask it at creation and at every request: a token stops working when the licence does.
 */
public interface LicensedDatasets {

    Set<Dataset> activeFor(long organisationId);
}
