package io.crowdlens.pipeline.publish;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class ReleasePublishingOnPostgresTest extends ReleasePublishingContract {
}
