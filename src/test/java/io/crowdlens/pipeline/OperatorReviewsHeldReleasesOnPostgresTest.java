package io.crowdlens.pipeline;

import io.crowdlens.testing.OnPostgres;

/** The held run's releases and the approval's supersede-and-serve in PostgreSQL's transactions. */
@OnPostgres
class OperatorReviewsHeldReleasesOnPostgresTest extends OperatorReviewsHeldReleasesContract {
}
