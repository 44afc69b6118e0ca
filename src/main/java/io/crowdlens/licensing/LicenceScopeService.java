package io.crowdlens.licensing;

import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.LICENCE;
import static io.crowdlens.db.Tables.LICENCE_AREA;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import io.crowdlens.common.Dataset;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.security.CrowdLensUser;
import io.crowdlens.security.CurrentUser;
import io.crowdlens.security.Role;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "what may this user see": the one place licence scope is computed. The query service,
 * exports and the API call it; views never decide scope themselves.
 */
@Service
public class LicenceScopeService {

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final PrivacySettings privacy;
    private final Clock clock;

    public LicenceScopeService(DSLContext db, CurrentUser currentUser, PrivacySettings privacy, Clock clock) {
        this.db = db;
        this.currentUser = currentUser;
        this.privacy = privacy;
        this.clock = clock;
    }

    /** The signed-in user's scope for one dataset. Empty for a suspended organisation. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public LicenceScope scopeFor(Dataset dataset) {
        return scopeOf(currentUser.require(), dataset);
    }

    LicenceScope scopeOf(CrowdLensUser user, Dataset dataset) {
        List<LicenceGrant> grants = db.select(
                        LICENCE.ID, LICENCE.LAYER_CODE, LICENCE.WHOLE_LAYER, LICENCE.DATA_FROM, LICENCE.DATA_TO,
                        LICENCE.EXPIRES_AT, LICENCE.MIN_K,
                        multiset(select(LICENCE_AREA.AREA_ID).from(LICENCE_AREA)
                                .where(LICENCE_AREA.LICENCE_ID.eq(LICENCE.ID))).convertFrom(r -> r.map(x -> x.value1())))
                .from(LICENCE)
                .where(activeFor(user.organisationId()))
                .and(LICENCE.DATASET.eq(dataset.name()))
                .orderBy(LICENCE.ID)
                .fetch(r -> new LicenceGrant(r.value1(), dataset, r.value2(), r.value3(), new HashSet<>(r.value8()),
                        r.value4(), r.value5(), r.value6(), r.value7()));
        int k = privacy.minimumCrowd();
        for (LicenceGrant grant : grants) {
            k = Math.max(k, privacy.effectiveFor(grant.minimumCrowd()));
        }
        return new LicenceScope(user.organisationId(), dataset, grants, k);
    }

    /**
     * The datasets whose served releases the signed-in user may know of: account managers and data
     * operators see every dataset; a partner only those it holds an active licence for.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<Dataset> visibleDatasets() {
        CrowdLensUser user = currentUser.require();
        if (user.roles().contains(Role.ACCOUNT_MANAGER) || user.roles().contains(Role.DATA_OPERATOR)) {
            return EnumSet.allOf(Dataset.class);
        }
        Set<Dataset> licensed = EnumSet.noneOf(Dataset.class);
        db.selectDistinct(LICENCE.DATASET).from(LICENCE).where(activeFor(user.organisationId()))
                .forEach(r -> licensed.add(Dataset.valueOf(r.value1())));
        return licensed;
    }

    /** The signed-in partner's active licences, for display. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<LicenceSummary> myLicences() {
        CrowdLensUser user = currentUser.require();
        return db.select(
                        LICENCE.ID, LICENCE.DATASET, AREA_LAYER.NAME, LICENCE.WHOLE_LAYER,
                        field(selectCount().from(LICENCE_AREA).where(LICENCE_AREA.LICENCE_ID.eq(LICENCE.ID))),
                        LICENCE.DATA_FROM, LICENCE.DATA_TO, LICENCE.EXPIRES_AT, LICENCE.MIN_K)
                .from(LICENCE)
                .join(AREA_LAYER).on(AREA_LAYER.CODE.eq(LICENCE.LAYER_CODE))
                .where(activeFor(user.organisationId()))
                .orderBy(LICENCE.DATASET, LICENCE.ID)
                .fetch(r -> new LicenceSummary(r.value1(), Dataset.valueOf(r.value2()), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), privacy.effectiveFor(r.value9())));
    }

    private Condition activeFor(long organisationId) {
        return ActiveLicences.of(organisationId, clock);
    }

}
