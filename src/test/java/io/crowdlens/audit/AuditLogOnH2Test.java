package io.crowdlens.audit;

import io.crowdlens.testing.OnH2;

@OnH2
class AuditLogOnH2Test extends AuditLogContract {
}
