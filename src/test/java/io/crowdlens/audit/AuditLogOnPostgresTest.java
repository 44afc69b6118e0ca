package io.crowdlens.audit;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class AuditLogOnPostgresTest extends AuditLogContract {
}
