package io.crowdlens.commuting;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class PlannerSeesPublishedCommutingOnPostgresTest extends PlannerSeesPublishedCommutingContract {
}
