package io.crowdlens.licensing;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.LICENCE;
import static io.crowdlens.db.Tables.LICENCE_AREA;
import static io.crowdlens.db.Tables.ORGANISATION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectCount;

import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.common.Dataset;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.security.CrowdLensUser;
import io.crowdlens.security.CurrentUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account managers grant, change and revoke licences. Validates every draft (the areas belong to
 * the layer, dates in order, expiry in the future, a stricter k never below the deployment's) and
 * audits every change against the licensed organisation. Takes effect at the partner's next query:
 * {@link LicenceScopeService} reads licences afresh every time.
 */
@Service
public class LicenceAdministration {

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final PrivacySettings privacy;
    private final AuditLog audit;
    private final Clock clock;

    public LicenceAdministration(DSLContext db, CurrentUser currentUser, PrivacySettings privacy, AuditLog audit,
            Clock clock) {
        this.db = db;
        this.currentUser = currentUser;
        this.privacy = privacy;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public List<LicenceRow> licences(LicenceQuery query, int offset, int limit) {
        return db.select(LICENCE.ID, LICENCE.ORGANISATION_ID, ORGANISATION.NAME, LICENCE.DATASET, AREA_LAYER.NAME,
                        LICENCE.WHOLE_LAYER,
                        field(selectCount().from(LICENCE_AREA).where(LICENCE_AREA.LICENCE_ID.eq(LICENCE.ID))),
                        LICENCE.DATA_FROM, LICENCE.DATA_TO, LICENCE.EXPIRES_AT, LICENCE.MIN_K, LICENCE.REVOKED_AT)
                .from(LICENCE)
                .join(ORGANISATION).on(ORGANISATION.ID.eq(LICENCE.ORGANISATION_ID))
                .join(AREA_LAYER).on(AREA_LAYER.CODE.eq(LICENCE.LAYER_CODE))
                .where(matching(query))
                .orderBy(ORGANISATION.NAME, LICENCE.DATASET, LICENCE.ID)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new LicenceRow(r.value1(), r.value2(), r.value3(), Dataset.valueOf(r.value4()), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), privacy.effectiveFor(r.value11()),
                        r.value12()));
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public int countLicences(LicenceQuery query) {
        return db.fetchCount(LICENCE.join(ORGANISATION).on(ORGANISATION.ID.eq(LICENCE.ORGANISATION_ID)), matching(query));
    }

    /** An existing licence as a draft, for editing. */
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public LicenceDraft draft(long licenceId) {
        Record r = db.select(LICENCE.ORGANISATION_ID, LICENCE.DATASET, LICENCE.LAYER_CODE, LICENCE.WHOLE_LAYER,
                        LICENCE.DATA_FROM, LICENCE.DATA_TO, LICENCE.EXPIRES_AT, LICENCE.MIN_K)
                .from(LICENCE).where(LICENCE.ID.eq(licenceId)).fetchOptional()
                .orElseThrow(() -> new LicenceRefusedException("That licence does not exist."));
        Set<Long> areas = new HashSet<>(db.select(LICENCE_AREA.AREA_ID).from(LICENCE_AREA)
                .where(LICENCE_AREA.LICENCE_ID.eq(licenceId)).fetch(LICENCE_AREA.AREA_ID));
        return new LicenceDraft(r.get(LICENCE.ORGANISATION_ID), Dataset.valueOf(r.get(LICENCE.DATASET)),
                r.get(LICENCE.LAYER_CODE), r.get(LICENCE.WHOLE_LAYER), areas, r.get(LICENCE.DATA_FROM),
                r.get(LICENCE.DATA_TO), r.get(LICENCE.EXPIRES_AT), r.get(LICENCE.MIN_K));
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional
    public long create(LicenceDraft draft) {
        validate(draft);
        long id = db.insertInto(LICENCE)
                .set(LICENCE.ORGANISATION_ID, draft.organisationId())
                .set(LICENCE.DATASET, draft.dataset().name())
                .set(LICENCE.LAYER_CODE, draft.layerCode())
                .set(LICENCE.WHOLE_LAYER, draft.wholeLayer())
                .set(LICENCE.DATA_FROM, draft.dataFrom())
                .set(LICENCE.DATA_TO, draft.dataTo())
                .set(LICENCE.EXPIRES_AT, draft.expiresAt())
                .set(LICENCE.MIN_K, draft.minimumCrowd())
                .returningResult(LICENCE.ID).fetchSingle().value1();
        writeAreas(id, draft);
        audited(draft.organisationId(), "licence " + id + " granted: " + describe(draft));
        return id;
    }

    /** Changes a licence's scope, dates or k; the organisation and dataset stay. */
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional
    public void update(long licenceId, LicenceDraft draft) {
        LicenceDraft before = draft(licenceId);
        if (before.organisationId() != draft.organisationId() || before.dataset() != draft.dataset()) {
            throw new LicenceRefusedException("A licence's organisation and dataset cannot change: revoke it and grant a new one.");
        }
        requireNotRevoked(licenceId);
        validate(draft);
        db.update(LICENCE)
                .set(LICENCE.LAYER_CODE, draft.layerCode())
                .set(LICENCE.WHOLE_LAYER, draft.wholeLayer())
                .set(LICENCE.DATA_FROM, draft.dataFrom())
                .set(LICENCE.DATA_TO, draft.dataTo())
                .set(LICENCE.EXPIRES_AT, draft.expiresAt())
                .set(LICENCE.MIN_K, draft.minimumCrowd())
                .where(LICENCE.ID.eq(licenceId))
                .execute();
        db.deleteFrom(LICENCE_AREA).where(LICENCE_AREA.LICENCE_ID.eq(licenceId)).execute();
        writeAreas(licenceId, draft);
        audited(draft.organisationId(), "licence " + licenceId + " changed: " + describe(before) + " -> " + describe(draft));
    }

    /** Withdraws a licence at once; the partner's next query no longer sees its areas. Kept for the record. */
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional
    public void revoke(long licenceId) {
        LicenceDraft licence = draft(licenceId);
        requireNotRevoked(licenceId);
        db.update(LICENCE).set(LICENCE.REVOKED_AT, OffsetDateTime.now(clock)).where(LICENCE.ID.eq(licenceId)).execute();
        audited(licence.organisationId(), "licence " + licenceId + " revoked: " + describe(licence));
    }

    /** The name of the organisation a licence is (to be) for, for the editor's heading. */
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public String organisationName(long organisationId) {
        return db.select(ORGANISATION.NAME).from(ORGANISATION).where(ORGANISATION.ID.eq(organisationId))
                .fetchOptional(ORGANISATION.NAME)
                .orElseThrow(() -> new LicenceRefusedException("That organisation does not exist."));
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public List<LayerChoice> layers() {
        return db.select(AREA_LAYER.CODE, AREA_LAYER.NAME, AREA_LAYER.KIND,
                        field(selectCount().from(AREA).where(AREA.LAYER_CODE.eq(AREA_LAYER.CODE))))
                .from(AREA_LAYER)
                .orderBy(AREA_LAYER.KIND.desc(), AREA_LAYER.CODE)
                .fetch(r -> new LayerChoice(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Every area of a layer with its outline, for choosing on the map. */
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public List<AreaChoice> areasForMap(String layer) {
        return db.select(AREA.ID, AREA.CODE, AREA.NAME, AREA.GEOMETRY).from(AREA)
                .where(AREA.LAYER_CODE.eq(layer))
                .orderBy(AREA.NAME)
                .fetch(r -> new AreaChoice(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** A page of a layer's areas whose name or code contains {@code search}, for choosing from a list. */
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public List<AreaChoice> areas(String layer, String search, int offset, int limit) {
        return db.select(AREA.ID, AREA.CODE, AREA.NAME).from(AREA)
                .where(areaMatches(layer, search))
                .orderBy(AREA.NAME, AREA.ID)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new AreaChoice(r.value1(), r.value2(), r.value3(), null));
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public int countAreas(String layer, String search) {
        return db.fetchCount(AREA, areaMatches(layer, search));
    }

    private void validate(LicenceDraft d) {
        if (d.dataset() == null) {
            throw new LicenceRefusedException("Choose the dataset the licence is for.");
        }
        var kind = db.select(ORGANISATION.KIND).from(ORGANISATION).where(ORGANISATION.ID.eq(d.organisationId()))
                .fetchOptional(ORGANISATION.KIND)
                .orElseThrow(() -> new LicenceRefusedException("That organisation does not exist."));
        if (!"PARTNER".equals(kind)) {
            throw new LicenceRefusedException("Licences are for partner organisations.");
        }
        if (d.layerCode() == null || !db.fetchExists(AREA_LAYER, AREA_LAYER.CODE.eq(d.layerCode()))) {
            throw new LicenceRefusedException("Choose the layer of areas the licence covers.");
        }
        if (!d.wholeLayer()) {
            if (d.areaIds().isEmpty()) {
                throw new LicenceRefusedException("Choose at least one area, on the map or in the list, or license the whole layer.");
            }
            int found = db.fetchCount(AREA, AREA.ID.in(d.areaIds()).and(AREA.LAYER_CODE.eq(d.layerCode())));
            if (found != d.areaIds().size()) {
                throw new LicenceRefusedException("Some chosen areas are not on the layer " + d.layerCode() + ".");
            }
        }
        if (d.dataFrom() == null || d.dataTo() == null || d.dataFrom().isAfter(d.dataTo())) {
            throw new LicenceRefusedException("Choose the first and last day of data, the first on or before the last.");
        }
        if (d.expiresAt() == null || !d.expiresAt().isAfter(OffsetDateTime.now(clock))) {
            throw new LicenceRefusedException("The licence must expire in the future.");
        }
        if (d.minimumCrowd() != null && d.minimumCrowd() < privacy.minimumCrowd()) {
            throw new LicenceRefusedException("A licence may only raise the minimum crowd: k must be at least "
                    + privacy.minimumCrowd() + " (this deployment's), or left empty.");
        }
        if (d.minimumCrowd() != null && d.minimumCrowd() > 10_000) {
            throw new LicenceRefusedException("A minimum crowd above 10,000 would suppress everything.");
        }
    }

    private void writeAreas(long licenceId, LicenceDraft draft) {
        if (draft.wholeLayer()) {
            return;
        }
        var insert = db.insertInto(LICENCE_AREA, LICENCE_AREA.LICENCE_ID, LICENCE_AREA.AREA_ID);
        for (long area : draft.areaIds()) {
            insert = insert.values(licenceId, area);
        }
        insert.execute();
    }

    private void requireNotRevoked(long licenceId) {
        if (db.fetchExists(LICENCE, LICENCE.ID.eq(licenceId).and(LICENCE.REVOKED_AT.isNotNull()))) {
            throw new LicenceRefusedException("This licence has been revoked; grant a new one instead.");
        }
    }

    private Condition matching(LicenceQuery query) {
        Condition c = noCondition();
        if (query == null) {
            return c;
        }
        if (query.organisationId() != null) {
            c = c.and(LICENCE.ORGANISATION_ID.eq(query.organisationId()));
        }
        if (query.search() != null && !query.search().isBlank()) {
            c = c.and(ORGANISATION.NAME.containsIgnoreCase(query.search().strip()));
        }
        if (query.activeOnly()) {
            c = c.and(LICENCE.REVOKED_AT.isNull()).and(LICENCE.EXPIRES_AT.gt(OffsetDateTime.now(clock)));
        }
        return c;
    }

    private static Condition areaMatches(String layer, String search) {
        Condition c = AREA.LAYER_CODE.eq(layer == null ? "" : layer);
        if (search != null && !search.isBlank()) {
            c = c.and(AREA.NAME.containsIgnoreCase(search.strip()).or(AREA.CODE.containsIgnoreCase(search.strip())));
        }
        return c;
    }

    private static String describe(LicenceDraft d) {
        return d.dataset().label() + " on " + (d.wholeLayer() ? "all of " + d.layerCode()
                : d.areaIds().size() + " areas of " + d.layerCode()) + ", data " + d.dataFrom() + " to " + d.dataTo()
                + ", expires " + d.expiresAt().toLocalDate() + ", k " + (d.minimumCrowd() == null ? "deployment's"
                : d.minimumCrowd());
    }

    private void audited(long organisationId, String detail) {
        CrowdLensUser me = currentUser.require();
        audit.recordAdministration(me.username(), me.organisationId(), organisationId, AuditOutcome.SUCCESS, detail);
    }
}
