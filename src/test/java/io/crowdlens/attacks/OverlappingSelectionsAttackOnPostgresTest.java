package io.crowdlens.attacks;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class OverlappingSelectionsAttackOnPostgresTest extends OverlappingSelectionsAttackContract {
}
